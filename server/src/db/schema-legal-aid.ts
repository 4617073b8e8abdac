import type { Generated } from 'kysely'
import type { LegalAidKind, LegalAidStatus } from '../../../src/contract/legal-aid'

/** Legal aid requests (issue #18); see migration 2026-12-05T0045. */
export interface LegalAidRequestTable {
  id: string
  complaint_id: string
  consumer_id: string
  kind: LegalAidKind
  description: string
  status: LegalAidStatus
  /** `${complaint_id}:${kind}` while open or assigned, null after (unique: one active request per case and kind). */
  active_key: string | null
  /** The consent the consumer ticked, word for word, and when. */
  consent_text: string
  consented_at: string
  lawyer_id: string | null
  assigned_by: string | null
  assigned_at: string | null
  opinion_count: Generated<number>
  finished_at: string | null
  withdrawn_at: string | null
  created_at: string
  updated_at: string
}

export interface LegalAidTables {
  legal_aid_requests: LegalAidRequestTable
}
