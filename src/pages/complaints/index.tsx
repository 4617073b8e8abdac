import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageState } from '@/components/page-state'
import { LoginPrompt, useSessionStore } from '@/features/auth'

export default function ComplaintsPage() {
  const user = useSessionStore((s) => s.user)
  if (!user) {
    return (
      <View className='page'>
        <LoginPrompt reason='登录后可以提交投诉、查看处理进度' />
      </View>
    )
  }
  return (
    <View className='page'>
      <View className='card'>
        <PageState
          kind='empty'
          title='您还没有投诉记录'
          description='遇到消费纠纷，可以在这里提交投诉'
          actionText='我要投诉'
          onAction={() => void Taro.showToast({ title: '在线投诉即将开放', icon: 'none' })}
        />
      </View>
    </View>
  )
}
