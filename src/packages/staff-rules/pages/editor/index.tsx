import { View } from '@tarojs/components'
import { RuleSetEditor } from '@/features/rules'

/** 消协工作台 › 处理规则: publish a new version of a rule set's time limits. */
export default function RuleSetEditorPage() {
  return (
    <View className='page'>
      <RuleSetEditor />
    </View>
  )
}
