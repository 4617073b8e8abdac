import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { urgentWarnings } from './api/public-warnings'
import type { WarningSummary } from './api/warning-types'
import { warningDetailPath } from './share/warning-link'
import './banner.css'

type Urgent = WarningSummary[] | 'loading' | 'failed'

/**
 * 首页's urgent-warning banner. It lives in the main package, so it imports nothing else of the
 * feature: the list and detail pages are in the packages/warnings subpackage.
 *
 * The banner always takes the same fixed slot, before its request answers, with one warning or
 * three, or none: people are already reaching for 我要投诉 below it, and a banner that pushed the
 * buttons down when it arrived turned their tap into one on the wrong button.
 */
export function UrgentWarningBanner() {
  const [urgent, setUrgent] = useState<Urgent>('loading')
  useDidShow(() => {
    urgentWarnings().then(setUrgent, () => setUrgent((shown) => (Array.isArray(shown) ? shown : 'failed')))
  })

  if (!Array.isArray(urgent)) return <View className={`urgent-banner urgent-banner--${urgent}`} aria-hidden />
  const [newest] = urgent
  if (!newest) {
    return (
      <View className='urgent-banner urgent-banner--none'>
        <Text>暂无紧急警示</Text>
      </View>
    )
  }
  return (
    <View className='urgent-banner' role='alert'>
      <View className='urgent-banner__item' role='link' onClick={() => void Taro.navigateTo({ url: warningDetailPath(newest.id) })}>
        <Text className='urgent-banner__label'>紧急消费警示</Text>
        <Text className='urgent-banner__title'>{newest.title}</Text>
      </View>
      {urgent.length > 1 ? (
        <View className='urgent-banner__all' role='link' onClick={() => void Taro.navigateTo({ url: '/packages/warnings/pages/list/index' })}>
          <Text>全部 {urgent.length} 条 ›</Text>
        </View>
      ) : (
        <Text className='urgent-banner__more'>›</Text>
      )}
    </View>
  )
}
