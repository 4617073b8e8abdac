import type { Generated } from 'kysely'
import type { NotificationChannel, NotificationType } from '../../../src/contract/notification'

/**
 * One notification for one recipient: the in-app inbox item and the root of its deliveries.
 * Written in the same transaction as the change it reports (the outbox); never sent inside a request.
 */
export interface NotificationTable {
  id: string
  recipient_id: string
  type: NotificationType
  title: string
  body: string
  /** App page to open, e.g. /packages/complaint/pages/detail/index?id=… */
  link: string | null
  complaint_id: string | null
  /** Unique per change and recipient (e.g. `<event id>:<user id>`): writing the same change twice keeps one. */
  source_key: string
  created_at: string
  read_at: string | null
  /** Per-user increasing number, for SSE Last-Event-ID and "newer than" polling. */
  seq: Generated<number>
}

export type DeliveryStatus = 'pending' | 'queued' | 'sending' | 'sent' | 'failed' | 'dead' | 'skipped'

/**
 * One notification on one outside channel (wechat, sms). The inbox needs no row: the notification is it.
 * `queued` was handed to pg-boss (pgboss mode only).
 * `failed` waits for next_attempt_at; `dead` gave up after the last attempt; `skipped` will never be sent
 * (no openid, no subscribe quota, WeChat 43101); `sending` is held by a worker until lease_until.
 */
export interface NotificationDeliveryTable {
  id: string
  notification_id: string
  recipient_id: string
  channel: Exclude<NotificationChannel, 'inbox'>
  /** `<notification source_key>:<channel>`: unique, so the same delivery is never queued twice. */
  idempotency_key: string
  status: DeliveryStatus
  attempts: number
  next_attempt_at: string
  lease_until: string | null
  /** Which worker holds the lease; a worker only completes deliveries it still holds. */
  lease_owner: string | null
  last_error: string | null
  /** The subscribe template whose quota this delivery holds (taken before sending, so a crashed send keeps it). */
  template_id: string | null
  created_at: string
  updated_at: string
  sent_at: string | null
}

/** Only the choices a user changed; everything else follows DEFAULT_PREFERENCES. */
export interface NotificationPreferenceTable {
  user_id: string
  type: NotificationType
  channel: NotificationChannel
  enabled: number
  updated_at: string
}

/** One-time WeChat subscribe quotas: each accepted template in requestSubscribeMessage allows one message. */
export interface SubscribeQuotaTable {
  user_id: string
  template_id: string
  remaining: number
  updated_at: string
}

/** WeChat access token shared by every server process and worker, refreshed before it expires. */
export interface WechatTokenTable {
  app_id: string
  access_token: string
  expires_at: string
}

/**
 * Each recipient's last notification seq. Taking the next one updates this row, which stays locked
 * until the transaction commits: two notifications for one person never share a seq, and they
 * become visible in seq order, so a stream resuming "after seq N" misses none.
 */
export interface NotificationCounterTable {
  recipient_id: string
  last_seq: number
}

export interface NotificationTables {
  notifications: NotificationTable
  notification_counters: NotificationCounterTable
  notification_deliveries: NotificationDeliveryTable
  notification_preferences: NotificationPreferenceTable
  subscribe_quotas: SubscribeQuotaTable
  wechat_tokens: WechatTokenTable
}
