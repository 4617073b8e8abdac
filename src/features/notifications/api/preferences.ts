import { getJson, http } from '@/lib/http'
import type { NotificationPreference, NotificationPreferences } from './notification-shapes'

export function getNotificationPreferences() {
  return getJson<NotificationPreferences>('/notifications/preferences')
}

export async function saveNotificationPreferences(items: NotificationPreference[]) {
  return (await http.put<NotificationPreferences>('/notifications/preferences', { items })).data
}
