import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ComplaintDetail } from '@/contract/complaint'
import { basisLine } from '@/contract/rule-text'
import './rule-basis.css'

const RULES_PAGE = '/packages/rules/pages/list/index'

/**
 * The rule the case follows, one tap from its source: 依据《…》第X条：… with 未核实 when the text
 * could not be checked, and the refusal ground chosen if the complaint was not accepted.
 */
export function RuleBasis({ complaint }: { complaint: ComplaintDetail }) {
  const lines = [complaint.nextStep?.basis, complaint.rules.rejection].filter((basis) => basis != null).map(basisLine)
  return (
    <View className='rule-basis' onClick={() => void Taro.navigateTo({ url: RULES_PAGE })} hoverClass='rule-basis--pressed'>
      {lines.map((line) => (
        <Text key={line} className='rule-basis__line'>{line}</Text>
      ))}
      <Text className='rule-basis__link'>适用规则：{complaint.rules.name}（第 {complaint.rules.version} 版）›</Text>
    </View>
  )
}
