import type { FastifyBaseLogger } from 'fastify'
import type { AppContext } from '../context'
import type { Db } from '../db/database'
import { skipLocked } from '../db/dialect-sql'
import { findComplaintById } from '../modules/complaints/complaints.repository'
import { recordPerformanceStep } from '../modules/performance/performance-notices'
import { performanceRulesOf, periodEnd } from '../modules/performance/performance-rules'
import { dueQuestionsQuery, lateUnperformedQuery, moveFollowUp, unansweredQuery, type FollowUpRow } from '../modules/performance/performance.repository'
import { unperformedColumns } from '../modules/performance/performance.service'

const BATCH_SIZE = 20
const SYSTEM = { id: null, role: 'system' as const }

type Sweep = (ctx: AppContext, trx: Db, row: FollowUpRow, now: Date) => Promise<boolean>

/** The due date came: ask the consumer whether the money or goods arrived. */
const ask: Sweep = async (ctx, trx, row, now) => {
  const complaint = await findComplaintById(trx, row.complaint_id)
  const rules = complaint && (await performanceRulesOf(ctx, trx, complaint))
  if (!complaint || !rules) return false
  const answerDueAt = periodEnd(rules.answer, now).toISOString()
  const at = now.toISOString()
  if (!(await moveFollowUp(trx, row.complaint_id, 'scheduled', { state: 'asked', asked_at: at, answer_due_at: answerDueAt, updated_at: at }))) return false
  await recordPerformanceStep(trx, { complaint, followUp: row, step: 'asked', actor: SYSTEM, note: null, data: { dueDate: row.due_date, answerDueAt }, now })
  return true
}

/** No answer within the rules' period: the case goes back to the mediator as 未履行. */
const noAnswer: Sweep = async (ctx, trx, row, now) => {
  const complaint = await findComplaintById(trx, row.complaint_id)
  const rules = complaint && (await performanceRulesOf(ctx, trx, complaint))
  if (!complaint || !rules) return false
  const set = unperformedColumns(rules, 'no_answer', now)
  if (!(await moveFollowUp(trx, row.complaint_id, 'asked', set))) return false
  await recordPerformanceStep(trx, { complaint, followUp: row, step: 'unperformed', actor: SYSTEM, note: null, data: { reason: 'no_answer', handleDueAt: set.handle_due_at }, now })
  return true
}

/** The mediator's deadline for a 未履行 case passed: flagged once, the mediator reminded. */
const flagLate: Sweep = async (_ctx, trx, row, now) => {
  const complaint = await findComplaintById(trx, row.complaint_id)
  if (!complaint) return false
  const flagged = await trx
    .updateTable('performance_follow_ups')
    .set({ handle_overdue_at: now.toISOString() })
    .where('complaint_id', '=', row.complaint_id)
    .where('state', '=', 'unperformed')
    .where('handle_overdue_at', 'is', null)
    .where('handle_due_at', '=', row.handle_due_at)
    .executeTakeFirst()
  if (Number(flagged.numUpdatedRows) !== 1) return false
  await recordPerformanceStep(trx, { complaint, followUp: row, step: 'handle_overdue', actor: SYSTEM, note: null, data: {}, now })
  return true
}

const SWEEPS: ReadonlyArray<[(db: Db, at: string, limit: number) => ReturnType<typeof dueQuestionsQuery>, Sweep]> = [
  [dueQuestionsQuery, ask],
  [unansweredQuery, noAnswer],
  [lateUnperformedQuery, flagLate],
]

/**
 * Runs the performance follow-up (履行回访): asks on the due date, sends unanswered questions back to
 * the mediator, flags late 未履行 cases. Every batch is claimed with SKIP LOCKED (PostgreSQL) and every
 * row moved by a compare-and-swap on its state, so two instances running at once never ask twice.
 */
export async function runPerformanceFollowUps(ctx: AppContext): Promise<number> {
  const now = ctx.now()
  let done = 0
  for (const [query, sweep] of SWEEPS) {
    for (;;) {
      const batch = await ctx.db.transaction().execute(async (trx) => {
        const rows = await skipLocked(trx, query(trx, now.toISOString(), BATCH_SIZE)).execute()
        let moved = 0
        for (const row of rows) if (await sweep(ctx, trx, row, now)) moved += 1
        return { claimed: rows.length, moved }
      })
      done += batch.moved
      if (batch.claimed < BATCH_SIZE || batch.moved === 0) break
    }
  }
  return done
}

/** Runs now and every `intervalMs`; the timer does not keep the process alive. Returns a stop function. */
export function schedulePerformanceFollowUps(ctx: AppContext, log: FastifyBaseLogger, intervalMs: number): () => void {
  const run = () => runPerformanceFollowUps(ctx).catch((error) => log.error({ err: error }, 'performance follow-up failed'))
  void run()
  const timer = setInterval(run, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
