import { createNotificationSms, type NotificationSms } from '../adapters/sms'
import type { AppContext } from '../context'
import { deleteUnreferencedFiles } from '../modules/evidence/evidence.service'
import { claimDeletion, deletionsDue } from '../modules/privacy/account-deletion.repository'
import { eraseAccount } from '../modules/privacy/account-erasure'
import type { JobLog } from './retention'

export const ACCOUNT_DELETION_INTERVAL_MS = 60 * 60 * 1000
const BATCH_SIZE = 50

export interface AccountDeletionResult {
  completed: number
  photoFiles: number
}

const COMPLETED_TEXT = '您的维权通账号已注销，个人信息已删除或匿名化。仍在处理中的投诉会继续处理至结束。如非本人操作，请联系当地消费者协会。'

/**
 * Completes every deletion whose cool-off has ended, as of `ctx.now()`. Each request is claimed and its
 * data erased in one transaction, so a crash leaves it pending for the next run and two workers never
 * erase one account twice. The notice goes by SMS to the number just erased (the account, and so its
 * inbox, no longer exists); photo files are deleted after commit, as everywhere.
 */
export async function completeDueAccountDeletions(
  ctx: AppContext,
  notice: NotificationSms = createNotificationSms(ctx.config),
  log?: JobLog,
): Promise<AccountDeletionResult> {
  const result: AccountDeletionResult = { completed: 0, photoFiles: 0 }
  for (;;) {
    const at = ctx.now().toISOString()
    const due = await deletionsDue(ctx.db, at, BATCH_SIZE)
    for (const { id } of due) {
      const done = await ctx.db.transaction().execute(async (trx) => {
        const claimed = await claimDeletion(trx, id, at)
        if (!claimed) return null
        const user = await trx.selectFrom('users').selectAll().where('id', '=', claimed.user_id).executeTakeFirstOrThrow()
        return { phone: user.phone, files: await eraseAccount(trx, user, at) }
      })
      if (!done) continue
      result.completed += 1
      result.photoFiles += await deleteUnreferencedFiles(ctx, done.files)
      if (done.phone) {
        await notice.sendNotification(done.phone, COMPLETED_TEXT).catch((error: unknown) => log?.error({ err: error, deletion: id }, 'account deletion notice failed'))
      }
    }
    if (due.length < BATCH_SIZE) return result
  }
}

/** Runs now and then every hour beside the retention job; the timer does not keep the process alive. */
export function scheduleAccountDeletions(ctx: AppContext, log: JobLog): () => void {
  const notice = createNotificationSms(ctx.config)
  const run = async () => {
    try {
      const result = await completeDueAccountDeletions(ctx, notice, log)
      if (result.completed > 0) log.info(result, 'account deletions completed')
    } catch (error) {
      log.error({ err: error }, 'account deletion job failed')
    }
  }
  void run()
  const timer = setInterval(run, ACCOUNT_DELETION_INTERVAL_MS)
  timer.unref()
  return () => clearInterval(timer)
}
