import type { AppContext } from '../../context'
import { notify } from '../notifications/notify'
import { cancelPending } from './account-deletion.repository'

export const ACCOUNT_DELETION_PAGE = '/packages/settings/pages/account-deletion/index'

/**
 * Cancels the account's pending deletion (a login during the cool-off, or 撤销注销) and tells the person
 * in the same transaction. False when nothing was pending: the common case on every login.
 */
export async function cancelPendingDeletion(ctx: AppContext, userId: string, by: 'login' | 'button'): Promise<boolean> {
  const now = ctx.now()
  return ctx.db.transaction().execute(async (trx) => {
    const cancelled = await cancelPending(trx, userId, by, now.toISOString())
    if (!cancelled) return false
    await notify(trx, {
      recipientId: userId,
      type: 'account_status',
      title: '注销申请已撤销',
      body:
        by === 'login'
          ? '您在冷静期内重新登录，注销申请已自动撤销，账号和数据都保持不变。'
          : '您撤销了注销申请，账号和数据都保持不变。',
      link: ACCOUNT_DELETION_PAGE,
      sourceKey: `account-deletion:${cancelled.id}:cancelled`,
      now,
    })
    return true
  })
}
