import type { Generated } from 'kysely'

/** 线下无理由退货承诺 (issue #19); see migration 2026-12-05T0049. */
export interface ReturnCommitmentTable {
  id: string
  enterprise_id: string
  store_name: string
  store_address: string
  /** '浙江省/杭州市/西湖区', as the filing form's region. */
  region: string
  latitude: number | null
  longitude: number | null
  organization_id: string
  organization_path: string
  days: number
  conditions: string
  /** JSON array of ReturnExclusion codes. */
  exclusions: string
  exclusion_note: string | null
  /** YYYY-MM-DD (China date) */
  starts_on: string
  status: 'active' | 'revoked'
  signed_by: string
  signed_at: string
  revoked_at: string | null
  revoked_by: string | null
  revoked_reason: string | null
  resign_on: string | null
  store_key: string
}

export interface ReturnCommitmentMonthTable {
  commitment_id: string
  /** YYYY-MM */
  month: string
  returns_count: number
  /** PostgreSQL returns bigint as a string: Number() when reading. */
  amount_fen: number | string
  recorded_by: string
  recorded_at: string
}

export interface ReturnCommitmentComplaintTable {
  complaint_id: string
  commitment_id: string
  /** JSON of the commitment's terms when the complaint was filed (ReturnCommitmentTerms). */
  terms: string
  created_at: string
  upheld_at: string | null
  upheld_by: string | null
}

export interface ReturnCommitmentTables {
  return_commitments: ReturnCommitmentTable
  return_commitment_months: ReturnCommitmentMonthTable
  return_commitment_complaints: ReturnCommitmentComplaintTable
}

/** complaints.queue_priority: 1 for a refused return at a committed store. */
export type QueuePriority = Generated<number>
