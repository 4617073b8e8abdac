import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import relativeTime from 'dayjs/plugin/relativeTime'
import { NOTIFICATION_LABELS } from '@/contract/notification-labels'
import type { NotificationItem } from '../api/notification-shapes'

dayjs.extend(relativeTime)

/** 刚刚 / 5 分钟前 / 3 小时前 within a day, then the date, so an old message never reads as new. */
export function whenText(iso: string, now = dayjs()): string {
  const at = dayjs(iso)
  if (now.diff(at, 'minute') < 1) return '刚刚'
  if (now.diff(at, 'hour') < 24) return at.from(now)
  return at.format(at.year() === now.year() ? 'M月D日 HH:mm' : 'YYYY年M月D日')
}

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
