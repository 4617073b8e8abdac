import { View } from '@tarojs/components'
import { LoginPrompt, useSessionStore } from '@/features/auth'
import { PreferencesView } from '@/features/notifications/components/preferences-view'

/** 我的 › 通知设置 */
export default function NotificationSettingsPage() {
  const user = useSessionStore((s) => s.user)
  return <View className='page'>{user ? <PreferencesView /> : <LoginPrompt reason='登录后可以设置怎样接收通知' />}</View>
}
