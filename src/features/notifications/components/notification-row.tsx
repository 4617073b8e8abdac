import { Text, View } from '@tarojs/components'
import { NOTIFICATION_TYPE_LABELS as NOTIFICATION_LABELS } from '@/contract/notification-labels'
import type { NotificationItem } from '../api/notification-shapes'
import { whenText } from '../inbox-model'

export function NotificationRow({ notification, onOpen }: { notification: NotificationItem; onOpen(n: NotificationItem): void }) {
  const unread = !notification.read
  return (
    <View
      className={`card inbox-item ${unread ? 'inbox-item--unread' : ''}`}
      hoverClass='inbox-item--pressed'
      onClick={() => onOpen(notification)}
      data-notification={notification.id}
    >
      <View className='inbox-item__top'>
        {unread && <View className='inbox-item__dot' aria-label='未读' />}
        <Text className='inbox-item__type'>{NOTIFICATION_LABELS[notification.type] ?? '通知'}</Text>
        <Text className='inbox-item__when'>{whenText(notification.createdAt)}</Text>
      </View>
      <Text className='inbox-item__title'>{notification.title}</Text>
      {!!notification.body && <Text className='inbox-item__body'>{notification.body}</Text>}
      {(notification.link || notification.complaintId) && <Text className='inbox-item__more'>{unread ? '未读 · ' : ''}查看详情 ›</Text>}
    </View>
  )
}
