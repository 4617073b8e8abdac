import { Type, type Static } from '@sinclair/typebox'
import { ComplaintViewer } from './access-log'
import {
  ADDRESS_MAX,
  AMOUNT_MAX_FEN,
  BUSINESS_NAME_MAX,
  DATE_PATTERN,
  DEMAND_DETAIL_MAX,
  DEMANDS,
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
  INDUSTRIES,
  MAX_PHOTOS,
  MAX_PHOTOS_PER_COMPLAINT,
  MESSAGE_MAX,
  REGION_MAX,
  WITHDRAW_REASON_MAX,
  type Demand,
  type Industry,
} from './complaint-rules'
import { COMPLAINT_EVENT_LABELS, type ComplaintEventType } from './complaint-events'
import { MOVE_EVENT_LABELS } from './complaint-moves'
import { COMPLAINT_STATUSES, type ComplaintStatus, type HandlingPath } from './complaint-status'
import type { DueKind } from './complaint-workflow'
import { RuleBasis } from './rule-set'
import { ComplaintReferral } from './complaint-referral'
import { PHONE_PATTERN } from './rules'
import { ALL_ROLES, type Role } from './roles'
import { Evidence } from './evidence'

const StringEnum = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) })

export const IndustrySchema = StringEnum<Industry>(INDUSTRIES, '行业分类')
export const DemandSchema = StringEnum<Demand>(DEMANDS)
export const ComplaintStatusSchema = StringEnum<ComplaintStatus>(COMPLAINT_STATUSES)
export const HandlingPathSchema = StringEnum<HandlingPath>(['odr', 'association'])
export const EventTypeSchema = StringEnum<ComplaintEventType>([...Object.keys(COMPLAINT_EVENT_LABELS), ...Object.keys(MOVE_EVENT_LABELS)] as ComplaintEventType[])
const ActorRoleSchema = StringEnum<Role | 'system'>([...ALL_ROLES, 'system'])
const Id = Type.String({ minLength: 1, maxLength: 64 })

export const Business = Type.Object(
  {
    // Lengths of free text are judged by the shared rule functions (businessNameError, descriptionError),
    // which ignore surrounding blanks; a schema bound would disagree with them at the edges.
    name: Type.String({ description: `商家名称，2–${BUSINESS_NAME_MAX} 个字` }),
    address: Type.Optional(Type.String({ maxLength: ADDRESS_MAX })),
    region: Type.Optional(Type.String({ maxLength: REGION_MAX, description: '省/市/区，如 北京市/朝阳区' })),
    creditCode: Type.Optional(Type.String({ maxLength: 40, description: '统一社会信用代码（18 位数字或大写字母），可留空' })),
    enterpriseId: Type.Optional(Id),
  },
  { additionalProperties: false },
)
export type Business = Static<typeof Business>

/** POST /api/complaints; the `Idempotency-Key` header (made on the device with the draft) makes retries safe. */
export const CreateComplaintRequest = Type.Object(
  {
    business: Business,
    industry: IndustrySchema,
    incidentDate: Type.String({ pattern: DATE_PATTERN.source, description: 'YYYY-MM-DD，不晚于今天' }),
    amountFen: Type.Integer({ minimum: 0, maximum: AMOUNT_MAX_FEN, description: '涉及金额，单位：分' }),
    description: Type.String({ description: `${DESCRIPTION_MIN}–${DESCRIPTION_MAX} 个字（一个汉字算一个字，首尾空白不计）` }),
    demands: Type.Array(DemandSchema, { minItems: 1, maxItems: DEMANDS.length, uniqueItems: true }),
    demandDetail: Type.Optional(Type.String({ maxLength: DEMAND_DETAIL_MAX })),
    evidenceIds: Type.Array(Id, { maxItems: MAX_PHOTOS_PER_COMPLAINT, uniqueItems: true, description: `最多 ${MAX_PHOTOS} 张，多了答复 TOO_MANY_PHOTOS` }),
    contactPhone: Type.String({ pattern: PHONE_PATTERN.source }),
    consentToShare: Type.Literal(true, { description: '同意将投诉内容提供给被投诉商家' }),
    publicationConsent: Type.Optional(
      Type.Object(
        { publish: Type.Boolean(), photos: Type.Boolean() },
        { additionalProperties: false, description: '单独同意：结案后可匿名公示本案（个案公示），以及是否公示照片；不影响投诉处理' },
      ),
    ),
    path: Type.Optional(
      StringEnum<HandlingPath>(
        ['odr', 'association'],
        'odr：先由参加在线纠纷解决（ODR）的商家处理（business.enterpriseId 须是 ODR 企业，否则由消协处理）；默认 association：直接由消协处理',
      ),
    ),
    sourceQuestionId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: '从律师答疑的问题一键投诉时：该问题的 id（每个问题只能投诉一次）' })),
    /** 一键投诉 from a committed store's page (线下无理由退货承诺): the commitment the complaint carries. */
    returnCommitmentId: Type.Optional(Id),
  },
  { additionalProperties: false },
)
export type CreateComplaintRequest = Static<typeof CreateComplaintRequest>

// Values live in complaint-rules.ts, which the app may import at runtime (this file pulls in TypeBox).
export { IDEMPOTENCY_HEADER, IDEMPOTENCY_KEY_PATTERN } from './complaint-rules'

export const ComplaintEvent = Type.Object({
  id: Type.String(),
  type: EventTypeSchema,
  actorRole: ActorRoleSchema,
  note: Type.Union([Type.String(), Type.Null()]),
  fromStatus: Type.Union([ComplaintStatusSchema, Type.Null()]),
  toStatus: Type.Union([ComplaintStatusSchema, Type.Null()]),
  evidence: Type.Array(Evidence),
  /** Structured details of a workflow action: a proposal's amount and date, a rejection ground, an outcome … */
  data: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
})
export type ComplaintEvent = Static<typeof ComplaintEvent>

export const ComplaintSummary = Type.Object({
  id: Type.String(),
  number: Type.String({ description: '投诉编号，如 WQ20261123000123' }),
  status: ComplaintStatusSchema,
  path: HandlingPathSchema,
  businessName: Type.String(),
  industry: IndustrySchema,
  amountFen: Type.Integer(),
  photoCount: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
})
export type ComplaintSummary = Static<typeof ComplaintSummary>

export const ComplaintDetail = Type.Object({
  id: Type.String(),
  number: Type.String(),
  status: ComplaintStatusSchema,
  path: HandlingPathSchema,
  business: Type.Object({
    name: Type.String(),
    address: Type.Union([Type.String(), Type.Null()]),
    region: Type.Union([Type.String(), Type.Null()]),
    creditCode: Type.Union([Type.String(), Type.Null()]),
    enterpriseId: Type.Union([Type.String(), Type.Null()]),
  }),
  industry: IndustrySchema,
  incidentDate: Type.String(),
  amountFen: Type.Integer(),
  description: Type.String(),
  demands: Type.Array(DemandSchema),
  demandDetail: Type.Union([Type.String(), Type.Null()]),
  contactPhone: Type.String({ description: '消费者本人和工作人员看到完整号码；企业联络员仅在投诉仍由本企业处理时看到完整号码（立案时消费者已同意提供），否则为 138****1234' }),
  /** Set only when the consumer deleted their account: how the case shows them from then on, e.g. 用户·7F3A. */
  consumerPseudonym: Type.Optional(Type.String()),
  /** The organization working the case now (it changes on 移送/交办/提级). Written out, not imported from
   * organization.ts, and without a description: the weapp main package is at its byte budget. */
  organization: Type.Optional(Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()])),
  evidence: Type.Array(Evidence),
  events: Type.Array(ComplaintEvent),
  /** What happens next and by when, in plain words, when known. */
  nextStep: Type.Union([
    Type.Object({
      text: Type.String(),
      dueAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
      basis: Type.Union([RuleBasis, Type.Null()], { description: '这一步期限的依据（条款和是否已核实）' }),
    }),
    Type.Null(),
  ]),
  /** The rule set version recorded when the complaint was filed: its grounds, and the ground chosen if refused. */
  rules: Type.Object({
    ruleSetId: Type.String(),
    name: Type.String(),
    version: Type.Integer(),
    document: Type.String(),
    documentNumber: Type.Union([Type.String(), Type.Null()]),
    verified: Type.Boolean(),
    refusalGrounds: Type.Array(
      Type.Object({ code: Type.String(), text: Type.String(), article: Type.Union([Type.String(), Type.Null()]), verified: Type.Boolean() }),
    ),
    rejection: Type.Union([RuleBasis, Type.Null()], { description: '不予受理时所选理由及其依据' }),
  }),
  /** Where the handling stands; the buttons a caller may press follow from availableActions(status, role). */
  handling: Type.Object({
    dueAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: '当前步骤的期限（按中国工作日计算）' }),
    dueKind: Type.Union([StringEnum<DueKind>(['enterprise_response', 'review', 'mediation']), Type.Null()]),
    overdue: Type.Boolean(),
    dueDayKind: Type.Union([StringEnum<'working' | 'calendar'>(['working', 'calendar']), Type.Null()], { description: '期限按工作日还是自然日计（由该投诉适用的规则决定）；没有期限为 null' }),
    dueDaysLeft: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description: '距期限还剩几天，按 dueDayKind 计（今天不算；当天到期为 0）；没有期限为 null' }),
    overdueDays: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description: '已超期几天，按 dueDayKind 计；未超期为 null' }),
    assignedStaffId: Type.Union([Type.String(), Type.Null()]),
    acceptedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    firstResponseAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    proposal: Type.Union([Type.Object({ text: Type.String(), amountFen: Type.Integer(), promisedDate: Type.String() }), Type.Null()]),
    rejectionGround: Type.Union([Type.String(), Type.Null()]),
    outcome: Type.Union([Type.String(), Type.Null()]),
    recoveredAmountFen: Type.Union([Type.Integer(), Type.Null()]),
    rating: Type.Union([Type.Object({ stars: Type.Integer(), comment: Type.Union([Type.String(), Type.Null()]), ratedAt: Type.String() }), Type.Null()]),
    clockPaused: Type.Union([Type.Object({ since: Type.String({ format: 'date-time' }), reason: Type.String() }), Type.Null()], {
      description: '检测、鉴定期间暂停计时：期限倒计时冻结，恢复后顺延；未暂停为 null',
    }),
  }),
  /** 已引导: where the consumer was sent, and (for staff, while it can be referred) where it could go. */
  referral: Type.Optional(ComplaintReferral),
  /** 谁查看过: only in the consumer's own view, newest first. */
  viewers: Type.Optional(Type.Array(ComplaintViewer)),
  /** Only in the answer to POST /complaints when this filing repeated an open complaint and was added to it. */
  mergedRepeat: Type.Optional(
    Type.Object({
      into: Type.String({ description: '原投诉编号' }),
      message: Type.String({ description: '告诉消费者的话，如 您已就该商家提交过投诉 WQ…，本次内容已补充到原投诉' }),
    }),
  ),
  /** Filed with 一键投诉 from a lawyer's answer: 来自律师答疑 第97期. */
  sourceQuestion: Type.Optional(Type.Object({ questionId: Type.String(), sessionTitle: Type.String() })),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
})
export type ComplaintDetail = Static<typeof ComplaintDetail>

export const ComplaintListQuery = Type.Object(
  {
    state: Type.Optional(StringEnum<'open' | 'closed'>(['open', 'closed'], 'open：处理中；closed：已结束')),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
)
export type ComplaintListQuery = Static<typeof ComplaintListQuery>

export const ComplaintListResponse = Type.Object({
  items: Type.Array(ComplaintSummary),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
})
export type ComplaintListResponse = Static<typeof ComplaintListResponse>

export const AddMessageRequest = Type.Object(
  {
    text: Type.String({ maxLength: MESSAGE_MAX, description: '可以为空，但此时必须附照片' }),
    evidenceIds: Type.Optional(
      Type.Array(Id, { maxItems: MAX_PHOTOS_PER_COMPLAINT, uniqueItems: true, description: `每次最多 ${MAX_PHOTOS} 张，整件投诉最多 ${MAX_PHOTOS_PER_COMPLAINT} 张` }),
    ),
  },
  { additionalProperties: false },
)
export type AddMessageRequest = Static<typeof AddMessageRequest>

export const WithdrawRequest = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: WITHDRAW_REASON_MAX })) },
  { additionalProperties: false },
)
export type WithdrawRequest = Static<typeof WithdrawRequest>

export const ComplaintIdParams = Type.Object({ id: Id })
export type ComplaintIdParams = Static<typeof ComplaintIdParams>
