import './inbox.css'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageState } from '@/components/page-state'
import { errorMessage } from '@/lib/http'
import type { NotificationItem } from '../api/notification-shapes'
import { destinationOf } from '../inbox-model'
import { useNotificationStore } from '../stores/use-notification-store'
import { NotificationRow } from './notification-row'

const TAB_PAGES = ['/pages/home/index', '/pages/complaints/index', '/pages/messages/index', '/pages/me/index']

function open(notification: NotificationItem) {
  // Not awaited: the page opens at once, the read flag follows (and comes back if that fails).
  void useNotificationStore.getState().markRead(notification.id)
  const url = destinationOf(notification)
  if (!url) return
  const path = url.split('?')[0] ?? url
  if (TAB_PAGES.includes(path)) void Taro.switchTab({ url: path })
  else void Taro.navigateTo({ url })
}

async function confirmReadAll() {
  const { confirm } = await Taro.showModal({
    title: '全部标为已读',
    content: '所有消息都会标为已读，红点会消失，消息本身还在。确定吗？',
    confirmText: '全部已读',
    cancelText: '取消',
    confirmColor: '#b71c1c',
  })
  if (!confirm) return
  try {
    await useNotificationStore.getState().markAllRead()
    void Taro.showToast({ title: '已全部标为已读', icon: 'success' })
  } catch (error) {
    void Taro.showModal({ title: '没有成功', content: errorMessage(error), showCancel: false, confirmText: '知道了' })
  }
}

/** The 消息 tab: newest first, unread marked, tap to open, 全部已读, paging. */
export function InboxView() {
  const items = useNotificationStore((s) => s.items)
  const phase = useNotificationStore((s) => s.phase)
  const problem = useNotificationStore((s) => s.problem)
  const unreadCount = useNotificationStore((s) => s.unreadCount)
  const nextCursor = useNotificationStore((s) => s.nextCursor)
  const loadingMore = useNotificationStore((s) => s.loadingMore)
  const moreProblem = useNotificationStore((s) => s.moreProblem)
  const { reload, loadMore } = useNotificationStore.getState()

  if (phase === 'idle' || (phase === 'loading' && !items.length)) return <PageState kind='loading' />
  if (phase === 'error') {
    return (
      <View className='card'>
        <PageState kind='error' description={problem} onRetry={() => void reload()} />
      </View>
    )
  }
  if (!items.length) {
    return (
      <View className='card'>
        <PageState kind='empty' title='暂无消息' description='投诉有新进展时，会在这里通知您' />
      </View>
    )
  }
  return (
    <View className='inbox'>
      <View className='inbox__bar'>
        <Text className='inbox__count'>{unreadCount > 0 ? `${unreadCount} 条未读` : '没有未读消息'}</Text>
        {unreadCount > 0 && (
          <Button className='btn btn-secondary inbox__read-all' onClick={() => void confirmReadAll()}>
            全部已读
          </Button>
        )}
      </View>
      {items.map((n) => (
        <NotificationRow key={n.id} notification={n} onOpen={open} />
      ))}
      <View className='inbox__end'>
        {loadingMore ? (
          <Text className='muted'>正在加载更多…</Text>
        ) : moreProblem ? (
          <Button className='btn btn-plain' onClick={() => void (nextCursor ? loadMore() : reload(true))}>
            加载失败，点这里重试
          </Button>
        ) : nextCursor ? (
          <Button className='btn btn-plain' onClick={() => void loadMore()}>
            加载更多
          </Button>
        ) : (
          <Text className='muted'>没有更多了</Text>
        )}
      </View>
    </View>
  )
}
