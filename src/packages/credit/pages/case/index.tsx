import { View } from '@tarojs/components'
import { useRouter, useShareAppMessage } from '@tarojs/taro'
import { PublicCaseView } from '@/features/published-cases/components/public-case'

/** One published case with the business's reply beside it (share links open it directly). */
export default function PublishedCasePage() {
  const { params } = useRouter()
  useShareAppMessage(() => ({ title: '个案公示', path: `/packages/credit/pages/case/index?id=${params.id ?? ''}` }))
  return (
    <View className='page'>
      <PublicCaseView caseId={params.id} />
    </View>
  )
}
