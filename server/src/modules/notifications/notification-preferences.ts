import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_TYPES,
  SMS_NOTIFICATION_TYPES,
  type NotificationChannel,
  type NotificationPreference,
  type NotificationType,
} from '../../../../src/contract/notification'
import type { Db } from '../../db/database'

/** Inbox always; WeChat for everything (it still needs a subscribe quota); SMS only when the user opts in, for key events. */
export function defaultEnabled(_type: NotificationType, channel: NotificationChannel): boolean {
  return channel !== 'sms'
}

/** Whether the user wants this type on this channel: their choice, else the default. Inbox cannot be switched off. */
export async function channelsFor(trx: Db, userId: string, type: NotificationType): Promise<Set<NotificationChannel>> {
  const rows = await trx
    .selectFrom('notification_preferences')
    .select(['channel', 'enabled'])
    .where('user_id', '=', userId)
    .where('type', '=', type)
    .execute()
  const chosen = new Map(rows.map((row) => [row.channel, Number(row.enabled) === 1]))
  return new Set(NOTIFICATION_CHANNELS.filter((channel) => channel === 'inbox' || (chosen.get(channel) ?? defaultEnabled(type, channel))))
}

/** Every (type, channel) with the user's effective choice; SMS only for the types that may use it. */
export async function listPreferences(db: Db, userId: string, channels: readonly NotificationChannel[]): Promise<NotificationPreference[]> {
  const rows = await db.selectFrom('notification_preferences').select(['type', 'channel', 'enabled']).where('user_id', '=', userId).execute()
  const chosen = new Map(rows.map((row) => [`${row.type}:${row.channel}`, Number(row.enabled) === 1]))
  const items: NotificationPreference[] = []
  for (const type of NOTIFICATION_TYPES) {
    for (const channel of channels) {
      if (!mayUse(type, channel)) continue
      const enabled = channel === 'inbox' ? true : (chosen.get(`${type}:${channel}`) ?? defaultEnabled(type, channel))
      items.push({ type, channel, enabled })
    }
  }
  return items
}

export function mayUse(type: NotificationType, channel: NotificationChannel): boolean {
  return channel !== 'sms' || SMS_NOTIFICATION_TYPES.includes(type)
}

export async function savePreferences(db: Db, userId: string, items: NotificationPreference[], now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const item of items) {
      const row = { user_id: userId, type: item.type, channel: item.channel, enabled: item.enabled ? 1 : 0, updated_at: now.toISOString() }
      await trx
        .insertInto('notification_preferences')
        .values(row)
        .onConflict((oc) => oc.columns(['user_id', 'type', 'channel']).doUpdateSet({ enabled: row.enabled, updated_at: row.updated_at }))
        .execute()
    }
  })
}
