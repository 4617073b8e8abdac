import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { LoginPrompt, useSessionStore } from '@/features/auth'
import { newComplaintUrl } from '@/features/complaints'
import { MyQuestions } from '@/features/lawyers'

/** 我的提问: one question (opened from the 律师已解答 notice) or all of mine; 一键投诉 opens the filing flow prefilled. */
export default function QaQuestionPage() {
  const { params } = useRouter()
  const user = useSessionStore((s) => s.user)
  const fileComplaint = (question: { id: string }) => void Taro.navigateTo({ url: `${newComplaintUrl()}&fromQuestion=${encodeURIComponent(question.id)}` })
  return <View className='page'>{user ? <MyQuestions id={params.id} onFileComplaint={fileComplaint} /> : <LoginPrompt reason='登录后查看您提的问题和律师的解答' />}</View>
}
