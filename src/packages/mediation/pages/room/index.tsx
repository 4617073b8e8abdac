import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { LoginPrompt, useSessionStore } from '@/features/auth'
import { RoomView } from '@/features/mediation'

/** 线上调解室: the consumer, the business and the mediator (opened from a complaint or a notice). */
export default function MediationRoomPage() {
  const user = useSessionStore((s) => s.user)
  const { params } = useRouter()
  if (!user) {
    return (
      <View className='page'>
        <LoginPrompt reason='登录后可以进入调解室' />
      </View>
    )
  }
  return (
    <View className='page'>
      <RoomView complaintId={params.id} />
    </View>
  )
}
