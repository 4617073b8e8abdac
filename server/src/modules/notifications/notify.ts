import { randomUUID } from 'node:crypto'
import type { NotificationType } from '../../../../src/contract/notification'
import type { Db } from '../../db/database'
import { announceInboxChange } from './inbox-signal'
import { channelsFor } from './notification-preferences'
import { takeNextSeqs } from './notification-seq'

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
 * the change it reports exists: the inbox item, plus one pending delivery per outside channel the
 * recipient can be reached on and wants. Sending happens later in the worker.
 */
export async function notify(trx: Db, input: NotificationInput): Promise<void> {
  const recipient = await trx.selectFrom('users').select(['wechat_openid', 'phone', 'deleted_at']).where('id', '=', input.recipientId).executeTakeFirst()
  // A deleted account has no inbox: an open case of theirs moving on tells nobody.
  if (recipient?.deleted_at) return
  const seq = (await takeNextSeqs(trx, [input.recipientId])).get(input.recipientId)!
  const id = randomUUID()
  const at = input.now.toISOString()
  const inserted = await trx
    .insertInto('notifications')
    .values({
      id,
      recipient_id: input.recipientId,
      type: input.type,
      title: input.title,
      body: input.body,
      link: input.link,
      complaint_id: input.complaintId ?? null,
      source_key: input.sourceKey,
      created_at: at,
      read_at: null,
      seq,
    })
    .onConflict((oc) => oc.column('source_key').doNothing())
    .returning('id')
    .execute()
  if (inserted.length === 0) return
  await announceInboxChange(trx, [input.recipientId])

  const wanted = await channelsFor(trx, input.recipientId, input.type)
  const channels = [
    ...(wanted.has('wechat') && recipient?.wechat_openid ? (['wechat'] as const) : []),
    ...(wanted.has('sms') && recipient?.phone ? (['sms'] as const) : []),
  ]
  for (const channel of channels) {
    await trx
      .insertInto('notification_deliveries')
      .values({
        id: randomUUID(),
        notification_id: id,
        recipient_id: input.recipientId,
        channel,
        idempotency_key: `${input.sourceKey}:${channel}`,
        status: 'pending',
        attempts: 0,
        next_attempt_at: at,
        lease_until: null,
        lease_owner: null,
        last_error: null,
        template_id: null,
        created_at: at,
        updated_at: at,
        sent_at: null,
      })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .execute()
  }
}
