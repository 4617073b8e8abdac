import Taro from '@tarojs/taro'
import { badgeText, MESSAGES_TAB_INDEX } from './inbox-model'
import { useNotificationStore } from './stores/use-notification-store'

// What the tab bar shows now; undefined when unknown (a call failed), so the next sync tries again.
let shown: string | null | undefined

/** Puts the unread count on the 消息 tab (99+ cap), or removes the badge at 0. */
export function showUnreadBadge(force = false) {
  const text = badgeText(useNotificationStore.getState().unreadCount)
  if (!force && text === shown) return
  shown = text
  // NOTE: on weapp both calls fail while a non-tab page is on top ("not TabBar page"); the next
  // app/tab show syncs again. On H5 the tab bar component handles them (taro-tabbar badgeText).
  const call = text ? Taro.setTabBarBadge({ index: MESSAGES_TAB_INDEX, text }) : Taro.removeTabBarBadge({ index: MESSAGES_TAB_INDEX })
  Promise.resolve(call).catch(() => {
    if (shown === text) shown = undefined
  })
}

/** Keeps the badge in step with the store from now on; returns the unsubscribe function. */
export function followUnreadCount(): () => void {
  showUnreadBadge(true)
  return useNotificationStore.subscribe((state, previous) => {
    if (state.unreadCount !== previous.unreadCount) showUnreadBadge()
  })
}
