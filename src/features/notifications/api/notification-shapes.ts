// The notifications API shapes, from the one contract (types only: that file holds TypeBox schemas).
export type {
  NotificationChannel,
  NotificationItem,
  NotificationList as NotificationPage,
  NotificationPreference,
  NotificationPreferences,
} from '@/contract/notification'
