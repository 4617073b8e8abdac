import { useRef } from 'react'
import { View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { LoginPrompt, useSessionStore } from '@/features/auth'
import { AskForm, PublicSession } from '@/features/lawyers'

/** One session's published answers (public; share links open it directly), and asking in it (signed in). */
export default function QaSessionPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const user = useSessionStore((s) => s.user)
  const title = useRef('律师在线答疑')
  useShareAppMessage(() => ({ title: title.current, path: `/packages/lawyers/pages/session/index?id=${id}` }))
  const askForm = () =>
    user ? (
      <AskForm sessionId={id} onAsked={(question) => void Taro.redirectTo({ url: `/packages/lawyers/pages/mine/index?id=${question.id}` })} />
    ) : (
      <View className='card'>
        <LoginPrompt reason='登录后可以向律师提问，解答会通知您' />
      </View>
    )
  return (
    <View className='page'>
      <PublicSession id={id} onShown={(shown) => (title.current = shown)} askForm={askForm} />
    </View>
  )
}
