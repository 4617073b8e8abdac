import type { FindingStatus } from '../../../src/contract/bad-faith-finding-rules'

/** Bad-faith findings (失信惩戒认定, issue #19); see migration 2026-12-05T0050. */
export interface BadFaithFindingTable {
  id: string
  enterprise_id: string
  /** The proposer's organization, and its path for "this organization and those below it". */
  organization_id: string
  organization_path: string
  proposed_by: string
  /** FINDING_BASES code (src/contract/bad-faith-finding-rules.ts). */
  basis_code: string
  facts: string
  /** How long a published finding stays public. */
  months: number
  status: FindingStatus
  /** End of the appeal window (working days from the proposal). */
  appeal_due_at: string
  appeal_text: string | null
  appeal_by: string | null
  appeal_at: string | null
  decided_by: string | null
  decided_at: string | null
  decision_reasons: string | null
  published_at: string | null
  /** published_at + months: after it the finding is no longer shown (checked at query time). */
  expires_at: string | null
  /** Lifting early takes two staff: one asks (with the reason), another confirms. */
  lift_requested_by: string | null
  lift_reason: string | null
  lift_requested_at: string | null
  lifted_by: string | null
  lifted_at: string | null
  created_at: string
  updated_at: string
}

export interface BadFaithFindingCaseTable {
  finding_id: string
  complaint_id: string
}

export interface BadFaithFindingPhotoTable {
  evidence_id: string
  finding_id: string
  position: number
}

export interface BadFaithFindingTables {
  bad_faith_findings: BadFaithFindingTable
  bad_faith_finding_cases: BadFaithFindingCaseTable
  bad_faith_finding_photos: BadFaithFindingPhotoTable
}
