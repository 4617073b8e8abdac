/**
 * The shape of a complaint being written on the device. Kept apart from the rules in
 * draft-model.ts because the 投诉 tab (main package) lists drafts: this file stays tiny there.
 */
import type { Demand, Industry } from '@/contract/complaint-rules'
import type { HandlingPath } from '@/contract/complaint-status'
import type { ReturnCommitmentTerms } from '@/contract/return-commitment'

export interface UploadedEvidence {
  id: string
  sha256: string
  /** Whether this upload was the untouched original. */
  original: boolean
  /** ISO time of the upload: the server deletes photos no complaint uses within 24 hours. */
  uploadedAt: string
}

/** Uploads older than this are sent again before submitting (the server forgets them after 24 h). */
export const EVIDENCE_KEEP_MS = 20 * 3600_000

export interface DraftPhoto {
  /** Local id; also names the saved file. */
  id: string
  /** Where the photo is kept on the device (see lib/photo-files). */
  file: string
  /** Size of the photo as picked. */
  bytes: number
  /** 原图: upload the untouched file instead of a compressed copy. */
  original: boolean
  /** Set once the server has it; cleared when the photo must be uploaded again. */
  evidence: UploadedEvidence | null
  /** The last failure, in Chinese; null while fine. */
  error: string | null
  /** The server refused this photo (e.g. not an image): retrying will not help. */
  rejected: boolean
}

export interface ComplaintDraft {
  id: string
  /** Sent as `Idempotency-Key` with every submit of this draft, so a retry never files twice. */
  idempotencyKey: string
  ownerId: string
  createdAt: string
  updatedAt: string
  /** The furthest step reached (1–5), to continue there. */
  step: number
  business: {
    name: string
    region: string
    address: string
    creditCode: string
    enterpriseId: string | null
    /** The chosen directory entry takes part in the ODR green channel (absent in older drafts). */
    enterpriseOdr?: boolean
  }
  /**
   * How the complaint is to be handled: the enterprise's green channel or the association's mediation.
   * Null until a business is chosen or typed; older drafts lack it and let the server decide.
   */
  path?: HandlingPath | null
  industry: Industry | null
  incidentDate: string
  /** As typed, in yuan; turned into fen on submit. */
  amountYuan: string
  description: string
  demands: Demand[]
  demandDetail: string
  photos: DraftPhoto[]
  contactPhone: string
  consent: boolean
  /** 个案公示: the separate, optional consent to publish the case anonymously once it ends (unticked by default; absent in older drafts). */
  publishConsent?: boolean
  /** …and its photos too (only with publishConsent). */
  publishPhotos?: boolean
  /** A submit was sent and no answer came back: it may have been filed already. */
  submitUncertain: boolean
  /** Other drafts for the same business the person chose to keep beside this one (用新的 → 先不删). */
  keepsBeside?: string[]
  /** The amount (in fen) the person confirmed is right although it is unusually large. */
  amountConfirmedFen?: number
  /** 一键投诉 from a lawyer's answer: the question it came from (来自律师答疑 第97期). */
  sourceQuestion?: { id: string; sessionTitle: string }
  /** 一键投诉 from a committed store: the commitment the complaint will carry (dropped when the business changes). */
  returnCommitment?: { id: string; enterpriseName: string; storeName: string; storeAddress: string; terms: ReturnCommitmentTerms } | null
}

export const FILING_STEPS = [
  { step: 1, title: '被投诉的商家' },
  { step: 2, title: '发生了什么' },
  { step: 3, title: '证据照片' },
  { step: 4, title: '联系方式' },
  { step: 5, title: '核对并提交' },
] as const
export const STEP_COUNT = FILING_STEPS.length


/** One line for the list of unfinished drafts. */
export function draftTitle(draft: ComplaintDraft): string {
  return draft.business.name.trim() || '未填写商家名称'
}
