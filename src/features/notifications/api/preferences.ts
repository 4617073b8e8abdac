import { getJson, putJson } from '@/lib/http'
import type { NotificationPreference, NotificationPreferences } from './notification-shapes'

export function getNotificationPreferences() {
  return getJson<NotificationPreferences>('/notifications/preferences')
}

export function saveNotificationPreferences(items: NotificationPreference[]) {
  return putJson<NotificationPreferences>('/notifications/preferences', { items })
}
