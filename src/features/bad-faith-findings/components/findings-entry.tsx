import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

/** The way into 失信认定公示 from the warnings list: one card, like 律师答疑's. */
export function FindingsEntry() {
  return (
    <View className='card' style={{ margin: `${Taro.pxTransform(32)} ${Taro.pxTransform(32)} 0` }} onClick={() => void Taro.navigateTo({ url: '/packages/credit/pages/findings/index' })} aria-label='失信认定公示'>
      <Text className='section-title' style={{ display: 'block', color: '#b71c1c' }}>
        失信认定公示 ›
      </Text>
      <Text className='muted'>经企业申辩、两位工作人员复核后认定的失信企业，公示期满自动撤下</Text>
    </View>
  )
}
