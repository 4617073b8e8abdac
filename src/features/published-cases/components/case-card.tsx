import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { PublicCaseItem } from '@/contract/published-case'
import { CASE_PAGE, chinaDay } from './when'

/** One published case in a list: business, the start of the summary, whether the business replied. */
export function CaseCard({ item }: { item: PublicCaseItem }) {
  return (
    <View className='card pc-case-card' hoverClass='pc-pressed' role='link' onClick={() => void Taro.navigateTo({ url: `${CASE_PAGE}?id=${encodeURIComponent(item.id)}` })}>
      <Text className='pc-item__business'>{item.businessName}</Text>
      <Text className='pc-meta'>公示于 {chinaDay(item.publishedAt)}</Text>
      <Text className='pc-line'>{item.excerpt}</Text>
      {item.hasReply && <Text className='pc-badge'>商家已回复</Text>}
      <Text className='pc-more'>查看案例 ›</Text>
    </View>
  )
}
