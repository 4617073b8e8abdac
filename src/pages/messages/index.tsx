import { View } from '@tarojs/components'
import { PageState } from '@/components/page-state'
import { LoginPrompt, useSessionStore } from '@/features/auth'

export default function MessagesPage() {
  const user = useSessionStore((s) => s.user)
  return (
    <View className='page'>
      {user ? (
        <View className='card'>
          <PageState kind='empty' title='暂无消息' description='投诉有新进展时，会在这里通知您' />
        </View>
      ) : (
        <LoginPrompt reason='登录后可以收到投诉处理进度的通知' />
      )}
    </View>
  )
}
