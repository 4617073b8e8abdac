import { View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { LoginPrompt, useSessionStore } from '@/features/auth'
import { InboxView, useNotificationStore, wakeNotifications } from '@/features/notifications'

export default function MessagesPage() {
  const user = useSessionStore((s) => s.user)

  useDidShow(() => {
    if (!useSessionStore.getState().user) return
    const inbox = useNotificationStore.getState()
    if (inbox.phase === 'ready') wakeNotifications()
    else void inbox.reload()
  })
  usePullDownRefresh(() => {
    const done = () => void Taro.stopPullDownRefresh()
    if (!useSessionStore.getState().user) return done()
    useNotificationStore.getState().reload(true).finally(done)
  })
  useReachBottom(() => void useNotificationStore.getState().loadMore())

  return <View className='page'>{user ? <InboxView /> : <LoginPrompt reason='登录后可以收到投诉处理进度的通知' />}</View>
}
