import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import type { NotificationType } from '../../../../src/contract/notification'
import type { Db } from '../../db/database'

export interface NotificationInput {
  recipientId: string
  type: NotificationType
  /** Short headline, ≤ 40 characters, e.g. 商家提出了处理方案 */
  title: string
  /** One or two sentences in plain Chinese. */
  body: string
  /** App page to open on tap, e.g. /packages/complaint/pages/detail/index?id=… */
  link: string | null
  complaintId?: string | null
  /** Unique per change and recipient, e.g. `${eventId}:${recipientId}`: the same key twice writes one notification. */
  sourceKey: string
  now: Date
}

/**
 * Records a notification in the outbox, inside the caller's transaction, so it exists exactly when
 * the change it reports exists. Delivery (inbox stream, WeChat, SMS) happens later in the worker.
 */
export async function notify(trx: Db, input: NotificationInput): Promise<void> {
  const next = await trx
    .selectFrom('notifications')
    .select(sql<number>`coalesce(max(seq), 0) + 1`.as('seq'))
    .where('recipient_id', '=', input.recipientId)
    .executeTakeFirstOrThrow()
  await trx
    .insertInto('notifications')
    .values({
      id: randomUUID(),
      recipient_id: input.recipientId,
      type: input.type,
      title: input.title,
      body: input.body,
      link: input.link,
      complaint_id: input.complaintId ?? null,
      source_key: input.sourceKey,
      created_at: input.now.toISOString(),
      read_at: null,
      seq: Number(next.seq),
    })
    .onConflict((oc) => oc.column('source_key').doNothing())
    .execute()
}
