import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { LoginPrompt, useSessionStore } from '@/features/auth'
import { AskForm } from '@/features/lawyers'

/** 向律师提问 (signed in): after sending, the asker's question page shows it and, later, the answer. */
export default function QaAskPage() {
  const { params } = useRouter()
  const user = useSessionStore((s) => s.user)
  if (!user) {
    return (
      <View className='page'>
        <LoginPrompt reason='登录后可以向律师提问，解答会通知您' />
      </View>
    )
  }
  return (
    <View className='page'>
      <AskForm sessionId={params.sessionId ?? ''} onAsked={(question) => void Taro.redirectTo({ url: `/packages/lawyers/pages/question/index?id=${question.id}` })} />
    </View>
  )
}
