import type { Selectable } from 'kysely'
import type { NotificationItem } from '../../../../src/contract/notification'
import type { Db } from '../../db/database'
import type { NotificationTable } from '../../db/schema-notifications'
import { announceInboxChange } from './inbox-signal'

export type NotificationRow = Selectable<NotificationTable>

export function toItem(row: NotificationRow): NotificationItem {
  return {
    id: row.id,
    seq: Number(row.seq),
    type: row.type,
    title: row.title,
    body: row.body,
    link: row.link,
    complaintId: row.complaint_id,
    createdAt: row.created_at,
    read: row.read_at !== null,
  }
}

/** Newest first, older than `beforeSeq` when given. */
export function listNotifications(db: Db, userId: string, limit: number, beforeSeq?: number) {
  let query = db.selectFrom('notifications').selectAll().where('recipient_id', '=', userId)
  if (beforeSeq !== undefined) query = query.where('seq', '<', beforeSeq)
  return query.orderBy('seq', 'desc').limit(limit).execute()
}

/** Oldest first: what a live stream has not shown yet. */
export function notificationsAfter(db: Db, userId: string, afterSeq: number, limit = 50) {
  return db.selectFrom('notifications').selectAll().where('recipient_id', '=', userId).where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute()
}

export async function latestSeq(db: Db, userId: string): Promise<number> {
  const row = await db.selectFrom('notifications').select((eb) => eb.fn.max('seq').as('seq')).where('recipient_id', '=', userId).executeTakeFirst()
  return Number(row?.seq ?? 0)
}

/** One cheap look per stream poll: the newest seq and the unread count together. */
export async function inboxState(db: Db, userId: string): Promise<{ latestSeq: number; unreadCount: number }> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => [
      eb.fn.max('seq').as('latest'),
      eb.fn.sum<number | string | null>(eb.case().when('read_at', 'is', null).then(1).else(0).end()).as('unread'),
    ])
    .where('recipient_id', '=', userId)
    .executeTakeFirst()
  return { latestSeq: Number(row?.latest ?? 0), unreadCount: Number(row?.unread ?? 0) }
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('recipient_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

/** False when the notification is not the user's (or does not exist). */
export async function markRead(db: Db, userId: string, id: string, at: string): Promise<boolean> {
  const own = await db.selectFrom('notifications').select('read_at').where('id', '=', id).where('recipient_id', '=', userId).executeTakeFirst()
  if (!own) return false
  if (own.read_at === null) {
    const update = await db.updateTable('notifications').set({ read_at: at }).where('id', '=', id).where('read_at', 'is', null).executeTakeFirst()
    if (Number(update.numUpdatedRows) > 0) await announceInboxChange(db, [userId])
  }
  return true
}

export async function markAllRead(db: Db, userId: string, at: string) {
  const update = await db.updateTable('notifications').set({ read_at: at }).where('recipient_id', '=', userId).where('read_at', 'is', null).executeTakeFirst()
  if (Number(update.numUpdatedRows) > 0) await announceInboxChange(db, [userId])
}

export async function addSubscribeQuotas(db: Db, userId: string, templateIds: string[], at: string) {
  await db.transaction().execute(async (trx) => {
    for (const templateId of templateIds) {
      await trx
        .insertInto('subscribe_quotas')
        .values({ user_id: userId, template_id: templateId, remaining: 1, updated_at: at })
        .onConflict((oc) => oc.columns(['user_id', 'template_id']).doUpdateSet((eb) => ({ remaining: eb('subscribe_quotas.remaining', '+', 1), updated_at: at })))
        .execute()
    }
  })
}
