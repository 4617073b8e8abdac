// Starting and stopping the inbox with the session; app.ts imports this file alone to keep the first load small.
import { followUnreadCount, showUnreadBadge } from './badge'
import { startLiveUpdates, type LiveUpdates } from './live/live-updates'
import { useNotificationStore } from './stores/use-notification-store'
import { loadSubscribeConfig } from './subscribe-messages'

let live: LiveUpdates | null = null
let unfollow: (() => void) | null = null

/** Signed in: keep the inbox and the tab badge current. */
export function startNotifications() {
  if (live) return
  unfollow = followUnreadCount()
  live = startLiveUpdates()
  loadSubscribeConfig()
}

/** Signed out: forget this user's notifications and clear the badge. */
export function stopNotifications() {
  live?.stop()
  live = null
  unfollow?.()
  unfollow = null
  useNotificationStore.getState().reset()
  showUnreadBadge(true)
}

/** The app or a tab came to the front. */
export function wakeNotifications() {
  if (!live) return
  showUnreadBadge(true)
  live.wake()
}
