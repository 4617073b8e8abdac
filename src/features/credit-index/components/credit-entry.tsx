import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

/**
 * The way into 企业红黑榜 from the warnings list: one card (no styles of its own, so nothing is
 * shared with the main package).
 */
export function CreditEntry() {
  return (
    <View className='card' style={{ margin: `${Taro.pxTransform(32)} ${Taro.pxTransform(32)} 0` }} onClick={() => void Taro.navigateTo({ url: '/packages/credit/pages/ranking/index' })} aria-label='企业红黑榜'>
      <Text className='section-title' style={{ display: 'block', color: '#b71c1c' }}>
        企业红黑榜 ›
      </Text>
      <Text className='muted'>每月按投诉答复和解决情况公布，企业不能付费或申请删除排名</Text>
    </View>
  )
}
