import { View } from '@tarojs/components'
import { LoginPrompt, useSessionStore } from '@/features/auth'
import { DeletionView } from '@/features/auth/deletion/deletion-view'

/** 我的 › 账号与安全 › 注销账号 */
export default function AccountDeletionPage() {
  const user = useSessionStore((s) => s.user)
  return <View className='page'>{user ? <DeletionView /> : <LoginPrompt reason='登录后可以注销账号' />}</View>
}
