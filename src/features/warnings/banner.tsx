import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { urgentWarnings } from './api/public-warnings'
import type { WarningSummary } from './api/warning-types'
import { warningDetailPath } from './share/warning-link'
import './banner.css'

/**
 * 首页's urgent-warning banner. It lives in the main package, so it imports nothing else of the
 * feature: the list and detail pages are in the packages/warnings subpackage.
 */
export function UrgentWarningBanner() {
  const [urgent, setUrgent] = useState<WarningSummary[]>([])
  useDidShow(() => {
    urgentWarnings().then(setUrgent, () => undefined)
  })
  const [newest] = urgent
  if (!newest) return null
  // One title only: the banner must not push 我要投诉 off the first screen; the rest are pinned in the list.
  return (
    <View className='urgent-banner' role='alert'>
      <View className='urgent-banner__item' role='link' onClick={() => void Taro.navigateTo({ url: warningDetailPath(newest.id) })}>
        <View className='urgent-banner__text'>
          <Text className='urgent-banner__label'>紧急消费警示</Text>
          <Text className='urgent-banner__title'>{newest.title}</Text>
        </View>
        <Text className='urgent-banner__more'>›</Text>
      </View>
      {urgent.length > 1 && (
        <View className='urgent-banner__all' role='link' onClick={() => void Taro.navigateTo({ url: '/packages/warnings/pages/list/index' })}>
          <Text>另有 {urgent.length - 1} 条紧急警示，查看全部 ›</Text>
        </View>
      )}
    </View>
  )
}
