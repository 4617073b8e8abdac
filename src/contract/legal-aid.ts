import { Type, type Static } from '@sinclair/typebox'
import { ComplaintStatusSchema } from './complaint'

/** Legal aid (法律援助, issue #18): a consumer asks for a lawyer on their own case; staff assign one. */
export const LegalAidKind = { Consultation: 'consultation', Mediation: 'mediation', Litigation: 'litigation' } as const
export type LegalAidKind = (typeof LegalAidKind)[keyof typeof LegalAidKind]
export const LEGAL_AID_KINDS: readonly LegalAidKind[] = Object.values(LegalAidKind)
export const LEGAL_AID_KIND_LABELS: Record<LegalAidKind, string> = { consultation: '法律咨询', mediation: '调解协助', litigation: '诉讼支持' }

export const LegalAidStatus = { Open: 'open', Assigned: 'assigned', Finished: 'finished', Withdrawn: 'withdrawn' } as const
export type LegalAidStatus = (typeof LegalAidStatus)[keyof typeof LegalAidStatus]
export const LEGAL_AID_STATUS_LABELS: Record<LegalAidStatus, string> = { open: '等待指派律师', assigned: '律师处理中', finished: '已完成', withdrawn: '已撤回' }
/** Open and assigned requests can still be withdrawn; only one of them per case and kind. */
export const isActiveAid = (status: LegalAidStatus) => status === 'open' || status === 'assigned'

/** What the consumer agrees to, recorded word for word with the time. */
export const LEGAL_AID_CONSENT_TEXT = '同意受指派律师查阅本案材料（投诉内容、处理进度和证据照片）。撤回申请后，律师立即不能再查阅。'
export const AID_DESCRIPTION_MIN = 5
export const AID_DESCRIPTION_MAX = 500
export const OPINION_MIN = 10
export const OPINION_MAX = 3000

const StringEnum = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] })
const Id = Type.String({ minLength: 1, maxLength: 64 })
const Time = Type.String({ format: 'date-time' })
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()])

export const LegalAidIdParams = Type.Object({ id: Id })

export const NewLegalAidRequest = Type.Object(
  {
    kind: StringEnum<LegalAidKind>(LEGAL_AID_KINDS),
    description: Type.String({ minLength: AID_DESCRIPTION_MIN, maxLength: AID_DESCRIPTION_MAX, description: '需要律师帮什么（5–500 字）' }),
    consent: Type.Boolean({ description: `必须为 true：${LEGAL_AID_CONSENT_TEXT}` }),
  },
  { additionalProperties: false },
)
export type NewLegalAidRequest = Static<typeof NewLegalAidRequest>

export const AssignLawyerRequest = Type.Object({ lawyerId: Id }, { additionalProperties: false })
export type AssignLawyerRequest = Static<typeof AssignLawyerRequest>

export const OpinionRequest = Type.Object(
  { text: Type.String({ minLength: OPINION_MIN, maxLength: OPINION_MAX, description: '法律意见（10–3000 字，纯文本）' }) },
  { additionalProperties: false },
)
export type OpinionRequest = Static<typeof OpinionRequest>

export const AidLawyer = Type.Object({ id: Type.String(), name: Type.String(), firm: Type.String(), organizationName: Type.String() })
export type AidLawyer = Static<typeof AidLawyer>

export const LegalAid = Type.Object({
  id: Type.String(),
  complaintId: Type.String(),
  complaintNumber: Type.String(),
  businessName: Type.String(),
  kind: StringEnum<LegalAidKind>(LEGAL_AID_KINDS),
  description: Type.String(),
  status: StringEnum<LegalAidStatus>(Object.values(LegalAidStatus)),
  consentText: Type.String(),
  consentedAt: Time,
  lawyer: Type.Union([AidLawyer, Type.Null()]),
  assignedAt: Nullable(Time),
  opinionCount: Type.Integer({ minimum: 0 }),
  finishedAt: Nullable(Time),
  withdrawnAt: Nullable(Time),
  createdAt: Time,
})
export type LegalAid = Static<typeof LegalAid>

export const LegalAidList = Type.Object({ items: Type.Array(LegalAid) })
export type LegalAidList = Static<typeof LegalAidList>

/** Staff: the requests waiting and in hand, and the lawyers they may assign (their team and those above). */
export const StaffLegalAidList = Type.Object({ items: Type.Array(LegalAid), lawyers: Type.Array(AidLawyer) })
export type StaffLegalAidList = Static<typeof StaffLegalAidList>

/** What the assigned lawyer reads: the facts, the timeline, and the photos' ids (opened through GET /evidence/:id). */
export const LegalAidCase = Type.Object({
  request: LegalAid,
  complaint: Type.Object({
    number: Type.String(),
    businessName: Type.String(),
    status: ComplaintStatusSchema,
    incidentDate: Type.String(),
    amountFen: Type.Integer(),
    description: Type.String(),
    /** The consumer's demands in words (退款、赔偿 …, and what they wrote under 其他). */
    demands: Type.Array(Type.String()),
  }),
  timeline: Type.Array(Type.Object({ type: Type.String(), label: Type.String(), note: Nullable(Type.String()), createdAt: Time })),
  photoIds: Type.Array(Type.String()),
})
export type LegalAidCase = Static<typeof LegalAidCase>
