import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { LoginPrompt, useSessionStore } from '@/features/auth'
import { MyQuestions } from '@/features/lawyers'

/** 我的提问: one question (opened from the 律师已解答 notice) or all of mine. */
export default function QaQuestionPage() {
  const { params } = useRouter()
  const user = useSessionStore((s) => s.user)
  return <View className='page'>{user ? <MyQuestions id={params.id} /> : <LoginPrompt reason='登录后查看您提的问题和律师的解答' />}</View>
}
