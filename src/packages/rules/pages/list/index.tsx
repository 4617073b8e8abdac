import { View } from '@tarojs/components'
import { RuleSetList } from '@/features/rules'

/** 处理规则：every rule set with its citations (public, no sign-in). */
export default function RuleSetsPage() {
  return (
    <View className='page'>
      <RuleSetList />
    </View>
  )
}
