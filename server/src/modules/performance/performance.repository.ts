import type { Insertable, Selectable, Updateable } from 'kysely'
import type { PerformanceState } from '../../../../src/contract/performance'
import type { Db } from '../../db/database'
import type { PerformanceFollowUpTable } from '../../db/schema-performance'

export type FollowUpRow = Selectable<PerformanceFollowUpTable>

export function findFollowUp(db: Db, complaintId: string) {
  return db.selectFrom('performance_follow_ups').selectAll().where('complaint_id', '=', complaintId).executeTakeFirst()
}

/** A new due date restarts the follow-up: one row per case, replaced when the settlement is made again. */
export async function upsertFollowUp(trx: Db, row: Insertable<PerformanceFollowUpTable>) {
  await trx
    .insertInto('performance_follow_ups')
    .values(row)
    .onConflict((oc) =>
      oc.column('complaint_id').doUpdateSet({
        source: row.source,
        enterprise_id: row.enterprise_id,
        mediator_id: row.mediator_id,
        due_date: row.due_date,
        state: 'scheduled',
        ask_at: row.ask_at,
        asked_at: null,
        answer_due_at: null,
        answer: null,
        partial_note: null,
        answered_at: null,
        unperformed_reason: null,
        unperformed_at: null,
        handle_due_at: null,
        handle_overdue_at: null,
        performed_at: null,
        reopen_until: null,
        updated_at: row.updated_at,
      }),
    )
    .execute()
}

/**
 * Moves a follow-up on only from the state it was read in: of two requests (or two workers) acting at
 * once, one wins and the other changes nothing. True when this call made the change.
 */
export async function moveFollowUp(trx: Db, complaintId: string, from: PerformanceState, set: Updateable<PerformanceFollowUpTable>): Promise<boolean> {
  const result = await trx.updateTable('performance_follow_ups').set(set).where('complaint_id', '=', complaintId).where('state', '=', from).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Follow-ups whose question is due at `at` (index performance_follow_ups_ask). */
export const dueQuestionsQuery = (db: Db, at: string, limit: number) =>
  db.selectFrom('performance_follow_ups').selectAll().where('state', '=', 'scheduled').where('ask_at', '<=', at).orderBy('ask_at').limit(limit)

/** Questions left unanswered past their period at `at` (index performance_follow_ups_answer_due). */
export const unansweredQuery = (db: Db, at: string, limit: number) =>
  db.selectFrom('performance_follow_ups').selectAll().where('state', '=', 'asked').where('answer_due_at', '<', at).orderBy('answer_due_at').limit(limit)

/** 未履行 cases past the mediator's deadline, not yet flagged (index performance_follow_ups_handle_due). */
export const lateUnperformedQuery = (db: Db, at: string, limit: number) =>
  db
    .selectFrom('performance_follow_ups')
    .selectAll()
    .where('state', '=', 'unperformed')
    .where('handle_due_at', '<', at)
    .where('handle_overdue_at', 'is', null)
    .orderBy('handle_due_at')
    .limit(limit)

/** 未履行 cases by deadline with their complaint (index performance_follow_ups_handle_due, then the complaint by key). */
export const unperformedCasesQuery = (db: Db, limit: number) =>
  db
    .selectFrom('performance_follow_ups as f')
    .innerJoin('complaints', 'complaints.id', 'f.complaint_id')
    .select([
      'f.complaint_id',
      'f.unperformed_reason',
      'f.partial_note',
      'f.unperformed_at',
      'f.handle_due_at',
      'f.handle_overdue_at',
      'complaints.number',
      'complaints.business_name',
    ])
    .where('f.state', '=', 'unperformed')
    .orderBy('f.handle_due_at')
    .limit(limit)

/** An enterprise's follow-ups counted per state (index performance_follow_ups_enterprise). */
export const enterprisePerformanceQuery = (db: Db, enterpriseId: string) =>
  db
    .selectFrom('performance_follow_ups')
    .select((eb) => ['state', eb.fn.countAll<number | string>().as('n')])
    .where('enterprise_id', '=', enterpriseId)
    .groupBy('state')
