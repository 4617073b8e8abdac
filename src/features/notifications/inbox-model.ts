/** Pure rules of the inbox (no Taro: they run under node:test). */
import dayjs from 'dayjs'
import type { NotificationItem } from './api/notification-shapes'

/** Index of the 消息 tab in app.config.ts tabBar.list. */
export const MESSAGES_TAB_INDEX = 2

/** What the tab bar badge says: nothing at 0, the count up to 99, then 99+. */
export function badgeText(unreadCount: number): string | null {
  if (!(unreadCount > 0)) return null
  return unreadCount > 99 ? '99+' : String(Math.floor(unreadCount))
}

/**
 * Known items updated with a fresh batch (a first page, a live event): new ones join, known ones
 * take the newer state (read flag), and the list stays newest first (by seq) without duplicates.
 */
export function mergeNewest(known: NotificationItem[], fresh: NotificationItem[]): NotificationItem[] {
  const byId = new Map(known.map((n) => [n.id, n]))
  for (const n of fresh) byId.set(n.id, n)
  return [...byId.values()].sort((a, b) => b.seq - a.seq)
}

/** The highest seq seen: the live stream resumes after it. */
export function lastSeqOf(items: NotificationItem[], previous = 0): number {
  return items.reduce((max, n) => Math.max(max, n.seq), previous)
}

/** Wait before reconnecting after `failures` failed attempts in a row: 1 s, 2 s, 4 s … 30 s. */
export function reconnectDelay(failures: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1))
}

/** Where tapping a notification goes: its link, else the complaint it is about. */
export function destinationOf(n: Pick<NotificationItem, 'link' | 'complaintId'>): string | null {
  if (n.link && n.link.startsWith('/')) return n.link
  if (n.complaintId) return `/packages/complaint/pages/detail/index?id=${encodeURIComponent(n.complaintId)}`
  return null
}

/** 刚刚 / 5 分钟前 / 3 小时前 within a day, then the date, so an old message never reads as new. */
export function whenText(iso: string, now = dayjs()): string {
  const at = dayjs(iso)
  const minutes = now.diff(at, 'minute')
  if (minutes < 1) return '刚刚'
  // Written out rather than dayjs' relativeTime plugin: the main package has little room left.
  if (minutes < 60) return `${minutes} 分钟前`
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} 小时前`
  return at.format(at.year() === now.year() ? 'M月D日 HH:mm' : 'YYYY年M月D日')
}
