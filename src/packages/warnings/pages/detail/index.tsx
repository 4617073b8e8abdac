import { useCallback, useRef } from 'react'
import { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { shareCard, WarningDetailView } from '@/features/warnings'
import { absoluteUrl } from '@/lib/api-base'

/** One warning; a shared link (or WeChat card) opens straight here. */
export default function WarningDetailPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const shown = useRef<{ id: string; title: string; coverUrl: string | null }>({ id, title: '消费警示', coverUrl: null })
  const remember = useCallback((warning: { id: string; title: string; coverUrl: string | null }) => {
    shown.current = warning
  }, [])
  useShareAppMessage(() => {
    const { title, path, imageUrl } = shareCard(shown.current, absoluteUrl)
    return { title, path, imageUrl }
  })
  useShareTimeline(() => {
    const { title, query, imageUrl } = shareCard(shown.current, absoluteUrl)
    return { title, query, imageUrl }
  })
  return <WarningDetailView id={params.id} onShown={remember} />
}
