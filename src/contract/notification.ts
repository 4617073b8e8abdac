import { Type, type Static } from '@sinclair/typebox'

/**
 * What a notification is about, the channels it travels on, and the TypeBox schemas of the
 * notifications API (the app imports only types from this file).
 */
export const NOTIFICATION_TYPE_LABELS = {
  /** A complaint's status changed (accepted, escalated, closed …). */
  complaint_status: '投诉进度',
  /** The enterprise made a proposal: the consumer must decide. */
  proposal_received: '商家处理方案',
  /** Someone asked the consumer for more information. */
  info_requested: '请补充信息',
  /** A new message or evidence on a complaint. */
  complaint_message: '新留言',
  /** A new complaint arrived in a liaison's or staff member's queue. */
  complaint_assigned: '新投诉待处理',
  /** A step's deadline is near or passed. */
  deadline: '处理时限提醒',
  /** An urgent warning was published for the user's region. */
  warning_published: '消费警示',
  /** A volunteer application was approved, declined or revoked. */
  volunteer_status: '志愿者申请',
  /** A field report was verified, dismissed or converted. */
  field_report_status: '走访报告进度',
} as const
export type NotificationType = keyof typeof NOTIFICATION_TYPE_LABELS
export const NOTIFICATION_TYPES = Object.keys(NOTIFICATION_TYPE_LABELS) as NotificationType[]

/** Where a notification can reach its recipient. The inbox is always on. */
export const NOTIFICATION_CHANNELS = ['inbox', 'wechat', 'sms'] as const
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number]
export const NOTIFICATION_CHANNEL_LABELS: Record<NotificationChannel, string> = {
  inbox: '消息中心',
  wechat: '微信服务通知',
  sms: '短信',
}
/** SMS costs money and interrupts: only these types may go out by SMS. */
export const SMS_NOTIFICATION_TYPES: readonly NotificationType[] = ['proposal_received', 'complaint_status']
/** At most this many WeChat subscribe templates may be requested in one tap (WeChat's own limit). */
export const SUBSCRIBE_TEMPLATES_MAX = 3
export const NOTIFICATION_PAGE_MAX = 50
/** How long a stream ticket from POST /notifications/stream-ticket stays valid. */
export const STREAM_TICKET_TTL_SECONDS = 60

const StringEnum = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] })

export const NotificationTypeSchema = StringEnum<NotificationType>(NOTIFICATION_TYPES)
export const NotificationChannelSchema = StringEnum<NotificationChannel>(NOTIFICATION_CHANNELS)

export const NotificationItem = Type.Object({
  id: Type.String(),
  /** Per-recipient increasing number; the SSE event id. */
  seq: Type.Integer(),
  type: NotificationTypeSchema,
  title: Type.String(),
  body: Type.String(),
  /** App page to open on tap, e.g. /packages/complaint/pages/detail/index?id=… */
  link: Type.Union([Type.String(), Type.Null()]),
  complaintId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  read: Type.Boolean(),
})
export type NotificationItem = Static<typeof NotificationItem>

/** GET /api/notifications — newest first; pass nextCursor back as cursor for older ones. */
export const NotificationListQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ pattern: '^[0-9]+$', maxLength: 12 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: NOTIFICATION_PAGE_MAX })),
  },
  { additionalProperties: false },
)
export type NotificationListQuery = Static<typeof NotificationListQuery>

export const UnreadCount = Type.Object({ unreadCount: Type.Integer({ minimum: 0 }) })
export type UnreadCount = Static<typeof UnreadCount>

export const NotificationList = Type.Object({
  items: Type.Array(NotificationItem),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  unreadCount: Type.Integer({ minimum: 0 }),
})
export type NotificationList = Static<typeof NotificationList>

export const NotificationIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })

/** POST /api/notifications/stream-ticket — EventSource cannot send an Authorization header. */
export const StreamTicket = Type.Object({ ticket: Type.String(), expiresInSeconds: Type.Integer() })
export type StreamTicket = Static<typeof StreamTicket>

/**
 * GET /api/notifications/stream?ticket=…&after=<seq> → text/event-stream:
 * `id: <seq>` `event: notification` `data: <NotificationItem>`; `event: unread` `data: {"unreadCount":N}`;
 * `: ping` every 20 s. Resumes after the Last-Event-ID header or `after`.
 */
export const StreamQuery = Type.Object(
  {
    ticket: Type.String({ minLength: 1, maxLength: 512 }),
    after: Type.Optional(Type.String({ pattern: '^[0-9]+$', maxLength: 12 })),
  },
  { additionalProperties: false },
)
export type StreamQuery = Static<typeof StreamQuery>

export const NotificationPreference = Type.Object(
  { type: NotificationTypeSchema, channel: NotificationChannelSchema, enabled: Type.Boolean() },
  { additionalProperties: false },
)
export type NotificationPreference = Static<typeof NotificationPreference>

export const NotificationPreferences = Type.Object({
  items: Type.Array(NotificationPreference),
  /** The channels this server can deliver on (sms only when the SMS adapter is switched on). */
  channels: Type.Array(NotificationChannelSchema),
})
export type NotificationPreferences = Static<typeof NotificationPreferences>

/** PUT /api/notifications/preferences — inbox cannot be switched off. */
export const UpdatePreferencesRequest = Type.Object(
  { items: Type.Array(NotificationPreference, { minItems: 1, maxItems: NOTIFICATION_TYPES.length * NOTIFICATION_CHANNELS.length }) },
  { additionalProperties: false },
)
export type UpdatePreferencesRequest = Static<typeof UpdatePreferencesRequest>

/** GET /api/notifications/subscribe-config (public). */
export const SubscribeConfig = Type.Object({ templateIds: Type.Array(Type.String(), { maxItems: SUBSCRIBE_TEMPLATES_MAX }) })
export type SubscribeConfig = Static<typeof SubscribeConfig>

/** POST /api/notifications/subscriptions — template ids accepted in Taro.requestSubscribeMessage. */
export const SubscriptionsRequest = Type.Object(
  { accepted: Type.Array(Type.String({ minLength: 1, maxLength: 128 }), { maxItems: SUBSCRIBE_TEMPLATES_MAX }) },
  { additionalProperties: false },
)
export type SubscriptionsRequest = Static<typeof SubscriptionsRequest>
export const OkResponse = Type.Object({ ok: Type.Literal(true) })
