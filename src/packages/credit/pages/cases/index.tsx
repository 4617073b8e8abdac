import { View } from '@tarojs/components'
import { useShareAppMessage } from '@tarojs/taro'
import { PublicCaseList } from '@/features/published-cases/components/public-list'

/** 个案公示 (public): the newest published cases and the search by business or term. */
export default function PublishedCasesPage() {
  useShareAppMessage(() => ({ title: '个案公示', path: '/packages/credit/pages/cases/index' }))
  return (
    <View className='page'>
      <PublicCaseList />
    </View>
  )
}
