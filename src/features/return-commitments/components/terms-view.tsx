import { Text, View } from '@tarojs/components'
import { RETURN_EXCLUSION_LABELS, type ReturnCommitmentTerms } from '@/contract/return-commitment'

/** The terms as a list a consumer (and the store, before signing) can read in full. */
export function TermsView({ terms }: { terms: ReturnCommitmentTerms }) {
  const excluded = [...terms.exclusions.map((code) => RETURN_EXCLUSION_LABELS[code]), ...(terms.exclusionNote ? [terms.exclusionNote] : [])]
  return (
    <View className='rc-terms'>
      <View className='rc-terms__row'>
        <Text className='rc-terms__label'>退货期限</Text>
        <Text className='rc-terms__value'>购物之日起 {terms.days} 天内，无需说明理由</Text>
      </View>
      <View className='rc-terms__row'>
        <Text className='rc-terms__label'>退货条件</Text>
        <Text className='rc-terms__value'>{terms.conditions}</Text>
      </View>
      <View className='rc-terms__row'>
        <Text className='rc-terms__label'>不适用的商品</Text>
        <Text className='rc-terms__value'>{excluded.length ? excluded.join('；') : '无'}</Text>
      </View>
      <View className='rc-terms__row'>
        <Text className='rc-terms__label'>承诺开始</Text>
        <Text className='rc-terms__value'>{terms.startsOn}</Text>
      </View>
    </View>
  )
}
