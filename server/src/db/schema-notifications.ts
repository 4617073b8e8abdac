import type { Generated } from 'kysely'
import type { NotificationType } from '../../../src/contract/notification'

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

export interface NotificationTables {
  notifications: NotificationTable
}
