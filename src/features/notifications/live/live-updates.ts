/**
 * Keeping the inbox current while the app is open. This file is the mini-program's way (there is
 * no EventSource there): catch up when the app or a tab comes to the front. Until the 消息 tab has
 * loaded the list, only the unread count is fetched (one small request for the badge).
 * H5 uses live-updates.h5.ts (server-sent events with a polling fallback).
 */
import { getUnreadCount } from '../api/inbox'
import { useNotificationStore } from '../stores/use-notification-store'

export interface LiveUpdates {
  /** The app or the 消息 tab came to the front: catch up now. */
  wake(): void
  stop(): void
}

/** Launch is followed at once by the app's first show: one request is enough. */
const MIN_GAP_MS = 3000

export function startLiveUpdates(): LiveUpdates {
  let last = 0
  const catchUp = () => {
    if (Date.now() - last < MIN_GAP_MS) return
    last = Date.now()
    const store = useNotificationStore.getState()
    const done = store.phase === 'ready' ? store.refresh() : getUnreadCount().then(({ unreadCount }) => store.setUnreadCount(unreadCount))
    done.catch(() => undefined)
  }
  catchUp()
  return { wake: catchUp, stop: () => undefined }
}
