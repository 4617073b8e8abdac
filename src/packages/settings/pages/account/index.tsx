import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { LoginPrompt, useSessionStore } from '@/features/auth'
import './index.css'

/** 我的 › 账号与安全 */
export default function AccountPage() {
  const user = useSessionStore((s) => s.user)
  if (!user) {
    return (
      <View className='page'>
        <LoginPrompt reason='登录后可以管理账号' />
      </View>
    )
  }
  return (
    <View className='page'>
      <View className='card account__entry' hoverClass='account__entry--pressed' onClick={() => void Taro.navigateTo({ url: '/packages/settings/pages/account-deletion/index' })}>
        <Text className='account__title'>注销账号</Text>
        <Text className='account__chevron'>›</Text>
      </View>
    </View>
  )
}
