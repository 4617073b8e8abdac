import type { FastifyBaseLogger } from 'fastify'
import { DUE_KIND_LABELS } from '../../../src/contract/complaint-workflow'
import type { AppContext } from '../context'
import { OPEN_STATUSES } from '../modules/complaints/complaints.repository'
import { COMPLAINT_LINKS, liaisonIds, staffIds } from '../modules/notifications/complaint-notifications'
import { notify } from '../modules/notifications/notify'
import { wechatTime } from '../modules/notifications/subscribe-template'

/** Remind whoever must act this long before a step's deadline. */
export const REMINDER_AHEAD_MS = 24 * 3600_000
const INTERVAL_MS = 10 * 60_000
const BATCH_SIZE = 200

/**
 * "Deadline near": one reminder per step and person, to the liaisons for an enterprise answer and to
 * the assigned staff member (or all staff) for review and mediation. The source key holds the due
 * time, so reruns write nothing new and a new step gets its own reminder.
 */
export async function remindNearDeadlines(ctx: AppContext): Promise<number> {
  const now = ctx.now()
  const soon = await ctx.db
    .selectFrom('complaints')
    .select(['id', 'number', 'business_name', 'path', 'enterprise_id', 'assigned_staff_id', 'due_at', 'due_kind'])
    .where('status', 'in', OPEN_STATUSES)
    .where('due_at', '>', now.toISOString())
    .where('due_at', '<=', new Date(now.getTime() + REMINDER_AHEAD_MS).toISOString())
    .orderBy('due_at')
    .limit(BATCH_SIZE)
    .execute()
  let written = 0
  for (const complaint of soon) {
    if (!complaint.due_at || !complaint.due_kind) continue
    const toEnterprise = complaint.due_kind === 'enterprise_response'
    await ctx.db.transaction().execute(async (trx) => {
      const recipients = toEnterprise ? await liaisonIds(trx, complaint) : await staffIds(trx, complaint)
      for (const userId of recipients) {
        const before = await trx.selectFrom('notifications').select('id').where('source_key', '=', `deadline-near:${complaint.id}:${complaint.due_at}:${userId}`).executeTakeFirst()
        if (before) continue
        await notify(trx, {
          recipientId: userId,
          type: 'deadline',
          title: '投诉即将到期，请尽快处理',
          body: `${complaint.business_name}（${complaint.number}）：${DUE_KIND_LABELS[complaint.due_kind!]}至 ${wechatTime(complaint.due_at!)}`,
          link: (toEnterprise ? COMPLAINT_LINKS.enterprise : COMPLAINT_LINKS.staff) + complaint.id,
          complaintId: complaint.id,
          sourceKey: `deadline-near:${complaint.id}:${complaint.due_at}:${userId}`,
          now,
        })
        written += 1
      }
    })
  }
  return written
}

/** Runs now and every 10 minutes; the timer does not keep the process alive. Returns a stop function. */
export function scheduleDeadlineReminders(ctx: AppContext, log: FastifyBaseLogger): () => void {
  const run = () => remindNearDeadlines(ctx).catch((error) => log.error({ err: error }, 'deadline reminders failed'))
  void run()
  const timer = setInterval(run, INTERVAL_MS)
  timer.unref()
  return () => clearInterval(timer)
}
