import { Type, type Static } from '@sinclair/typebox'

/**
 * Performance follow-up (履行回访, issue #17): when an accepted ODR proposal or a signed mediation
 * agreement falls due, the consumer says whether the money or goods arrived. Every period comes from
 * the case's rule set (rule-set.ts PerformanceRule).
 */

const DATE = '^\\d{4}-\\d{2}-\\d{2}$'
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()])

export const PERFORMANCE_STATE_LABELS = {
  scheduled: '等待履行期限',
  asked: '请消费者确认是否收到',
  performed: '已履行（消费者确认收到）',
  unperformed: '未履行，调解员跟进中',
  closed_unperformed: '未履行，已结案',
} as const
export type PerformanceState = keyof typeof PERFORMANCE_STATE_LABELS

export const PERFORMANCE_ANSWER_LABELS = { received: '已收到', partial: '部分收到', not_received: '没收到' } as const
export type PerformanceAnswer = keyof typeof PERFORMANCE_ANSWER_LABELS
export const PERFORMANCE_ANSWERS = Object.keys(PERFORMANCE_ANSWER_LABELS) as PerformanceAnswer[]

/** Why a case came back to the mediator as 未履行. */
export const UNPERFORMED_REASON_LABELS = {
  not_received: '消费者反映没收到',
  partial: '消费者反映只收到一部分',
  no_answer: '到期未确认是否收到',
  reopened: '消费者重新打开：商家没有履行',
} as const
export type UnperformedReason = keyof typeof UNPERFORMED_REASON_LABELS

export const PERFORMANCE_SOURCE_LABELS = { odr: '商家处理方案', agreement: '调解协议书' } as const
export type PerformanceSource = keyof typeof PERFORMANCE_SOURCE_LABELS

const StringEnum = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] })

export const PerformanceFollowUp = Type.Object({
  complaintId: Type.String(),
  source: StringEnum(Object.keys(PERFORMANCE_SOURCE_LABELS) as PerformanceSource[]),
  /** The settlement's "by when" (China date). */
  dueDate: Type.String(),
  state: StringEnum(Object.keys(PERFORMANCE_STATE_LABELS) as PerformanceState[]),
  askAt: Type.String({ format: 'date-time' }),
  askedAt: Nullable(Type.String({ format: 'date-time' })),
  /** Past this without an answer the case goes back to the mediator. */
  answerDueAt: Nullable(Type.String({ format: 'date-time' })),
  answer: Nullable(StringEnum(PERFORMANCE_ANSWERS)),
  partialNote: Nullable(Type.String()),
  answeredAt: Nullable(Type.String({ format: 'date-time' })),
  unperformedReason: Nullable(StringEnum(Object.keys(UNPERFORMED_REASON_LABELS) as UnperformedReason[])),
  /** The mediator's deadline for a 未履行 case. */
  handleDueAt: Nullable(Type.String({ format: 'date-time' })),
  handleOverdue: Type.Boolean(),
  /** Until when a case closed as performed can be reopened. */
  reopenUntil: Nullable(Type.String({ format: 'date-time' })),
  canAnswer: Type.Boolean(),
  canReopen: Type.Boolean(),
  /** The rule behind each period, e.g. 5 个工作日内未回答的，转调解员（平台做法，未核实为法律规定）. */
  basis: Type.Array(Type.Object({ text: Type.String(), verified: Type.Boolean(), note: Nullable(Type.String()) })),
})
export type PerformanceFollowUp = Static<typeof PerformanceFollowUp>

export const PerformanceResponse = Type.Object({ followUp: Nullable(PerformanceFollowUp) })
export type PerformanceResponse = Static<typeof PerformanceResponse>

export const PERFORMANCE_NOTE_MAX = 500

export const PerformanceAnswerRequest = Type.Object(
  {
    answer: StringEnum(PERFORMANCE_ANSWERS),
    /** What arrived, required with 部分收到. */
    note: Type.Optional(Type.String({ maxLength: PERFORMANCE_NOTE_MAX })),
  },
  { additionalProperties: false },
)
export type PerformanceAnswerRequest = Static<typeof PerformanceAnswerRequest>

export const PerformanceReopenRequest = Type.Object(
  { reason: Type.String({ minLength: 2, maxLength: PERFORMANCE_NOTE_MAX, description: '商家哪里没有做到' }) },
  { additionalProperties: false },
)
export type PerformanceReopenRequest = Static<typeof PerformanceReopenRequest>

/** The mediator ends a 未履行 case: a new due date after pressing the business (asked again then), or closing it. */
export const PerformanceHandleRequest = Type.Object(
  {
    outcome: StringEnum(['retry', 'close'] as const),
    dueDate: Type.Optional(Type.String({ pattern: DATE, description: '新的履行期限（retry 时必填）' })),
    note: Type.String({ minLength: 2, maxLength: PERFORMANCE_NOTE_MAX }),
  },
  { additionalProperties: false },
)
export type PerformanceHandleRequest = Static<typeof PerformanceHandleRequest>

export const UnperformedCase = Type.Object({
  complaintId: Type.String(),
  number: Type.String(),
  businessName: Type.String(),
  reason: StringEnum(Object.keys(UNPERFORMED_REASON_LABELS) as UnperformedReason[]),
  partialNote: Nullable(Type.String()),
  unperformedAt: Type.String({ format: 'date-time' }),
  handleDueAt: Type.String({ format: 'date-time' }),
  overdue: Type.Boolean(),
})
export type UnperformedCase = Static<typeof UnperformedCase>

export const UnperformedList = Type.Object({ items: Type.Array(UnperformedCase) })
export type UnperformedList = Static<typeof UnperformedList>
