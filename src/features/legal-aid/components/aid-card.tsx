import { Text, View } from '@tarojs/components'
import { LEGAL_AID_KIND_LABELS, LEGAL_AID_STATUS_LABELS, type LegalAid } from '@/contract/legal-aid'
import { aidWhen } from './aid-when'
import './legal-aid.css'

/** One request as the consumer, staff and the lawyer see it: kind, state, what was asked, who helps. */
export function AidCard({ aid, showCase = false, children }: { aid: LegalAid; showCase?: boolean; children?: React.ReactNode }) {
  return (
    <View className='card aid-card' aria-label={`${LEGAL_AID_KIND_LABELS[aid.kind]}申请`}>
      <View className='aid-head'>
        <Text className='aid-title'>{LEGAL_AID_KIND_LABELS[aid.kind]}</Text>
        <Text className={`aid-badge aid-badge--${aid.status}`}>{LEGAL_AID_STATUS_LABELS[aid.status]}</Text>
      </View>
      {showCase && <Text className='aid-line'>{aid.businessName}（{aid.complaintNumber}）</Text>}
      <Text className='aid-line'>{aid.description}</Text>
      <Text className='aid-line muted'>{aidWhen(aid.createdAt)} 申请 · 已同意受指派律师查阅本案材料</Text>
      {aid.lawyer && (
        <Text className='aid-line'>
          律师：{aid.lawyer.name}（{aid.lawyer.firm}）
        </Text>
      )}
      {aid.opinionCount > 0 && <Text className='aid-line muted'>已写法律意见 {aid.opinionCount} 条，在投诉进度中可以看到</Text>}
      {aid.finishedAt && <Text className='aid-line muted'>{aidWhen(aid.finishedAt)} 完成</Text>}
      {aid.withdrawnAt && <Text className='aid-line muted'>{aidWhen(aid.withdrawnAt)} 撤回，律师已不能查阅本案</Text>}
      {children}
    </View>
  )
}
