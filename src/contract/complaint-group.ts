import { Type, type Static } from '@sinclair/typebox'
import { AMOUNT_MAX_FEN, DATE_PATTERN } from './complaint-rules'
import { ACTION_TEXT_MAX } from './complaint-workflow'

/**
 * Group complaints (群体性投诉): complaints about one business reaching a threshold within a window.
 * The organization of the business's region supervises the group (重点督办).
 */
export const GROUP_DEFAULT_THRESHOLD = 5
export const GROUP_DEFAULT_WINDOW_DAYS = 30
export const GROUP_NOTE_MAX = 500

export const GroupStatus = { Open: 'open', Closed: 'closed' } as const
export type GroupStatus = (typeof GroupStatus)[keyof typeof GroupStatus]
export const GROUP_STATUS_LABELS: Record<GroupStatus, string> = { open: '督办中', closed: '已办结' }

export const GROUP_EVENT_LABELS = { formed: '形成集体投诉', joined: '新成员加入', note: '督办记录', handled: '统一处理', closed: '办结' } as const
export type GroupEventType = keyof typeof GROUP_EVENT_LABELS

const StringEnum = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] })
const Id = Type.String({ minLength: 1, maxLength: 64 })
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()])

export const GroupIdParams = Type.Object({ id: Id })
export type GroupIdParams = Static<typeof GroupIdParams>

export const GroupEvent = Type.Object({
  id: Type.String(),
  type: StringEnum<GroupEventType>(Object.keys(GROUP_EVENT_LABELS) as GroupEventType[]),
  /** Staff notes and the closing note; null for formed and joined (no member's personal data). */
  note: Nullable(Type.String()),
  createdAt: Type.String(),
})
export type GroupEvent = Static<typeof GroupEvent>

/** One row of the 重点督办 list. */
export const StaffGroupSummary = Type.Object({
  id: Type.String(),
  businessName: Type.String(),
  enterpriseId: Nullable(Type.String()),
  organization: Type.Object({ id: Type.String(), name: Type.String() }),
  status: StringEnum<GroupStatus>(['open', 'closed']),
  memberCount: Type.Integer({ minimum: 0 }),
  amountFen: Type.Integer({ minimum: 0 }),
  formedAt: Type.String(),
  closedAt: Nullable(Type.String()),
  threshold: Type.Integer(),
  windowDays: Type.Integer(),
})
export type StaffGroupSummary = Static<typeof StaffGroupSummary>

export const StaffGroupList = Type.Object({ items: Type.Array(StaffGroupSummary) })
export type StaffGroupList = Static<typeof StaffGroupList>

export const GroupMember = Type.Object({
  complaintId: Type.String(),
  number: Type.String(),
  status: Type.String(),
  /** The path the case is on (odr: the enterprise answers first; association: mediation). */
  path: Type.String(),
  amountFen: Type.Integer({ minimum: 0 }),
  createdAt: Type.String(),
})

/** What the enterprise said on the members' cases (proposals, settlements, requests for information). */
export const GroupReply = Type.Object({ complaintNumber: Type.String(), type: Type.String(), note: Nullable(Type.String()), createdAt: Type.String() })

export const StaffGroupDetail = Type.Composite([
  StaffGroupSummary,
  Type.Object({
    members: Type.Array(GroupMember),
    events: Type.Array(GroupEvent),
    replies: Type.Array(GroupReply),
    version: Type.Integer({ minimum: 0, description: '群体的版本号，统一处理时原样交回' }),
  }),
])
export type StaffGroupDetail = Static<typeof StaffGroupDetail>

/** One 督办 note recorded on every member's case, each with its own amount. */
export const GroupNoteRequest = Type.Object(
  { note: Type.String({ minLength: 1, maxLength: GROUP_NOTE_MAX, pattern: '\\S', description: '督办记录，写入每位成员的投诉时间线（附各自的金额）' }) },
  { additionalProperties: false },
)
export type GroupNoteRequest = Static<typeof GroupNoteRequest>

/** The group a consumer's complaint is in, or the open group it may join; never another member's data. */
export const ConsumerGroupView = Type.Object({
  group: Nullable(
    Type.Object({
      id: Type.String(),
      businessName: Type.String(),
      status: StringEnum<GroupStatus>(['open', 'closed']),
      memberCount: Type.Integer({ minimum: 0 }),
      formedAt: Type.String(),
      /** This complaint is a member; otherwise it may join with one tap. */
      member: Type.Boolean(),
      events: Type.Array(GroupEvent),
    }),
  ),
})
export type ConsumerGroupView = Static<typeof ConsumerGroupView>

export const JoinGroupRequest = Type.Object({ complaintId: Id }, { additionalProperties: false })
export type JoinGroupRequest = Static<typeof JoinGroupRequest>


/** 集体投诉统一处理 on the association path: a mediation note for all, or mediation succeeded for all. */
export const GROUP_MEDIATION_OUTCOME_LABELS = { note: '记录调解情况', succeeded: '调解成功' } as const
export type GroupMediationOutcome = keyof typeof GROUP_MEDIATION_OUTCOME_LABELS
export const GROUP_ACTION_MEMBERS_MAX = 1000

/** What one member's case got from the group action. */
export const GROUP_STEP_LABELS = { odr_proposal: '记录企业方案，等消费者答复', mediation_note: '记录调解情况', mediation_succeeded: '调解成功' } as const
export type GroupStep = keyof typeof GROUP_STEP_LABELS

/**
 * One action for every open member at once, each with their own amount: green-channel members get the
 * enterprise's one proposal (each consumer accepts or rejects it), association members the mediation note or outcome.
 */
export const GroupActionRequest = Type.Object(
  {
    version: Type.Integer({ minimum: 0, maximum: 2_147_483_647, description: '打开群体时看到的 version；期间群体有变化答 409' }),
    text: Type.String({ minLength: 1, maxLength: ACTION_TEXT_MAX, pattern: '\\S', description: '统一方案或调解情况，写入每件成员投诉' }),
    promisedDate: Type.String({ pattern: DATE_PATTERN.source, description: '承诺履行日期 YYYY-MM-DD' }),
    mediationOutcome: StringEnum<GroupMediationOutcome>(['note', 'succeeded']),
    members: Type.Array(
      Type.Object({ complaintId: Id, amountFen: Type.Integer({ minimum: 0, maximum: AMOUNT_MAX_FEN, description: '本案金额，单位：分' }) }, { additionalProperties: false }),
      { minItems: 1, maxItems: GROUP_ACTION_MEMBERS_MAX },
    ),
  },
  { additionalProperties: false },
)
export type GroupActionRequest = Static<typeof GroupActionRequest>

export const GroupActionResult = Type.Object({
  applied: Type.Array(
    Type.Object({ complaintId: Type.String(), number: Type.String(), step: StringEnum<GroupStep>(['odr_proposal', 'mediation_note', 'mediation_succeeded']), amountFen: Type.Integer({ minimum: 0 }) }),
  ),
  skipped: Type.Array(Type.Object({ complaintId: Type.String(), number: Type.String(), reason: Type.String() })),
  group: StaffGroupDetail,
})
export type GroupActionResult = Static<typeof GroupActionResult>
