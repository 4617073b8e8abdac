import { Type, type Static } from '@sinclair/typebox'
import { NOTIFICATION_CHANNELS, NOTIFICATION_TYPES, type NotificationChannel, type NotificationType } from './notification-labels'

/**
 * The TypeBox schemas of the notifications API (the app imports only types from this file); the
 * types and channels themselves are in notification-labels.ts.
 */
export * from './notification-labels'

/** SMS costs money and interrupts: only these types may go out by SMS. */
export const SMS_NOTIFICATION_TYPES: readonly NotificationType[] = ['proposal_received', 'complaint_status', 'mediation_session', 'performance_check']
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
 * `event: room` `data: {"complaintId":…}` when a mediation room the user is in changed (read it again);
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
