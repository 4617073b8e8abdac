/** Mediation agreements (调解协议书, issue #17). */
export interface MediationAgreementTable {
  id: string
  complaint_id: string
  /** The current version; moved on only by compare-and-swap. */
  version: number
  text_sha256: string
  status: 'open' | 'effective'
  /** Signatures on the current version (0–2). */
  signature_count: number
  /** The current version's "by when", China date YYYY-MM-DD: performance follow-up starts from it. */
  due_date: string
  /** PostgreSQL returns bigint as a string: convert with Number() when reading. */
  amount_fen: number | string
  mediator_id: string
  created_at: string
  updated_at: string
  effective_at: string | null
  pdf_key: string | null
  pdf_sha256: string | null
}

export interface MediationAgreementVersionTable {
  agreement_id: string
  version: number
  /** JSON AgreementDraft as the mediator wrote it. */
  body: string
  /** The full text the parties read and sign. */
  text: string
  text_sha256: string
  due_date: string
  amount_fen: number | string
  edited_by: string
  created_at: string
}

export interface MediationAgreementSignatureTable {
  id: string
  agreement_id: string
  version: number
  party: 'consumer' | 'business'
  signer_id: string
  signer_name: string
  ip: string
  text_sha256: string
  signed_at: string
  voided_at: string | null
}

export interface AgreementTables {
  mediation_agreements: MediationAgreementTable
  mediation_agreement_versions: MediationAgreementVersionTable
  mediation_agreement_signatures: MediationAgreementSignatureTable
}
