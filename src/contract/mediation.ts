import { Type, type Static } from '@sinclair/typebox'
import { Evidence } from './evidence'

/**
 * The mediation room (issue #17): one live thread per case for the consumer, the business's
 * liaison(s) and the mediator, a private side thread per party (背靠背调解), the mediator's notes,
 * and sessions both parties confirm.
 */

/** shared: everyone in the room; consumer / enterprise: that party and the mediator only; notes: staff only. */
export const ROOM_THREADS = ['shared', 'consumer', 'enterprise', 'notes'] as const
export type RoomThread = (typeof ROOM_THREADS)[number]
export const ROOM_THREAD_LABELS: Record<RoomThread, string> = {
  shared: '三方调解',
  consumer: '与消费者单独沟通',
  enterprise: '与商家单独沟通',
  notes: '调解员笔记（仅工作人员可见）',
}

export type RoomParty = 'consumer' | 'enterprise' | 'mediator'
export const ROOM_PARTY_LABELS: Record<RoomParty, string> = { consumer: '消费者', enterprise: '商家', mediator: '调解员' }

/** Statuses in which the room takes new messages and sessions (the association has accepted the case). */
export const ROOM_OPEN_STATUSES = ['accepted', 'mediating'] as const

export const ROOM_MESSAGE_MAX = 1000
export const ROOM_PHOTOS_PER_MESSAGE = 9
export const ROOM_PAGE_MAX = 50
/** Someone whose room page sent a heartbeat this recently is in the room (and is not sent an inbox notice). */
export const PRESENCE_WINDOW_SECONDS = 45
/** Missed confirmed sessions without reason after which 无正当理由不参加调解 is offered as a termination ground. */
export const ABSENCES_FOR_GROUND = 2
/** When session reminders go out before the start (inbox; WeChat and SMS for those who opted in). */
export const SESSION_REMINDERS = [
  { key: 'day', aheadMinutes: 24 * 60, label: '明天' },
  { key: 'soon', aheadMinutes: 30, label: '30 分钟后' },
] as const

/** 常用语: one tap fills the box; the party may still edit before sending. */
export const QUICK_REPLIES: Record<RoomParty, readonly string[]> = {
  consumer: ['好的，我同意', '我需要再想一想', '我希望全额退款', '我已经上传了照片', '这个时间我不方便，能换个时间吗？'],
  enterprise: ['收到，我们马上核实', '我们愿意退款', '我们可以换货或维修', '请提供购物凭证', '我们需要请示后答复'],
  mediator: ['请双方各自说明一下情况', '请上传相关照片或凭证', '我单独和您沟通一下', '今天先到这里，下次调解时间另行通知', '双方意见已记录'],
}

const Id = Type.String({ minLength: 1, maxLength: 64 })
const Iso = Type.String({ format: 'date-time' })
const StringEnum = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] })

export const RoomParams = Type.Object({ id: Id })
export const RoomThreadParams = Type.Object({ id: Id, thread: StringEnum<RoomThread>(ROOM_THREADS) })
export const RoomSessionParams = Type.Object({ id: Id, sessionId: Id })

export const RoomMessage = Type.Object({
  id: Type.String(),
  /** Increasing within the case: the cursor and the read mark. */
  seq: Type.Integer({ minimum: 1 }),
  thread: StringEnum<RoomThread>(ROOM_THREADS),
  party: StringEnum<RoomParty>(['consumer', 'enterprise', 'mediator']),
  /** True for the caller's own messages (shown as 您). */
  mine: Type.Boolean(),
  authorName: Type.Union([Type.String(), Type.Null()]),
  text: Type.Union([Type.String(), Type.Null()]),
  photos: Type.Array(Evidence),
  createdAt: Iso,
})
export type RoomMessage = Static<typeof RoomMessage>

/** GET …/threads/:thread/messages — newest page first (before=seq for older), or after=seq for what came since. */
export const RoomMessagesQuery = Type.Object(
  {
    before: Type.Optional(Type.String({ pattern: '^[0-9]{1,12}$' })),
    after: Type.Optional(Type.String({ pattern: '^[0-9]{1,12}$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: ROOM_PAGE_MAX })),
  },
  { additionalProperties: false },
)
export type RoomMessagesQuery = Static<typeof RoomMessagesQuery>

export const RoomMessagePage = Type.Object({
  /** Oldest first. */
  items: Type.Array(RoomMessage),
  /** Pass as before= for the page before these; null at the start of the thread. */
  olderCursor: Type.Union([Type.String(), Type.Null()]),
  /** What each side has read up to in this thread (0: nothing). */
  readUpTo: Type.Object({ consumer: Type.Integer({ minimum: 0 }), enterprise: Type.Integer({ minimum: 0 }), mediator: Type.Integer({ minimum: 0 }) }),
})
export type RoomMessagePage = Static<typeof RoomMessagePage>

export const PostRoomMessageRequest = Type.Object(
  {
    text: Type.String({ maxLength: ROOM_MESSAGE_MAX }),
    evidenceIds: Type.Optional(Type.Array(Id, { maxItems: ROOM_PHOTOS_PER_MESSAGE, uniqueItems: true })),
  },
  { additionalProperties: false },
)
export type PostRoomMessageRequest = Static<typeof PostRoomMessageRequest>

export const MarkReadRequest = Type.Object({ seq: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }) }, { additionalProperties: false })
export type MarkReadRequest = Static<typeof MarkReadRequest>

export const SESSION_STATUSES = ['proposed', 'confirmed', 'cancelled'] as const
export type SessionStatus = (typeof SESSION_STATUSES)[number]
export const SESSION_ANSWERS = ['pending', 'confirmed', 'other_time'] as const
export type SessionAnswer = (typeof SESSION_ANSWERS)[number]

export const PartyAnswer = Type.Object({
  answer: StringEnum<SessionAnswer>(SESSION_ANSWERS),
  /** The time the party asked for instead, when answer is other_time. */
  suggestedAt: Type.Union([Iso, Type.Null()]),
  absent: Type.Boolean({ description: '调解员已记录此方无正当理由缺席' }),
})
export type PartyAnswer = Static<typeof PartyAnswer>

export const RoomSession = Type.Object({
  id: Type.String(),
  startsAt: Iso,
  status: StringEnum<SessionStatus>(SESSION_STATUSES),
  consumer: PartyAnswer,
  /** Null when the business has no liaison in the app (the mediator speaks for it by phone). */
  enterprise: Type.Union([PartyAnswer, Type.Null()]),
  /** Between the start and two hours after: the room shows 调解进行中. */
  live: Type.Boolean(),
})
export type RoomSession = Static<typeof RoomSession>

export const ProposeSessionRequest = Type.Object({ startsAt: Iso }, { additionalProperties: false })
export type ProposeSessionRequest = Static<typeof ProposeSessionRequest>

export const AnswerSessionRequest = Type.Object(
  { answer: StringEnum<'confirmed' | 'other_time'>(['confirmed', 'other_time']), suggestedAt: Type.Optional(Iso) },
  { additionalProperties: false },
)
export type AnswerSessionRequest = Static<typeof AnswerSessionRequest>

export const RecordAbsenceRequest = Type.Object(
  { party: StringEnum<'consumer' | 'enterprise'>(['consumer', 'enterprise']), note: Type.Optional(Type.String({ maxLength: 300 })) },
  { additionalProperties: false },
)
export type RecordAbsenceRequest = Static<typeof RecordAbsenceRequest>

/** 无正当理由不参加调解, offered once a party missed ABSENCES_FOR_GROUND confirmed sessions. */
export const AbsenceGround = Type.Object({
  party: StringEnum<'consumer' | 'enterprise'>(['consumer', 'enterprise']),
  absences: Type.Integer({ minimum: 0 }),
  /** The case's rule set's termination ground this supports, as the rule set words it. */
  text: Type.String(),
  article: Type.Union([Type.String(), Type.Null()]),
  /** The workflow action that ends mediation with it. */
  action: Type.Literal('mediation_failed'),
})
export type AbsenceGround = Static<typeof AbsenceGround>

export const RoomState = Type.Object({
  complaintId: Type.String(),
  number: Type.String(),
  businessName: Type.String(),
  /** Who the caller is in this room. */
  me: StringEnum<RoomParty>(['consumer', 'enterprise', 'mediator']),
  /** May post and answer (false: staff without 调解 permission, or the case has left mediation). */
  canWrite: Type.Boolean(),
  /** The business has a liaison in the app (else the mediator speaks with it by phone). */
  hasBusiness: Type.Boolean(),
  /** The threads the caller may read, shared first. */
  threads: Type.Array(StringEnum<RoomThread>(ROOM_THREADS)),
  /** The newest seq in each thread the caller may read (0: empty), and what they have read. */
  latest: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
  unread: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
  /** Who has the room open now. */
  present: Type.Array(StringEnum<RoomParty>(['consumer', 'enterprise', 'mediator'])),
  /** The next session not cancelled (or the one on now), else null. */
  session: Type.Union([RoomSession, Type.Null()]),
  quickReplies: Type.Array(Type.String()),
  /** Staff only: grounds the recorded absences support. */
  absenceGrounds: Type.Array(AbsenceGround),
})
export type RoomState = Static<typeof RoomState>

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** 2026-12-08T06:30:00Z → '12月8日 周二 14:30', read off a China clock (UTC+8 all year). */
export function sessionTimeLabel(iso: string): string {
  const china = new Date(Date.parse(iso) + 8 * 3600_000)
  const hh = String(china.getUTCHours()).padStart(2, '0')
  const mm = String(china.getUTCMinutes()).padStart(2, '0')
  return `${china.getUTCMonth() + 1}月${china.getUTCDate()}日 ${WEEKDAYS[china.getUTCDay()]} ${hh}:${mm}`
}

/** How long after its start a confirmed session counts as on (调解进行中). */
export const SESSION_LIVE_MINUTES = 120
