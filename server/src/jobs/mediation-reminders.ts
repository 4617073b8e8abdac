import type { FastifyBaseLogger } from 'fastify'
import { SESSION_REMINDERS, sessionTimeLabel } from '../../../src/contract/mediation'
import type { AppContext } from '../context'
import type { Db } from '../db/database'
import { skipLocked } from '../db/dialect-sql'
import { liaisonsOf } from '../modules/mediation/mediation.repository'
import { ROOM_LINK } from '../modules/mediation/mediation.service'
import { notify } from '../modules/notifications/notify'

const INTERVAL_MS = 60_000
const BATCH_SIZE = 50
const COLUMN = { day: 'reminded_day_at', soon: 'reminded_soon_at' } as const

/**
 * Reminds the consumer, the liaisons and the mediator of a confirmed session the day before and
 * 30 minutes before (SESSION_REMINDERS): the inbox, plus WeChat/SMS for those who opted in (notify
 * decides). Each session is claimed per reminder with a conditional update, so two workers never
 * send one twice; a session confirmed inside the 30-minute window gets only the 30-minute one.
 */
export async function remindMediationSessions(ctx: AppContext): Promise<number> {
  const now = ctx.now()
  let written = 0
  for (const reminder of SESSION_REMINDERS) {
    for (;;) {
      const batch = await ctx.db.transaction().execute((trx) => remindBatch(trx, now, reminder))
      written += batch.written
      if (batch.claimed < BATCH_SIZE) break
    }
  }
  return written
}

async function remindBatch(trx: Db, now: Date, reminder: (typeof SESSION_REMINDERS)[number]) {
  const column = COLUMN[reminder.key]
  const due = await skipLocked(trx, dueSessionsQuery(trx, now, reminder)).execute()
  let written = 0
  for (const session of due) {
    const claim = await trx.updateTable('mediation_sessions').set({ [column]: now.toISOString() }).where('id', '=', session.id).where(column, 'is', null).executeTakeFirst()
    if (Number(claim.numUpdatedRows) !== 1) continue
    const recipients = [session.consumer_id, ...(await liaisonsOf(trx, session.enterprise_id)), session.proposed_by]
    for (const recipientId of new Set(recipients)) {
      await notify(trx, {
        recipientId,
        type: 'mediation_session',
        title: `调解提醒：${reminder.label}开始`,
        body: `${session.business_name}（${session.number}）的线上调解将于 ${sessionTimeLabel(session.starts_at)} 开始，请准时进入调解室`,
        link: ROOM_LINK + session.complaint_id,
        complaintId: session.complaint_id,
        sourceKey: `session-reminder:${reminder.key}:${session.id}:${recipientId}`,
        now,
      })
      written += 1
    }
  }
  return { claimed: due.length, written }
}

/** Confirmed sessions whose reminder is due and not yet sent, by start time (mediation_sessions_due). */
export function dueSessionsQuery(db: Db, now: Date, reminder: (typeof SESSION_REMINDERS)[number]) {
  const column = COLUMN[reminder.key]
  // The day-before reminder is not sent once the 30-minute one is due.
  const soonest = reminder.key === 'day' ? now.getTime() + 30 * 60_000 : now.getTime()
  return db
    .selectFrom('mediation_sessions')
    .innerJoin('complaints', 'complaints.id', 'mediation_sessions.complaint_id')
    .select(['mediation_sessions.id', 'mediation_sessions.starts_at', 'mediation_sessions.proposed_by', 'complaints.id as complaint_id', 'complaints.number', 'complaints.business_name', 'complaints.consumer_id', 'complaints.enterprise_id'])
    .where('mediation_sessions.status', '=', 'confirmed')
    .where('mediation_sessions.starts_at', '>', new Date(soonest).toISOString())
    .where('mediation_sessions.starts_at', '<=', new Date(now.getTime() + reminder.aheadMinutes * 60_000).toISOString())
    .where(`mediation_sessions.${column}`, 'is', null)
    .orderBy('mediation_sessions.starts_at')
    .limit(BATCH_SIZE)
}

/** Runs now and every minute (the 30-minute reminder needs that); the timer does not keep the process alive. */
export function scheduleMediationReminders(ctx: AppContext, log: FastifyBaseLogger): () => void {
  const run = () => remindMediationSessions(ctx).catch((error) => log.error({ err: error }, 'mediation reminders failed'))
  void run()
  const timer = setInterval(run, INTERVAL_MS)
  timer.unref()
  return () => clearInterval(timer)
}
