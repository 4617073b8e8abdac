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
  if (!urgent.length) return null
  return (
    <View className='urgent-banner' role='alert'>
      <Text className='urgent-banner__label'>紧急消费警示</Text>
      {urgent.map((warning) => (
        <View
          key={warning.id}
          className='urgent-banner__item'
          role='link'
          onClick={() => void Taro.navigateTo({ url: warningDetailPath(warning.id) })}
        >
          <Text>{warning.title}</Text>
          <Text className='urgent-banner__more'>›</Text>
        </View>
      ))}
    </View>
  )
}
