import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { LOGIN_PAGE } from '../session-hooks'

/** Shown in place of personal content when nobody is signed in. */
export function LoginPrompt({ reason }: { reason: string }) {
  return (
    <View className='card login-prompt'>
      <Text className='section-title'>请先登录</Text>
      <Text className='muted login-prompt__reason'>{reason}</Text>
      <Button className='btn btn-primary login-prompt__action' onClick={() => void Taro.navigateTo({ url: LOGIN_PAGE })}>
        登录 / 注册
      </Button>
    </View>
  )
}
