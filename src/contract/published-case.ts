import { Type, type Static } from '@sinclair/typebox'
import { PUBLISHED_PHOTOS_MAX, REPLY_MAX, REPLY_MIN, SUMMARY_MAX, SUMMARY_MIN, type ConsentStage, type PublicationStatus, type ReplyStatus } from './published-case-rules'

/** Published cases (个案公示, issue #19): consent, publication by staff, the enterprise's reply, the public list. */
const StringEnum = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] })
const Id = Type.String({ minLength: 1, maxLength: 64 })
const Time = Type.String({ format: 'date-time' })
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()])

export const IdParams = Type.Object({ id: Id })

export const ConsentRequest = Type.Object(
  {
    publish: Type.Boolean({ description: '是否同意匿名公示本案' }),
    photos: Type.Boolean({ description: '是否同意公示自己上传的照片（publish 为 false 时必须为 false）' }),
  },
  { additionalProperties: false },
)
export type ConsentRequest = Static<typeof ConsentRequest>

export const ConsentState = Type.Object({
  publish: Type.Boolean(),
  photos: Type.Boolean(),
  stage: Type.Union([StringEnum<ConsentStage>(['filing', 'closure', 'change']), Type.Null()]),
  answeredAt: Nullable(Time),
  textVersion: Nullable(Type.String()),
  /** The case has ended and the consumer has not answered since: ask 同意公示 / 不同意. */
  askNow: Type.Boolean(),
  /** The case is on the public list now. */
  published: Type.Boolean(),
  /** The consumer uploaded photos to this case (the photo question is asked only then). */
  hasPhotos: Type.Boolean(),
})
export type ConsentState = Static<typeof ConsentState>

export const ReplyView = Type.Object({
  text: Type.String(),
  status: StringEnum<ReplyStatus>(['pending', 'approved', 'rejected']),
  createdAt: Time,
})
export type ReplyView = Static<typeof ReplyView>

export const PhotoView = Type.Object({ evidenceId: Type.String(), url: Type.String() })
export type PhotoView = Static<typeof PhotoView>

/** What staff see of a closed case's publication: consent, the auto-drafted summary, the state. */
export const StaffPublication = Type.Object({
  complaintId: Type.String(),
  complaintNumber: Type.String(),
  /** Settled or closed: it may be proposed. */
  ended: Type.Boolean(),
  id: Nullable(Type.String()),
  status: Type.Union([StringEnum<PublicationStatus>(['proposed', 'published', 'withdrawn']), Type.Null()]),
  consent: Type.Object({ publish: Type.Boolean(), photos: Type.Boolean(), answeredAt: Nullable(Time) }),
  /** Drafted from the case's facts with personal details masked; staff edit it. */
  draftSummary: Type.String(),
  summary: Nullable(Type.String()),
  notifiedAt: Nullable(Time),
  replyWindowEndsAt: Nullable(Time),
  publishedAt: Nullable(Time),
  /** The consumer's photos (only when they allowed photos), for staff to review one by one. */
  photos: Type.Array(PhotoView),
  publishedPhotoIds: Type.Array(Type.String()),
  reply: Type.Union([ReplyView, Type.Null()]),
})
export type StaffPublication = Static<typeof StaffPublication>

export const ProposeRequest = Type.Object(
  { summary: Type.String({ minLength: SUMMARY_MIN, maxLength: SUMMARY_MAX, description: '匿名的案情摘要（服务器再检查一遍个人信息）' }) },
  { additionalProperties: false },
)
export type ProposeRequest = Static<typeof ProposeRequest>

export const PublishRequest = Type.Object(
  {
    summary: Type.String({ minLength: SUMMARY_MIN, maxLength: SUMMARY_MAX }),
    photoIds: Type.Array(Id, { maxItems: PUBLISHED_PHOTOS_MAX, uniqueItems: true, description: '工作人员逐张检查过、可以公示的照片' }),
  },
  { additionalProperties: false },
)
export type PublishRequest = Static<typeof PublishRequest>

export const ModerateReplyRequest = Type.Object({ decision: StringEnum<'approve' | 'reject'>(['approve', 'reject']) }, { additionalProperties: false })
export type ModerateReplyRequest = Static<typeof ModerateReplyRequest>

export const ReplyRequest = Type.Object({ text: Type.String({ minLength: REPLY_MIN, maxLength: REPLY_MAX }) }, { additionalProperties: false })
export type ReplyRequest = Static<typeof ReplyRequest>

/** A case of the liaison's own enterprise, proposed or published, with its reply. */
export const EnterpriseCase = Type.Object({
  id: Type.String(),
  businessName: Type.String(),
  summary: Type.String(),
  status: StringEnum<PublicationStatus>(['proposed', 'published', 'withdrawn']),
  replyWindowEndsAt: Time,
  reply: Type.Union([ReplyView, Type.Null()]),
})
export const EnterpriseCaseList = Type.Object({ items: Type.Array(EnterpriseCase) })
export type EnterpriseCase = Static<typeof EnterpriseCase>
export type EnterpriseCaseList = Static<typeof EnterpriseCaseList>

/** Replies waiting for moderation, for staff of the organization (or above). */
export const PendingReply = Type.Object({ publicationId: Type.String(), complaintId: Type.String(), businessName: Type.String(), text: Type.String(), createdAt: Time })
export const PendingReplyList = Type.Object({ items: Type.Array(PendingReply) })
export type PendingReplyList = Static<typeof PendingReplyList>

export const PublicCaseItem = Type.Object({
  id: Type.String(),
  businessName: Type.String(),
  enterpriseId: Nullable(Type.String()),
  excerpt: Type.String(),
  publishedAt: Time,
  hasReply: Type.Boolean(),
})
export type PublicCaseItem = Static<typeof PublicCaseItem>
export const PublicCaseList = Type.Object({ total: Type.Integer({ minimum: 0 }), items: Type.Array(PublicCaseItem) })
export type PublicCaseList = Static<typeof PublicCaseList>

export const PublicCaseQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 40, description: '至少 2 个字：商家名称或案情中的词' })),
    enterpriseId: Type.Optional(Id),
  },
  { additionalProperties: false },
)
export type PublicCaseQuery = Static<typeof PublicCaseQuery>

export const PublicCase = Type.Object({
  id: Type.String(),
  businessName: Type.String(),
  enterpriseId: Nullable(Type.String()),
  industry: Type.String(),
  summary: Type.String(),
  publishedAt: Time,
  photos: Type.Array(Type.Object({ url: Type.String() })),
  /** The enterprise's reply once staff approved it. */
  reply: Type.Union([Type.Object({ text: Type.String(), at: Time }), Type.Null()]),
})
export type PublicCase = Static<typeof PublicCase>
