import type { LawyerStatus, QuestionStatus } from '../../../src/contract/lawyer-qa'

/** Lawyer Q&A (issue #18); see migration 2026-12-04T0042. */
export interface LawyerMembershipTable {
  user_id: string
  organization_id: string
  firm: string
  /** 执业证号: 17 digits. */
  licence_no: string
  status: LawyerStatus
  invited_by: string
  created_at: string
  updated_at: string
}

export interface QaSessionTable {
  id: string
  organization_id: string
  organization_path: string
  /** 第 N 期, unique within the organization. */
  number: number
  theme: string
  starts_at: string
  ends_at: string
  created_by: string
  /** Counters kept in the transaction that changes them: the archive never counts rows. */
  question_count: number
  answer_count: number
  published_count: number
  view_count: number
  created_at: string
  /** Raised by each staff edit; an edit names the version it started from (migration 2026-12-05T0046). */
  version: number
}

export interface QaSessionLawyerTable {
  session_id: string
  lawyer_id: string
}

export interface QaQuestionTable {
  id: string
  session_id: string
  /** Null once the asker's account is deleted: only published questions stay, without the person. */
  asker_id: string | null
  text: string
  allow_publish: number
  status: QuestionStatus
  answer_text: string | null
  /** JSON array of citation codes (src/contract/qa-laws.ts). */
  answer_citations: string | null
  /** JSON array of short sentences. */
  answer_next_steps: string | null
  answered_by: string | null
  answered_at: string | null
  /** The anonymised texts staff published; null until published. */
  published_question: string | null
  published_answer: string | null
  published_at: string | null
  created_at: string
  updated_at: string
  /** The business the asker named, if any (migration 2026-12-05T0044). */
  business_name: string | null
  /** JSON array of AnswerAction (src/contract/lawyer-qa.ts): the answer's 下一步 as actions. */
  answer_actions: string | null
}

/** A complaint filed from a question: at most one per question; the answering lawyer follows it. */
export interface QaComplaintLinkTable {
  question_id: string
  complaint_id: string
  lawyer_id: string
  created_at: string
}

export interface QaQuestionPhotoTable {
  evidence_id: string
  question_id: string
  position: number
}

export interface QaTermTable {
  term: string
  question_id: string
  published_at: string
}

export interface LawyerTables {
  lawyer_memberships: LawyerMembershipTable
  qa_sessions: QaSessionTable
  qa_session_lawyers: QaSessionLawyerTable
  qa_questions: QaQuestionTable
  qa_question_photos: QaQuestionPhotoTable
  qa_terms: QaTermTable
  qa_complaint_links: QaComplaintLinkTable
}
