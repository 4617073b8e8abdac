import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { AllianceFinding } from '@/contract/alliance-finding'
import { fenToYuan } from '@/contract/complaint-rules'
import { GROUP_STATUS_LABELS } from '@/contract/complaint-group'

const WARNING_PAGE = '/packages/warnings/pages/detail/index'
const day = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10)

/** One finding as every member reads it: who found what about which business, and how much. */
export function FindingCard({ finding, showAlliance = false }: { finding: AllianceFinding; showAlliance?: boolean }) {
  return (
    <View className='finding'>
      <View className='finding__head'>
        <Text className='finding__business'>{finding.business.name}</Text>
        {finding.mine && <Text className='finding__mine'>本会发布</Text>}
      </View>
      {finding.business.region && <Text className='muted'>所在地区：{finding.business.region}</Text>}
      <Text className='finding__pattern'>{finding.pattern}</Text>
      <Text className='finding__counts'>
        相关投诉 {finding.complaintCount} 件{finding.amountFen !== null ? ` · 涉及 ${fenToYuan(finding.amountFen)} 元` : ''}
      </Text>
      {finding.group && (
        <Text className='muted'>
          已列入重点督办：{finding.group.memberCount} 件，{GROUP_STATUS_LABELS[finding.group.status]}
        </Text>
      )}
      {finding.warning && (
        <View role='link' onClick={() => void Taro.navigateTo({ url: `${WARNING_PAGE}?id=${encodeURIComponent(finding.warning!.id)}` })}>
          <Text className='finding__link'>相关消费警示：{finding.warning.title} ›</Text>
        </View>
      )}
      <Text className='muted'>
        {finding.organization.name} · {day(finding.createdAt)}
        {showAlliance ? ` · ${finding.alliance.name}` : ''}
      </Text>
    </View>
  )
}
