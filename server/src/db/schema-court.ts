/** The court hand-off (migration 2026-12-04T0041-court-hand-off). */
export interface CourtReferralTable {
  complaint_id: string
  court_name: string
  court_case_number: string
  /** China dates, yyyy-mm-dd. */
  received_on: string
  court_deadline: string
  registered_by: string
  created_at: string
}

export interface LitigationLetterTable {
  id: string
  complaint_id: string
  number: string
  issued_by: string
  issuer_name: string
  organization_name: string
  issued_at: string
  pdf_key: string
  pdf_sha256: string
}

export interface CourtTables {
  court_referrals: CourtReferralTable
  litigation_letters: LitigationLetterTable
}
