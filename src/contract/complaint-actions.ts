import { Type, type Static, type TObject } from '@sinclair/typebox'
import { ComplaintStatusSchema, ComplaintSummary } from './complaint'
import { AMOUNT_MAX_FEN, DATE_PATTERN, MAX_PHOTOS } from './complaint-rules'
import type { ComplaintStatus } from './complaint-status'
import {
  ACTION_TEXT_MAX,
  MEDIATION_ADVICES,
  RATING_MAX,
  RATING_MIN,
  type DueKind,
  type MediationAdvice,
  type WorkflowAction,
} from './complaint-workflow'

const StringEnum = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) })

/** Required free text: not blank. */
const Text = (description: string) => Type.String({ minLength: 1, maxLength: ACTION_TEXT_MAX, pattern: '\\S', description })
const OptionalNote = Type.Optional(Type.String({ maxLength: ACTION_TEXT_MAX, description: '备注，可留空' }))
const Fen = (description: string) => Type.Integer({ minimum: 0, maximum: AMOUNT_MAX_FEN, description })
/** Photos that go with a step (uploaded first through POST /api/evidence, then referenced by id). */
const Photos = Type.Optional(
  Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: MAX_PHOTOS, uniqueItems: true, description: `随这一步附上的照片 id，最多 ${MAX_PHOTOS} 张` }),
)
const body = <T extends TObject['properties']>(properties: T) => Type.Object(properties, { additionalProperties: false })

/** A ground from the case's own rule set (complaint.rules.refusalGrounds); the server checks it against them. */
export const RejectionGroundSchema = Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', description: '不予受理的理由代码，取自本案适用规则的 refusalGrounds' })
export const MediationAdviceSchema = StringEnum<MediationAdvice>(MEDIATION_ADVICES, '调解未成功时给消费者的建议')
export const DueKindSchema = StringEnum<DueKind>(['enterprise_response', 'review', 'mediation'])

/** The body of POST /api/complaints/:id/actions/<action>, one per action a person can take. */
export const ACTION_REQUESTS = {
  propose: body({
    text: Text('处理方案'),
    amountFen: Fen('退赔金额，单位：分'),
    promisedDate: Type.String({ pattern: DATE_PATTERN.source, description: '承诺履行日期 YYYY-MM-DD' }),
    evidenceIds: Photos,
  }),
  request_info: body({ text: Text('需要消费者补充的内容'), evidenceIds: Photos }),
  mark_settled: body({ note: Text('和解情况'), evidenceIds: Photos }),
  accept_proposal: body({ note: OptionalNote }),
  reject_proposal: body({ reason: Text('不接受方案的理由'), evidenceIds: Photos }),
  accept: body({ note: OptionalNote }),
  reject: body({ ground: RejectionGroundSchema, note: OptionalNote }),
  refer: body({ destination: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', description: '受理部门代码，取自 GET /api/referral-destinations' }), note: OptionalNote }),
  start_mediation: body({ note: OptionalNote }),
  mediation_succeeded: body({ agreement: Text('调解协议内容'), recoveredAmountFen: Fen('为消费者挽回的经济损失，单位：分'), evidenceIds: Photos }),
  mediation_failed: body({ advice: MediationAdviceSchema, note: OptionalNote, evidenceIds: Photos }),
  close: body({ outcome: Text('结案情况'), evidenceIds: Photos }),
  assign: body({ staffId: Type.String({ minLength: 1, maxLength: 64, description: '承办的工作人员（可以是自己）' }) }),
  note: body({ text: Text('调解记录'), evidenceIds: Photos }),
  pause_clock: body({ reason: Text('需要检测、鉴定的事项和暂停计时的原因'), evidenceIds: Photos }),
  resume_clock: body({ note: OptionalNote }),
  rate: body({
    stars: Type.Integer({ minimum: RATING_MIN, maximum: RATING_MAX }),
    comment: Type.Optional(Type.String({ maxLength: ACTION_TEXT_MAX })),
  }),
} satisfies Partial<Record<WorkflowAction, TObject>>
export type RequestAction = keyof typeof ACTION_REQUESTS
export type ActionRequest<A extends RequestAction> = Static<(typeof ACTION_REQUESTS)[A]>

/** A complaint in a work queue (enterprise inbox, staff queue): the summary plus its deadline. */
export const WorkItem = Type.Object({
  ...ComplaintSummary.properties,
  dueAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  dueKind: Type.Union([DueKindSchema, Type.Null()]),
  overdue: Type.Boolean({ description: '当前步骤已超期' }),
  dueDayKind: Type.Union([StringEnum<'working' | 'calendar'>(['working', 'calendar']), Type.Null()], { description: '期限按工作日还是自然日计（由该投诉适用的规则决定）；没有期限为 null' }),
  dueDaysLeft: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description: '距期限还剩几天，按 dueDayKind 计（今天不算；当天到期为 0）' }),
  overdueDays: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description: '已超期几天，按 dueDayKind 计；未超期为 null' }),
  assignedStaffId: Type.Union([Type.String(), Type.Null()]),
  clockPausedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: '检测鉴定暂停计时的开始时间；未暂停为 null' }),
  /** The organization working the case now. */
  organizationName: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  /** 诉前委托调解: the referring court's case number and its deadline (the deadline that counts for the case). */
  courtReferral: Type.Optional(Type.Union([Type.Object({ caseNumber: Type.String(), deadline: Type.String() }), Type.Null()])),
  /** 拒绝退货: filed with 一键投诉 at a store that promised no-reason returns; open ones lead the staff queue. */
  priority: Type.Optional(Type.Boolean()),
})
export type WorkItem = Static<typeof WorkItem>

export const WorkQueueResponse = Type.Object({ items: Type.Array(WorkItem), nextCursor: Type.Union([Type.String(), Type.Null()]) })
export type WorkQueueResponse = Static<typeof WorkQueueResponse>

const paging = {
  cursor: Type.Optional(Type.String({ maxLength: 300, description: '上一页返回的 nextCursor' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
}

export const WorkQueueQuery = Type.Object(paging, { additionalProperties: false })
export type WorkQueueQuery = Static<typeof WorkQueueQuery>

export const StaffQueueQuery = Type.Object(
  {
    ...paging,
    status: Type.Optional(ComplaintStatusSchema),
    assigned: Type.Optional(StringEnum<'me'>(['me'], 'me：只看指派给我的')),
  },
  { additionalProperties: false },
)
export type StaffQueueQuery = Static<typeof StaffQueueQuery> & { status?: ComplaintStatus }

/** A colleague a complaint can be assigned to (active association staff). */
export const StaffMember = Type.Object({ id: Type.String(), displayName: Type.String() })
export type StaffMember = Static<typeof StaffMember>

export const StaffMembersResponse = Type.Object({ items: Type.Array(StaffMember) })
export type StaffMembersResponse = Static<typeof StaffMembersResponse>
