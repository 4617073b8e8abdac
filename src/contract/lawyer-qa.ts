import { Type, type Static } from '@sinclair/typebox'
import { Evidence } from './evidence'
import { BUSINESS_NAME_MAX } from './complaint-rules'
import { ComplaintStatusSchema } from './complaint'
import { PHONE_PATTERN } from './rules'
import { Segment } from './warning'
import {
  ANSWER_MAX,
  CITATIONS_MAX,
  FIRM_MAX,
  LICENCE_PATTERN,
  NEXT_STEP_MAX,
  NEXT_STEPS_MAX,
  QA_SEARCH_MIN,
  QUESTION_MAX,
  QUESTION_MIN,
  QUESTION_PHOTOS_MAX,
  THEME_MAX,
} from './lawyer-qa-rules'
import { QA_LAW_CODES } from './qa-laws'

/** Lawyer Q&A (周周3·15律师在线答疑, issue #18): the lawyer team, sessions (期), questions and the public archive. */
export const LawyerStatus = { Active: 'active', Suspended: 'suspended' } as const
export type LawyerStatus = (typeof LawyerStatus)[keyof typeof LawyerStatus]
export const QuestionStatus = { Waiting: 'waiting', Answered: 'answered' } as const
export type QuestionStatus = (typeof QuestionStatus)[keyof typeof QuestionStatus]

const StringEnum = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] })
const Id = Type.String({ minLength: 1, maxLength: 64 })
const Text = (min: number, max: number, description?: string) => Type.String({ minLength: min, maxLength: max, ...(description ? { description } : {}) })
const Time = Type.String({ format: 'date-time' })

export const IdParams = Type.Object({ id: Id })

export const InviteLawyerRequest = Type.Object(
  {
    phone: Type.String({ pattern: PHONE_PATTERN.source, description: '律师的手机号（没有账号时新建）' }),
    name: Text(1, 20, '姓名'),
    firm: Text(2, FIRM_MAX, '律师事务所'),
    licenceNo: Type.String({ pattern: LICENCE_PATTERN.source, description: '律师执业证号，17 位数字' }),
  },
  { additionalProperties: false },
)
export type InviteLawyerRequest = Static<typeof InviteLawyerRequest>

export const LawyerStatusRequest = Type.Object({ status: StringEnum<LawyerStatus>(Object.values(LawyerStatus)) }, { additionalProperties: false })
export type LawyerStatusRequest = Static<typeof LawyerStatusRequest>

export const Lawyer = Type.Object({
  id: Type.String({ description: '律师的用户 id' }),
  name: Type.String(),
  /** Masked (138****0017). */
  phone: Type.Union([Type.String(), Type.Null()]),
  firm: Type.String(),
  licenceNo: Type.String(),
  status: StringEnum<LawyerStatus>(Object.values(LawyerStatus)),
  organizationId: Type.String(),
  organizationName: Type.String(),
})
export type Lawyer = Static<typeof Lawyer>
export const LawyerList = Type.Object({ items: Type.Array(Lawyer) })
export type LawyerList = Static<typeof LawyerList>

export const CreateSessionRequest = Type.Object(
  {
    number: Type.Integer({ minimum: 1, maximum: 100_000, description: '期数：第几期' }),
    theme: Text(2, THEME_MAX, '本期主题'),
    startsAt: Type.String({ format: 'date-time', description: '开始时间' }),
    endsAt: Type.String({ format: 'date-time', description: '结束时间（之前都可以提问）' }),
    lawyerIds: Type.Array(Id, { minItems: 1, maxItems: 10, uniqueItems: true, description: '值班律师（本组织或上级组织律师团的在职律师）' }),
  },
  { additionalProperties: false },
)
export type CreateSessionRequest = Static<typeof CreateSessionRequest>

/** Staff change a session before it ends: its theme, time and lawyers on duty (not its number). */
export const UpdateSessionRequest = Type.Object(
  {
    version: Type.Integer({ minimum: 0, description: '编辑开始时看到的版本号（同时有人改过则 409）' }),
    theme: Text(2, THEME_MAX, '本期主题'),
    startsAt: Type.String({ format: 'date-time', description: '开始时间' }),
    endsAt: Type.String({ format: 'date-time', description: '结束时间（之前都可以提问）' }),
    lawyerIds: Type.Array(Id, { minItems: 1, maxItems: 10, uniqueItems: true, description: '值班律师（本组织或上级组织律师团的在职律师）' }),
  },
  { additionalProperties: false },
)
export type UpdateSessionRequest = Static<typeof UpdateSessionRequest>

export const SessionLawyer = Type.Object({ id: Type.String(), name: Type.String(), firm: Type.String() })
export type SessionLawyer = Static<typeof SessionLawyer>

export const QaSession = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  /** 第97期 */
  title: Type.String(),
  theme: Type.String(),
  startsAt: Time,
  endsAt: Time,
  /** Questions are taken until endsAt. */
  open: Type.Boolean(),
  organizationName: Type.String(),
  lawyers: Type.Array(SessionLawyer),
  questionCount: Type.Integer(),
  answerCount: Type.Integer(),
  publishedCount: Type.Integer(),
  viewCount: Type.Integer(),
  /** For staff edits (compare-and-swap). */
  version: Type.Integer(),
})
export type QaSession = Static<typeof QaSession>
export const QaSessionList = Type.Object({ items: Type.Array(QaSession) })
export type QaSessionList = Static<typeof QaSessionList>

export const AskQuestionRequest = Type.Object(
  {
    text: Text(QUESTION_MIN, QUESTION_MAX, `问题，${QUESTION_MIN}–${QUESTION_MAX} 字`),
    photoIds: Type.Array(Id, { maxItems: QUESTION_PHOTOS_MAX, uniqueItems: true, description: `先上传的照片（POST /api/evidence），最多 ${QUESTION_PHOTOS_MAX} 张` }),
    allowPublish: Type.Boolean({ description: '同意隐去姓名、电话和号码后公开发布' }),
    businessName: Type.Optional(Text(2, BUSINESS_NAME_MAX, '涉及的商家（可不填；一键投诉时带入）')),
  },
  { additionalProperties: false },
)
export type AskQuestionRequest = Static<typeof AskQuestionRequest>

export const Citation = Type.Object({
  code: Type.String(),
  law: Type.String(),
  article: Type.String(),
  gist: Type.String(),
  verified: Type.Boolean(),
})
export type Citation = Static<typeof Citation>

/** 下一步 as an action the asker can take: file a complaint (一键投诉) or read a published warning. */
export const AnswerActionKind = { Complaint: 'complaint', Warning: 'warning' } as const
export type AnswerActionKind = (typeof AnswerActionKind)[keyof typeof AnswerActionKind]
export const AnswerActionRequest = Type.Union([
  Type.Object({ kind: Type.Literal('complaint') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('warning'), warningId: Id }, { additionalProperties: false }),
])
export type AnswerActionRequest = Static<typeof AnswerActionRequest>
export const AnswerAction = Type.Union([
  Type.Object({ kind: Type.Literal('complaint') }),
  Type.Object({ kind: Type.Literal('warning'), warningId: Type.String(), warningTitle: Type.String() }),
])
export type AnswerAction = Static<typeof AnswerAction>

/**
 * How a complaint filed from a question is going (跟进问题的解决). The asker also gets its number and
 * id; the answering lawyer and staff only the status and dates (never the consumer or the evidence).
 */
export const QuestionFollowUp = Type.Object({
  status: ComplaintStatusSchema,
  statusLabel: Type.String(),
  filedAt: Time,
  updatedAt: Time,
  closedAt: Type.Union([Time, Type.Null()]),
  complaintId: Type.Union([Type.String(), Type.Null()]),
  complaintNumber: Type.Union([Type.String(), Type.Null()]),
})
export type QuestionFollowUp = Static<typeof QuestionFollowUp>

export const Answer = Type.Object({
  text: Type.String(),
  citations: Type.Array(Citation),
  nextSteps: Type.Array(Type.String()),
  actions: Type.Array(AnswerAction),
  lawyerName: Type.String(),
  lawyerFirm: Type.String(),
  answeredAt: Time,
})
export type Answer = Static<typeof Answer>

/** A question as its asker, the lawyers on duty and the staff of the session's organization see it. */
export const Question = Type.Object({
  id: Type.String(),
  sessionId: Type.String(),
  sessionTitle: Type.String(),
  sessionTheme: Type.String(),
  text: Type.String(),
  businessName: Type.Union([Type.String(), Type.Null()]),
  photos: Type.Array(Evidence),
  allowPublish: Type.Boolean(),
  status: StringEnum<QuestionStatus>(Object.values(QuestionStatus)),
  answer: Type.Union([Answer, Type.Null()]),
  published: Type.Boolean(),
  publishedQuestion: Type.Union([Type.String(), Type.Null()]),
  publishedAnswer: Type.Union([Type.String(), Type.Null()]),
  /** The complaint filed from this question: for the asker, the answering lawyer and staff; otherwise null. */
  followUp: Type.Union([QuestionFollowUp, Type.Null()]),
  createdAt: Time,
})
export type Question = Static<typeof Question>
export const QuestionList = Type.Object({ items: Type.Array(Question) })
export type QuestionList = Static<typeof QuestionList>

export const AnswerRequest = Type.Object(
  {
    text: Text(5, ANSWER_MAX, `解答，5–${ANSWER_MAX} 字`),
    citations: Type.Array(StringEnum<string>(QA_LAW_CODES), { maxItems: CITATIONS_MAX, uniqueItems: true, description: '引用的法条（从常用法条中选）' }),
    nextSteps: Type.Array(Text(2, NEXT_STEP_MAX), { maxItems: NEXT_STEPS_MAX, description: '建议的下一步' }),
    actions: Type.Optional(Type.Array(AnswerActionRequest, { maxItems: 2, description: '下一步可以直接去做的：一键投诉、阅读一条已发布的消费警示（各最多一个）' })),
  },
  { additionalProperties: false },
)
export type AnswerRequest = Static<typeof AnswerRequest>

export const PublishRequest = Type.Object(
  {
    question: Text(QUESTION_MIN, QUESTION_MAX, '公开的问题（号码会自动隐去）'),
    answer: Text(5, ANSWER_MAX, '公开的解答'),
  },
  { additionalProperties: false },
)
export type PublishRequest = Static<typeof PublishRequest>

export const LawyerWorkspace = Type.Object({
  lawyer: Lawyer,
  sessions: Type.Array(QaSession),
  waiting: Type.Array(Question),
  /** 跟进问题的解决: complaints filed from questions this lawyer answered, newest first. */
  followUps: Type.Array(Type.Object({ questionId: Type.String(), sessionTitle: Type.String(), question: Type.String(), followUp: QuestionFollowUp })),
})
export type LawyerWorkspace = Static<typeof LawyerWorkspace>

/** A published question and answer, anonymised: no name, no phone, long numbers masked. */
export const PublicAnswer = Type.Object({
  id: Type.String(),
  sessionId: Type.String(),
  sessionTitle: Type.String(),
  question: Type.String(),
  answer: Type.String(),
  citations: Type.Array(Citation),
  nextSteps: Type.Array(Type.String()),
  lawyerName: Type.String(),
  lawyerFirm: Type.String(),
  publishedAt: Time,
})
export type PublicAnswer = Static<typeof PublicAnswer>

export const PublicSession = Type.Object({ session: QaSession, answers: Type.Array(PublicAnswer) })
export type PublicSession = Static<typeof PublicSession>

export const QaSearchQuery = Type.Object({
  q: Type.String({ minLength: QA_SEARCH_MIN, maxLength: 30, description: `搜索词，至少 ${QA_SEARCH_MIN} 个字` }),
})
export const QaSearchHit = Type.Intersect([PublicAnswer, Type.Object({ highlight: Type.Object({ question: Type.Array(Segment) }) })])
export type QaSearchHit = Static<typeof QaSearchHit>
export const QaSearchResult = Type.Object({ total: Type.Integer(), items: Type.Array(QaSearchHit) })
export type QaSearchResult = Static<typeof QaSearchResult>

/**
 * 一键投诉: what the filing flow is prefilled with. The photos are new, unused copies of the question's
 * photos for the asker (the same stored files, nothing uploaded again), to be attached on submit.
 */
export const ComplaintPrefill = Type.Object({
  questionId: Type.String(),
  sessionTitle: Type.String(),
  businessName: Type.Union([Type.String(), Type.Null()]),
  facts: Type.String(),
  photos: Type.Array(Evidence),
})
export type ComplaintPrefill = Static<typeof ComplaintPrefill>
