/**
 * A complaint being written on the device. Pure (no Taro): the filing screens, draft storage and
 * unit tests share it. Rules come from the contract, so inline errors match the server's.
 */
import type { CreateComplaintRequest } from '@/contract/complaint'
import type { HandlingPath } from '@/contract/complaint-status'
import {
  amountError,
  businessNameError,
  charCount,
  creditCodeError,
  demandsError,
  descriptionError,
  incidentDateError,
  photosError,
  yuanToFen,
  ADDRESS_MAX,
  REGION_MAX,
} from '@/contract/complaint-rules'
import { phoneError } from '@/contract/rules'
import { STEP_COUNT, type ComplaintDraft, type DraftPhoto } from './draft-types'

export * from './draft-types'

/** The incident date starts empty: the person picks 今天, 昨天 or a date (a silent default was often wrong). */
export function newDraft(args: { id: string; idempotencyKey: string; ownerId: string; phone: string | null; now: string }): ComplaintDraft {
  return {
    id: args.id,
    idempotencyKey: args.idempotencyKey,
    ownerId: args.ownerId,
    createdAt: args.now,
    updatedAt: args.now,
    step: 1,
    business: { name: '', region: '', address: '', creditCode: '', enterpriseId: null, enterpriseOdr: false },
    path: null,
    industry: null,
    incidentDate: '',
    amountYuan: '',
    description: '',
    demands: [],
    demandDetail: '',
    photos: [],
    contactPhone: args.phone ?? '',
    consent: false,
    submitUncertain: false,
  }
}

// Full-width ASCII (Ａ, （, ０ …) → half-width; ideographic space → space.
function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')
}

// Spaces and the punctuation people type differently for the same name: 示例·超市（朝阳店） = 示例超市(朝阳店).
const IGNORED = /[\s.,'"`~!@#$%^&*()[\]{}<>|\\/:;?_+=-]|[·・•、，。；：？！“”‘’《》〈〉【】〔〕「」『』（）—–－…]/g

/**
 * The key that makes "one draft per business": the same business typed slightly differently
 * (spaces, full-width letters, brackets, case) gives the same key. Empty for an empty name.
 */
export function normalizeBusinessKey(name: string): string {
  return toHalfWidth(name.normalize ? name.normalize('NFKC') : name)
    .toLowerCase()
    .replace(IGNORED, '')
}

export type FieldErrors = Partial<Record<DraftField, string>>
export type DraftField =
  | 'businessName'
  | 'region'
  | 'address'
  | 'creditCode'
  | 'industry'
  | 'incidentDate'
  | 'amount'
  | 'description'
  | 'demands'
  | 'photos'
  | 'contactPhone'
  | 'consent'

function only(errors: Record<string, string | null>): FieldErrors {
  const result: FieldErrors = {}
  for (const [field, message] of Object.entries(errors)) if (message) result[field as DraftField] = message
  return result
}

const tooLong = (text: string, max: number, what: string) => (charCount(text.trim()) > max ? `${what}不能超过 ${max} 个字` : null)

/** Inline errors of one step; `today` is YYYY-MM-DD in China time. Step 3 (photos) is optional. */
export function stepErrors(draft: ComplaintDraft, step: number, today: string): FieldErrors {
  switch (step) {
    case 1:
      return only({
        businessName: businessNameError(draft.business.name),
        region: tooLong(draft.business.region, REGION_MAX, '所在地区'),
        address: tooLong(draft.business.address, ADDRESS_MAX, '地址'),
        creditCode: creditCodeError(draft.business.creditCode),
        industry: draft.industry ? null : '请选择行业',
      })
    case 2:
      return only({
        incidentDate: incidentDateError(draft.incidentDate, today),
        amount: amountError(draft.amountYuan),
        description: descriptionError(draft.description),
        demands: demandsError(draft.demands, draft.demandDetail),
      })
    case 3:
      return only({ photos: photosError(draft.photos.length) })
    case 4:
      return only({
        contactPhone: phoneError(draft.contactPhone),
        consent: draft.consent ? null : '需要您同意后才能提交投诉',
      })
    default:
      return {}
  }
}

/** The first step (1–4) that still has errors, or null when the draft can be submitted. */
export function firstIncompleteStep(draft: ComplaintDraft, today: string): number | null {
  for (let step = 1; step < STEP_COUNT; step++) if (Object.keys(stepErrors(draft, step, today)).length) return step
  return null
}

export type PhotoState = 'uploaded' | 'pending' | 'failed'

export function photoState(photo: DraftPhoto): PhotoState {
  if (photo.evidence && photo.evidence.original === photo.original) return 'uploaded'
  return photo.error ? 'failed' : 'pending'
}

/** What to do about photos not uploaded: 重试 only exists on tiles the server did not refuse for good. */
export function notUploadedText(photos: ReadonlyArray<Pick<DraftPhoto, 'rejected'>>): string {
  const refused = photos.filter((p) => p.rejected).length
  const retryable = photos.length - refused
  if (!refused) return `有 ${retryable} 张照片没有上传成功，请在第 3 步点“重试”或删除它`
  if (!retryable) return `有 ${refused} 张照片无法上传，请在第 3 步点“删除”去掉它`
  return `有 ${photos.length} 张照片没有上传成功：请在第 3 步对可以重试的点“重试”，对无法上传的点“删除”`
}

/**
 * The path to ask for: the green channel only for a chosen directory entry that takes part in it;
 * any other business goes to the association. Undefined for drafts made before paths existed.
 */
export function handlingPathOf(draft: ComplaintDraft): HandlingPath | undefined {
  if (!draft.path) return undefined
  return draft.path === 'odr' && draft.business.enterpriseId && draft.business.enterpriseOdr ? 'odr' : 'association'
}

/** The body of POST /api/complaints. Call only when firstIncompleteStep() is null and all photos are uploaded. */
export function toCreateRequest(draft: ComplaintDraft): CreateComplaintRequest {
  const { business } = draft
  const optional = (text: string) => (text.trim() ? text.trim() : undefined)
  const request: CreateComplaintRequest = {
    business: {
      name: business.name.trim(),
      address: optional(business.address),
      region: optional(business.region),
      creditCode: optional(business.creditCode.toUpperCase()),
      enterpriseId: business.enterpriseId ?? undefined,
    },
    industry: draft.industry ?? 'other',
    incidentDate: draft.incidentDate,
    amountFen: yuanToFen(draft.amountYuan) ?? 0,
    description: draft.description.trim(),
    demands: [...draft.demands],
    demandDetail: optional(draft.demandDetail),
    evidenceIds: draft.photos.map((p) => p.evidence?.id).filter((id): id is string => !!id),
    contactPhone: draft.contactPhone.trim(),
    consentToShare: true,
    // Always answered at filing (no by default); asked again when the case ends.
    publicationConsent: { publish: !!draft.publishConsent, photos: !!draft.publishConsent && !!draft.publishPhotos && draft.photos.length > 0 },
  }
  // JSON drops undefined anyway; removing them keeps the request hash stable across retries.
  for (const key of Object.keys(request.business) as Array<keyof typeof request.business>) {
    if (request.business[key] === undefined) delete request.business[key]
  }
  if (request.demandDetail === undefined) delete request.demandDetail
  if (draft.returnCommitment) request.returnCommitmentId = draft.returnCommitment.id
  const path = handlingPathOf(draft)
  if (path) request.path = path
  if (draft.sourceQuestion) request.sourceQuestionId = draft.sourceQuestion.id
  return request
}
