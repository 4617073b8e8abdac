import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { PublicFinding } from '@/contract/bad-faith-finding'
import { findingBasisLine } from '@/contract/bad-faith-finding-rules'
import { chinaDay, stateClass, stateLabel } from './finding-words'
import './credit-findings.css'

/** One published finding: who found what, on which basis, for how long, what the enterprise said and why it was decided. */
export function PublicFindingCard({ finding, showEnterprise }: { finding: PublicFinding; showEnterprise: boolean }) {
  const open = () => void Taro.navigateTo({ url: `/packages/enterprise-directory/pages/detail/index?id=${encodeURIComponent(finding.enterprise.id)}` })
  return (
    <View className='card' aria-label={`失信认定：${finding.enterprise.name}`}>
      <View className='credit-head'>
        {showEnterprise ? (
          <Text className='credit-title' onClick={open}>
            {finding.enterprise.name} ›
          </Text>
        ) : (
          <Text className='credit-title'>失信认定</Text>
        )}
        <Text className={stateClass(finding.state)}>{stateLabel(finding.state)}</Text>
      </View>
      <Text className='credit-line'>
        {finding.organization.name}认定，公示 {finding.months} 个月（{chinaDay(finding.publishedAt)} 至 {chinaDay(finding.expiresAt)}），关联投诉 {finding.caseCount} 件
      </Text>
      <Text className='credit-basis'>{findingBasisLine(finding.basis)}</Text>
      <Text className='credit-label'>认定的事实</Text>
      <Text className='credit-line'>{finding.facts}</Text>
      <Text className='credit-label'>企业申辩</Text>
      <Text className='credit-line'>{finding.appealSummary ?? '企业在申辩期内没有申辩'}</Text>
      <Text className='credit-label'>复核决定及理由</Text>
      <Text className='credit-line'>{finding.decisionReasons}</Text>
    </View>
  )
}
