import { useRef } from 'react'
import { View } from '@tarojs/components'
import { useRouter, useShareAppMessage } from '@tarojs/taro'
import { PublicSession } from '@/features/lawyers'

/** One session's published answers (public; share links open it directly). */
export default function QaSessionPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const title = useRef('律师在线答疑')
  useShareAppMessage(() => ({ title: title.current, path: `/packages/lawyers/pages/session/index?id=${id}` }))
  return (
    <View className='page'>
      <PublicSession id={id} onShown={(shown) => (title.current = shown)} />
    </View>
  )
}
