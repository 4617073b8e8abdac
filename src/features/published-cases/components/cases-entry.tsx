import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

/** The way into 个案公示 from the warnings list: one card, no styles of its own (as 律师答疑's). */
export function CasesEntry() {
  return (
    <View className='card' style={{ margin: `${Taro.pxTransform(32)} ${Taro.pxTransform(32)} 0` }} onClick={() => void Taro.navigateTo({ url: '/packages/credit/pages/cases/index' })} aria-label='个案公示'>
      <Text className='section-title' style={{ display: 'block', color: '#b71c1c' }}>
        个案公示 ›
      </Text>
      <Text className='muted'>已结案的真实投诉（匿名）和商家的回复，可按商家或关键词查找</Text>
    </View>
  )
}
