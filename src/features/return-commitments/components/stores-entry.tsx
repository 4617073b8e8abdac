import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

/** The way into 无理由退货承诺店 from the warnings list: one card without styles of its own (like 律师答疑's). */
export function StoresEntry() {
  return (
    <View className='card' style={{ margin: `${Taro.pxTransform(32)} ${Taro.pxTransform(32)} 0` }} onClick={() => void Taro.navigateTo({ url: '/packages/credit/pages/stores/index' })} aria-label='无理由退货承诺店'>
      <Text className='section-title' style={{ display: 'block', color: '#b71c1c' }}>
        无理由退货承诺店 ›
      </Text>
      <Text className='muted'>哪些实体店承诺无理由退货，被拒绝时一键投诉</Text>
    </View>
  )
}
