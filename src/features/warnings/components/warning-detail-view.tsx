import { useEffect, useMemo, useState } from 'react'
import { Button, Image, RichText, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { INDUSTRY_LABELS } from '@/contract/complaint-rules'
import { WARNING_KIND_LABELS } from '@/contract/warning-kinds'
import { PageState } from '@/components/page-state'
import { absoluteUrl } from '@/lib/api-base'
import { formatDate } from '@/lib/dates'
import { ApiRequestError, errorMessage } from '@/lib/http'
import { getWarning } from '../api/public-warnings'
import type { WarningDetail } from '../api/warning-types'
import { isOffline, savedWarnings } from '../offline/saved-warnings'
import { shareWarning } from '../share/share-warning'
import { WARNING_LIST_PAGE, warningDetailPath } from '../share/warning-link'
import { styledBodyHtml } from './body-html'
import { OfflineNotice } from './offline-notice'
import { regionsText, WarningCard } from './warning-card'
import './warnings.css'

type State =
  | { kind: 'loading' }
  | { kind: 'shown'; warning: WarningDetail; savedAt?: string }
  | { kind: 'gone' }
  | { kind: 'error'; message: string }

/** Loads a warning; keeps it on the device for reading offline; falls back to that copy without a network. */
export function useWarning(id: string | undefined) {
  const [state, setState] = useState<State>({ kind: 'loading' })
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    if (!id) return setState({ kind: 'gone' })
    let live = true
    setState({ kind: 'loading' })
    getWarning(id).then(
      (warning) => {
        if (!live) return
        setState({ kind: 'shown', warning })
        void savedWarnings.rememberDetail(warning)
      },
      async (error: unknown) => {
        if (error instanceof ApiRequestError && error.status === 404) {
          void savedWarnings.forget(id)
          return live && setState({ kind: 'gone' })
        }
        const saved = isOffline(error) ? await savedWarnings.detail(id) : undefined
        if (!live) return
        setState(saved ? { kind: 'shown', warning: saved.value, savedAt: saved.savedAt } : { kind: 'error', message: errorMessage(error) })
      },
    )
    return () => {
      live = false
    }
  }, [id, attempt])
  return { state, retry: () => setAttempt((n) => n + 1) }
}

async function share(warning: WarningDetail) {
  const outcome = await shareWarning(warning)
  if (outcome === 'copied') void Taro.showToast({ title: '链接已复制', icon: 'none' })
  else if (outcome === 'failed') void Taro.showToast({ title: '分享失败，请稍后再试', icon: 'none' })
}

export function WarningDetailView({ id, onShown }: { id?: string; onShown?: (warning: WarningDetail) => void }) {
  const { state, retry } = useWarning(id)
  useEffect(() => {
    if (state.kind === 'shown') onShown?.(state.warning)
  }, [state, onShown])
  const body = useMemo(() => (state.kind === 'shown' ? styledBodyHtml(state.warning.bodyHtml) : ''), [state])

  if (state.kind === 'loading') return <View className='page'><PageState kind='loading' /></View>
  if (state.kind === 'error') return <View className='page'><PageState kind='error' description={state.message} onRetry={retry} /></View>
  if (state.kind === 'gone') {
    return (
      <View className='page'>
        <View className='card'>
          <PageState
            kind='empty'
            title='这条警示不存在或已撤下'
            actionText='看看其他警示'
            onAction={() => void Taro.redirectTo({ url: WARNING_LIST_PAGE })}
          />
        </View>
      </View>
    )
  }

  const { warning, savedAt } = state
  return (
    <View className='page warning-detail'>
      {savedAt && <OfflineNotice savedAt={savedAt} />}
      <View className='card'>
        <View className='warning-card__tags'>
          {warning.urgent && <Text className='warning-tag warning-tag--urgent'>紧急</Text>}
          <Text className={`warning-tag warning-tag--${warning.kind}`}>{WARNING_KIND_LABELS[warning.kind]}</Text>
          <Text className='warning-tag warning-tag--industry'>{INDUSTRY_LABELS[warning.industry]}</Text>
        </View>
        {/* Level 2 under the page's title bar (level 1): the body's own h3s follow in order. */}
        <View className='warning-detail__title' role='heading' aria-level={2}>
          {warning.title}
        </View>
        <View className='warning-detail__metas'>
          <Text className='warning-detail__meta'>发布单位：{warning.issuer}</Text>
          <Text className='warning-detail__meta'>
            发布日期：{formatDate(warning.publishedAt)} · 适用地区：{regionsText(warning.regions)}
          </Text>
        </View>
        {warning.coverUrl && <Image className='warning-detail__cover' src={absoluteUrl(warning.coverUrl)} mode='widthFix' lazyLoad nativeProps={{ alt: `配图：${warning.title}` }} />}
        <RichText className='warning-body' nodes={body} />
      </View>

      <Button
        className='btn btn-secondary warning-share'
        openType={process.env.TARO_ENV === 'weapp' ? 'share' : undefined}
        onClick={() => void share(warning)}
      >
        分享给家人朋友
      </Button>

      {warning.related.length > 0 && (
        <>
          <Text className='section-title'>相关警示</Text>
          {warning.related.map((related) => (
            <WarningCard key={related.id} warning={related} onOpen={(relatedId) => void Taro.navigateTo({ url: warningDetailPath(relatedId) })} />
          ))}
        </>
      )}
    </View>
  )
}
