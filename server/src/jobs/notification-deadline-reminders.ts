import type { FastifyBaseLogger } from 'fastify'
import { DUE_KIND_LABELS } from '../../../src/contract/complaint-workflow'
import type { AppContext } from '../context'
import type { Db } from '../db/database'
import { skipLocked } from '../db/dialect-sql'
import { OPEN_STATUSES } from '../modules/complaints/complaints.repository'
import { COMPLAINT_LINKS, liaisonIds, staffIds } from '../modules/notifications/complaint-notifications'
import { notify } from '../modules/notifications/notify'
import { wechatTime } from '../modules/notifications/subscribe-template'

/** Remind whoever must act this long before a step's deadline. */
export const REMINDER_AHEAD_MS = 24 * 3600_000
const INTERVAL_MS = 10 * 60_000
const BATCH_SIZE = 50

/**
 * "Deadline near": one reminder per step and person, to the liaisons for an enterprise answer and to
 * the assigned staff member (or all staff) for review and mediation. Each batch of complaints is
 * claimed (reminded_due_at set to the step's due time, SKIP LOCKED on PostgreSQL) and reminded in one
 * transaction, so workers running at once take disjoint batches and a new step gets its own reminder.
 * The source key holds the due time besides, so nobody gets the same reminder twice.
 */
export async function remindNearDeadlines(ctx: AppContext): Promise<number> {
  const now = ctx.now()
  let written = 0
  for (;;) {
    const batch = await ctx.db.transaction().execute((trx) => remindBatch(trx, now))
    written += batch.written
    if (batch.claimed < BATCH_SIZE || batch.handled === 0) return written
  }
}

async function remindBatch(trx: Db, now: Date): Promise<{ claimed: number; handled: number; written: number }> {
  const soon = await skipLocked(
    trx,
    trx
      .selectFrom('complaints')
      .select(['id', 'number', 'business_name', 'path', 'enterprise_id', 'assigned_staff_id', 'due_at', 'due_kind', 'reminded_due_at', 'organization_path'])
      .where('status', 'in', OPEN_STATUSES)
      .where('due_at', '>', now.toISOString())
      .where('due_at', '<=', new Date(now.getTime() + REMINDER_AHEAD_MS).toISOString())
      .where((eb) => eb.or([eb('reminded_due_at', 'is', null), eb('reminded_due_at', '<>', eb.ref('due_at'))]))
      .orderBy('due_at')
      .limit(BATCH_SIZE),
  ).execute()
  let written = 0
  let handled = 0
  for (const complaint of soon) {
    if (!complaint.due_at || !complaint.due_kind) continue
    const claim = await trx
      .updateTable('complaints')
      .set({ reminded_due_at: complaint.due_at })
      .where('id', '=', complaint.id)
      .where('due_at', '=', complaint.due_at)
      .where((eb) => (complaint.reminded_due_at === null ? eb('reminded_due_at', 'is', null) : eb('reminded_due_at', '=', complaint.reminded_due_at)))
      .executeTakeFirst()
    if (Number(claim.numUpdatedRows) !== 1) continue
    handled += 1
    const toEnterprise = complaint.due_kind === 'enterprise_response'
    const recipients = toEnterprise ? await liaisonIds(trx, complaint) : await staffIds(trx, complaint)
    for (const userId of recipients) {
      const sourceKey = `deadline-near:${complaint.id}:${complaint.due_at}:${userId}`
      if (await trx.selectFrom('notifications').select('id').where('source_key', '=', sourceKey).executeTakeFirst()) continue
      await notify(trx, {
        recipientId: userId,
        type: 'deadline',
        title: '投诉即将到期，请尽快处理',
        body: `${complaint.business_name}（${complaint.number}）：${DUE_KIND_LABELS[complaint.due_kind]}至 ${wechatTime(complaint.due_at)}`,
        link: (toEnterprise ? COMPLAINT_LINKS.enterprise : COMPLAINT_LINKS.staff) + complaint.id,
        complaintId: complaint.id,
        sourceKey,
        now,
      })
      written += 1
    }
  }
  return { claimed: soon.length, handled, written }
}

/** Runs now and every 10 minutes; the timer does not keep the process alive. Returns a stop function. */
export function scheduleDeadlineReminders(ctx: AppContext, log: FastifyBaseLogger): () => void {
  const run = () => remindNearDeadlines(ctx).catch((error) => log.error({ err: error }, 'deadline reminders failed'))
  void run()
  const timer = setInterval(run, INTERVAL_MS)
  timer.unref()
  return () => clearInterval(timer)
}
