// What the app, the 消息 tab, the settings subpackage and the tap handlers may import.
export { useNotificationStore } from './stores/use-notification-store'
export { requestSubscriptions } from './subscribe-messages'
export { destinationOf } from './inbox-model'
export type { NotificationItem } from './api/notification-shapes'
export { startNotifications, stopNotifications, wakeNotifications } from './lifecycle'
export { InboxView } from './components/inbox-view'
