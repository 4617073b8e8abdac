import { View } from '@tarojs/components'
import { useShareAppMessage } from '@tarojs/taro'
import { RankingView } from '@/features/credit-index'

/** 企业红黑榜 (public, no login): the monthly boards by industry and city, with the method. */
export default function CreditRankingPage() {
  useShareAppMessage(() => ({ title: '企业红黑榜：每月按投诉处理情况公布', path: '/packages/credit/pages/ranking/index' }))
  return (
    <View className='page'>
      <RankingView />
    </View>
  )
}
