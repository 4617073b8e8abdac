import type { ConsentStage, PublicationStatus, ReplyStatus } from '../../../src/contract/published-case-rules'

/** Published cases (个案公示, issue #19); see migration 2026-12-05T0048. Flags are 0/1 integers. */
export interface PublicationConsentTable {
  id: string
  complaint_id: string
  consumer_id: string
  stage: ConsentStage
  publish: number
  photos: number
  text_version: string
  created_at: string
}

export interface PublishedCaseTable {
  id: string
  complaint_id: string
  enterprise_id: string | null
  business_name: string
  industry: string
  organization_path: string
  status: PublicationStatus
  summary: string
  proposed_by: string
  /** When the enterprise was told of the proposal; the reply window runs from here. */
  notified_at: string
  reply_window_ends_at: string
  published_by: string | null
  published_at: string | null
  withdrawn_at: string | null
  created_at: string
  updated_at: string
}

export interface PublishedCasePhotoTable {
  published_case_id: string
  evidence_id: string
  position: number
  reviewed_by: string
}

export interface PublishedCaseReplyTable {
  published_case_id: string
  enterprise_id: string
  author_id: string
  text: string
  status: ReplyStatus
  organization_path: string
  moderated_by: string | null
  moderated_at: string | null
  created_at: string
}

export interface PublishedCaseTermTable {
  term: string
  published_case_id: string
  published_at: string
}

export interface PublishedCaseTables {
  publication_consents: PublicationConsentTable
  published_cases: PublishedCaseTable
  published_case_photos: PublishedCasePhotoTable
  published_case_replies: PublishedCaseReplyTable
  published_case_terms: PublishedCaseTermTable
}
