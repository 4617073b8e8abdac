import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

/**
 * The way into 律师答疑 from the warnings list: one card (no styles of its own, so nothing is
 * shared with the main package, which has no room for another home-page entry).
 */
export function QaEntry() {
  return (
    <View className='card' style={{ margin: `${Taro.pxTransform(32)} ${Taro.pxTransform(32)} 0` }} onClick={() => void Taro.navigateTo({ url: '/packages/lawyers/pages/list/index' })} aria-label='律师答疑'>
      <Text className='section-title' style={{ display: 'block', color: '#b71c1c' }}>
        律师答疑 ›
      </Text>
      <Text className='muted'>每周一期，律师在线解答消费维权问题，不用登录也能看</Text>
    </View>
  )
}
