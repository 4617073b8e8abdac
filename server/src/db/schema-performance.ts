import type { PerformanceAnswer, PerformanceSource, PerformanceState, UnperformedReason } from '../../../src/contract/performance'

/** Performance follow-up (履行回访, issue #17): one row per settled complaint with a due date. */
export interface PerformanceFollowUpTable {
  complaint_id: string
  source: PerformanceSource
  consumer_id: string
  enterprise_id: string | null
  mediator_id: string | null
  /** China date YYYY-MM-DD: the settlement's "by when". */
  due_date: string
  state: PerformanceState
  ask_at: string
  asked_at: string | null
  answer_due_at: string | null
  answer: PerformanceAnswer | null
  partial_note: string | null
  answered_at: string | null
  unperformed_reason: UnperformedReason | null
  unperformed_at: string | null
  handle_due_at: string | null
  handle_overdue_at: string | null
  performed_at: string | null
  reopen_until: string | null
  created_at: string
  updated_at: string
}

export interface PerformanceTables {
  performance_follow_ups: PerformanceFollowUpTable
}
