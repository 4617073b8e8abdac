import { getJson, postJson } from '@/lib/http'
import type { NotificationPage } from './notification-shapes'

export const NOTIFICATION_PAGE_SIZE = 20

export function listNotifications(cursor?: string | null) {
  return getJson<NotificationPage>('/notifications', { limit: NOTIFICATION_PAGE_SIZE, ...(cursor ? { cursor } : {}) })
}

export function getUnreadCount() {
  return getJson<{ unreadCount: number }>('/notifications/unread-count')
}

export function markNotificationRead(id: string) {
  return postJson<{ unreadCount: number }>(`/notifications/${encodeURIComponent(id)}/read`)
}

export function markAllNotificationsRead() {
  return postJson<{ unreadCount: number }>('/notifications/read-all')
}
