import { randomUUID } from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import type { AppContext } from '../../context'
import type { Db } from '../../db/database'
import { announceInboxChange } from '../notifications/inbox-signal'
import { takeNextSeqs } from '../notifications/notification-seq'
import type { WarningRow } from './warnings.repository'

const BATCH = 500
export const URGENT_ALERT_INTERVAL_MS = 60 * 1000
const DETAIL_PAGE = '/packages/warnings/pages/detail/index'

/**
 * Tells users about an urgent warning once it is public, exactly once (urgent_notified_at is claimed
 * first). Users have no region on file yet, so only nationwide warnings are sent, to every active
 * consumer and volunteer; a regional one is marked as handled without sending.
 * Returns how many notifications were written.
 */
export async function alertUrgentWarning(trx: Db, warning: WarningRow, now: Date): Promise<number> {
  const due = warning.status === 'published' && warning.published_at !== null && warning.published_at <= now.toISOString()
  if (Number(warning.urgent) !== 1 || !due) return 0
  const claimed = await trx
    .updateTable('warnings')
    .set({ urgent_notified_at: now.toISOString() })
    .where('id', '=', warning.id)
    .where('urgent_notified_at', 'is', null)
    .executeTakeFirst()
  if (Number(claimed.numUpdatedRows) !== 1) return 0
  if ((JSON.parse(warning.regions) as string[]).length > 0) return 0

  let written = 0
  let after = ''
  for (;;) {
    const users = await trx
      .selectFrom('users')
      .select('id')
      .where('disabled', '=', 0)
      .where('role', 'in', ['consumer', 'volunteer'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute()
    if (users.length === 0) break
    after = users.at(-1)!.id
    written += await insertBatch(trx, warning, users.map((u) => u.id), now)
  }
  return written
}

/** One INSERT for a batch of users; each user's seq is their own next one. */
async function insertBatch(trx: Db, warning: WarningRow, userIds: string[], now: Date): Promise<number> {
  const seqs = await takeNextSeqs(trx, userIds)
  const result = await trx
    .insertInto('notifications')
    .values(
      userIds.map((userId) => ({
        id: randomUUID(),
        recipient_id: userId,
        type: 'warning_published' as const,
        title: `紧急消费警示：${warning.title}`.slice(0, 40),
        body: warning.summary.slice(0, 120),
        link: `${DETAIL_PAGE}?id=${warning.id}`,
        complaint_id: null,
        source_key: `warning:${warning.id}:${userId}`,
        created_at: now.toISOString(),
        read_at: null,
        seq: seqs.get(userId)!,
      })),
    )
    .onConflict((oc) => oc.column('source_key').doNothing())
    .executeTakeFirst()
  await announceInboxChange(trx, userIds)
  return Number(result.numInsertedOrUpdatedRows ?? 0)
}

/** Scheduled urgent warnings whose time has come and whose users have not been told yet. */
export async function alertDueUrgentWarnings(ctx: AppContext): Promise<number> {
  const now = ctx.now()
  const due = await ctx.db
    .selectFrom('warnings')
    .selectAll()
    .where('status', '=', 'published')
    .where('urgent', '=', 1)
    .where('urgent_notified_at', 'is', null)
    .where('published_at', '<=', now.toISOString())
    .execute()
  let written = 0
  for (const warning of due) written += await ctx.db.transaction().execute((trx) => alertUrgentWarning(trx, warning, now))
  return written
}

/** Checks now and every minute; the timer does not keep the process alive. Returns a stop function. */
export function scheduleUrgentWarningAlerts(ctx: AppContext, log: FastifyBaseLogger): () => void {
  const run = async () => {
    try {
      const written = await alertDueUrgentWarnings(ctx)
      if (written > 0) log.info({ written }, 'urgent warning notifications written')
    } catch (error) {
      log.error({ err: error }, 'urgent warning alerts failed')
    }
  }
  void run()
  const timer = setInterval(run, URGENT_ALERT_INTERVAL_MS)
  timer.unref()
  return () => clearInterval(timer)
}
