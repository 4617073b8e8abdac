import { randomUUID } from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import type { AppContext } from '../context'
import type { Db, Dialect } from '../db/database'
import { letOthersIn } from '../db/loop-turn'
import { skipLocked } from '../db/dialect-sql'
import { AppError } from '../errors'
import { insertComplaintEvent, nextEventTime } from '../modules/complaints/complaint-events.repository'
import { OPEN_STATUSES } from '../modules/complaints/complaints.repository'
import { ASSOCIATION_DUE_KINDS } from '../modules/complaints/complaint-transition'
import { perform } from '../modules/workflow/workflow.service'
import { rulesOfComplaint, stepDeadline } from '../modules/rules/rule-sets.service'

export const DEADLINE_CHECK_INTERVAL_MS = 5 * 60 * 1000
/**
 * Complaints claimed and handled in one transaction. On SQLite a transaction holds the one connection
 * and runs on the event loop until it commits, so it is kept to about 20 ms (an escalation, with its
 * notifications, took 3–4 ms of CPU at 100,000 complaints); PostgreSQL lets others in at every query.
 */
const batchSize = (dialect: Dialect) => (dialect === 'sqlite' ? 5 : 50)

/**
 * Acts on every deadline that has passed: an enterprise that has not answered in time loses the
 * complaint to the association (the `escalate` action); any other late step is flagged once
 * (overdue_at and an 'overdue' event). Deadlines live in the database, so a restart loses nothing.
 * Each batch is claimed and handled in one transaction (SKIP LOCKED on PostgreSQL), so workers
 * running at once take disjoint batches; each change is a compare-and-swap besides.
 */
export async function checkDeadlines(ctx: AppContext): Promise<{ escalated: number; flagged: number }> {
  const now = ctx.now()
  const limit = batchSize(ctx.dialect)
  const result = { escalated: 0, flagged: 0 }
  for (;;) {
    const batch = await ctx.db.transaction().execute((trx) => escalateBatch(ctx, trx, now, limit))
    result.escalated += batch.done
    if (batch.claimed < limit || batch.done === 0) break
    await letOthersIn(ctx.dialect)
  }
  for (;;) {
    const batch = await ctx.db.transaction().execute((trx) => flagBatch(trx, now, limit))
    result.flagged += batch.done
    if (batch.claimed < limit || batch.done === 0) break
    await letOthersIn(ctx.dialect)
  }
  return result
}

/** Enterprise answers late at `at`, the longest overdue first (index complaints_status_due). */
export function lateAnswersQuery(db: Db, at: string, limit: number) {
  return (
    db
      .selectFrom('complaints')
      .selectAll()
      .where('status', '=', 'enterprise_handling')
      .where('due_at', '<', at)
      // A testing/appraisal pause stops the clock: the deadline moves on when it resumes.
      .where('clock_paused_at', 'is', null)
      .orderBy('due_at')
      .limit(limit)
  )
}

/** Other open steps late at `at` and not flagged yet, the longest overdue first (index complaints_unflagged_due). */
export function unflaggedLateStepsQuery(db: Db, at: string, limit: number) {
  return db
    .selectFrom('complaints')
    .select(['id', 'status', 'due_at', 'due_kind'])
    .where('status', 'in', OPEN_STATUSES.filter((status) => status !== 'enterprise_handling'))
    .where('due_at', '<', at)
    .where('overdue_at', 'is', null)
    // A testing/appraisal pause stops the clock: the deadline moves on when it resumes.
    .where('clock_paused_at', 'is', null)
    // overdue_at is null in every row: ordered as the index is, so PostgreSQL too seeks to the
    // unflagged rows instead of walking complaints_due past every flagged one.
    .orderBy('overdue_at')
    .orderBy('due_at')
    .limit(limit)
}

async function escalateBatch(ctx: AppContext, trx: Db, now: Date, limit: number): Promise<{ claimed: number; done: number }> {
  const late = await skipLocked(trx, lateAnswersQuery(trx, now.toISOString(), limit)).execute()
  let done = 0
  for (const complaint of late) {
    const rules = await rulesOfComplaint(ctx, trx, complaint)
    try {
      await perform(trx, {
        complaint,
        action: 'escalate',
        actor: { id: null, role: 'system' },
        step: { note: null, data: { dueAt: complaint.due_at }, set: { ...stepDeadline(rules, 'review', now), overdue_at: null } },
        now,
      })
      done += 1
    } catch (error) {
      // Someone acted first (the enterprise answered, another run escalated): nothing to do. The
      // compare-and-swap refuses before writing, so the transaction is still good.
      if (!(error instanceof AppError && error.statusCode === 409)) throw error
    }
  }
  return { claimed: late.length, done }
}

async function flagBatch(trx: Db, now: Date, limit: number): Promise<{ claimed: number; done: number }> {
  const at = now.toISOString()
  const overdue = await skipLocked(trx, unflaggedLateStepsQuery(trx, at, limit)).execute()
  let done = 0
  for (const complaint of overdue) {
    // Flagging changes no status, so it does not bump the version: a person acting meanwhile is not refused.
    const update = await trx
      .updateTable('complaints')
      // A late step of the association makes the case not closed on time (按期办结), once and for all.
      .set((eb) => ({ overdue_at: at, ...(ASSOCIATION_DUE_KINDS.has(complaint.due_kind ?? '') ? { late_at: eb.fn.coalesce('late_at', eb.val(at)) } : {}) }))
      .where('id', '=', complaint.id)
      .where('overdue_at', 'is', null)
      .where('clock_paused_at', 'is', null)
      .where('due_at', '=', complaint.due_at)
      .executeTakeFirst()
    if (Number(update.numUpdatedRows) !== 1) continue
    await insertComplaintEvent(trx, {
      id: randomUUID(),
      complaint_id: complaint.id,
      type: 'overdue',
      actor_id: null,
      actor_role: 'system',
      note: null,
      from_status: complaint.status,
      to_status: complaint.status,
      created_at: await nextEventTime(trx, complaint.id, now),
      data: JSON.stringify({ dueAt: complaint.due_at, dueKind: complaint.due_kind }),
    })
    done += 1
  }
  return { claimed: overdue.length, done }
}

/** Checks now and then every 5 minutes; the timer does not keep the process alive. Returns a stop function. */
export function scheduleDeadlineChecks(ctx: AppContext, log: FastifyBaseLogger): () => void {
  const run = async () => {
    try {
      const result = await checkDeadlines(ctx)
      if (result.escalated + result.flagged > 0) log.info(result, 'acted on passed deadlines')
    } catch (error) {
      log.error({ err: error }, 'deadline check failed')
    }
  }
  void run()
  const timer = setInterval(run, DEADLINE_CHECK_INTERVAL_MS)
  timer.unref()
  return () => clearInterval(timer)
}
