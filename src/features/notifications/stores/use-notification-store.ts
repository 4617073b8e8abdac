import { create } from 'zustand'
import { errorMessage } from '@/lib/http'
import { listNotifications, markAllNotificationsRead, markNotificationRead } from '../api/inbox'
import type { NotificationItem } from '../api/notification-shapes'
import { lastSeqOf, mergeNewest } from '../inbox-model'

interface NotificationState {
  items: NotificationItem[]
  nextCursor: string | null
  unreadCount: number
  /** Highest seq seen (list or stream): the stream resumes after it. */
  lastSeq: number
  phase: 'idle' | 'loading' | 'ready' | 'error'
  problem: string
  loadingMore: boolean
  moreProblem: string
  /** First page again, replacing the list (first open, pull-to-refresh, 重试). */
  reload(quiet?: boolean): Promise<void>
  /** First page merged into what is shown (polling, back on screen): keeps older pages loaded. */
  refresh(): Promise<void>
  loadMore(): Promise<void>
  received(item: NotificationItem): void
  setUnreadCount(count: number): void
  markRead(id: string): Promise<void>
  markAllRead(): Promise<void>
  reset(): void
}

const EMPTY = { items: [], nextCursor: null, unreadCount: 0, lastSeq: 0, phase: 'idle', problem: '', loadingMore: false, moreProblem: '' } as const

// Answers to requests made before a sign-out (or an older reload) are dropped.
let generation = 0

export const useNotificationStore = create<NotificationState>()((set, get) => ({
  ...EMPTY,
  items: [],

  async reload(quiet = false) {
    const mine = ++generation
    if (!quiet || get().phase !== 'ready') set({ phase: 'loading' })
    set({ moreProblem: '' })
    try {
      const page = await listNotifications()
      if (mine !== generation) return
      set({ items: page.items, nextCursor: page.nextCursor, unreadCount: page.unreadCount, lastSeq: lastSeqOf(page.items, get().lastSeq), phase: 'ready' })
    } catch (error) {
      if (mine !== generation) return
      if (get().phase === 'ready' || (quiet && get().items.length)) set({ phase: 'ready', moreProblem: errorMessage(error) })
      else set({ phase: 'error', problem: errorMessage(error) })
    }
  },

  async refresh() {
    const mine = generation
    const page = await listNotifications()
    if (mine !== generation) return
    const { items, phase, nextCursor } = get()
    set({
      items: mergeNewest(items, page.items),
      unreadCount: page.unreadCount,
      lastSeq: lastSeqOf(page.items, get().lastSeq),
      // Never loaded before: this first page is the list.
      ...(phase !== 'ready' ? { phase: 'ready', nextCursor: page.nextCursor } : { nextCursor }),
    })
  },

  async loadMore() {
    const { nextCursor, loadingMore, phase } = get()
    if (!nextCursor || loadingMore || phase !== 'ready') return
    const mine = generation
    set({ loadingMore: true, moreProblem: '' })
    try {
      const page = await listNotifications(nextCursor)
      if (mine !== generation) return
      set({ items: mergeNewest(get().items, page.items), nextCursor: page.nextCursor, unreadCount: page.unreadCount })
    } catch (error) {
      if (mine === generation) set({ moreProblem: errorMessage(error) })
    } finally {
      if (mine === generation) set({ loadingMore: false })
    }
  },

  received(item) {
    const { items, unreadCount, lastSeq } = get()
    const known = items.some((n) => n.id === item.id)
    set({
      items: mergeNewest(items, [item]),
      lastSeq: Math.max(lastSeq, item.seq),
      // The stream follows with the exact count; counting now makes the badge move at once.
      unreadCount: !known && !item.read ? unreadCount + 1 : unreadCount,
    })
  },

  setUnreadCount(count) {
    set({ unreadCount: Math.max(0, count) })
  },

  async markRead(id) {
    const before = get().items.find((n) => n.id === id)
    if (!before || before.read) return
    set({ items: get().items.map((n) => (n.id === id ? { ...n, read: true } : n)), unreadCount: Math.max(0, get().unreadCount - 1) })
    try {
      const { unreadCount } = await markNotificationRead(id)
      set({ unreadCount })
    } catch {
      // Still unread on the server: show it so again.
      set({ items: get().items.map((n) => (n.id === id ? { ...n, read: false } : n)), unreadCount: get().unreadCount + 1 })
    }
  },

  async markAllRead() {
    const { unreadCount } = await markAllNotificationsRead()
    set({ items: get().items.map((n) => (n.read ? n : { ...n, read: true })), unreadCount })
  },

  reset() {
    generation++
    set({ ...EMPTY, items: [] })
  },
}))
