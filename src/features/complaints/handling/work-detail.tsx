import { Text, View } from '@tarojs/components'
import type { ComplaintDetail } from '@/contract/complaint'
import { fenToYuan } from '@/contract/complaint-rules'
import { PageState } from '@/components/page-state'
import { StatusChip } from '../components/status-chip'
import { ComplaintSections, Row } from '../detail/complaint-sections'
import { chineseDate } from '../receipt'
import { ActionPanel, type PanelCommand } from './action-panel'
import { DeadlineLine } from './deadline-line'
import { OriginalCheck } from './original-check'
import { useComplaint } from '../detail/use-complaint'
import { RuleBasis } from '../detail/rule-basis'

interface Props {
  complaintId?: string
  role: 'enterprise' | 'staff'
  userId: string
  /** From the desk workbench: a step its keyboard shortcut asked for. */
  command?: PanelCommand
  /** Told after an action changed the complaint (the desk's queue row follows it). */
  onChanged?(complaint: ComplaintDetail): void
}

/** A complaint as the enterprise liaison or the association sees it, with the steps they may take. */
export function WorkDetail({ complaintId, role, userId, command, onChanged }: Props) {
  const { complaint, setComplaint, problem, load } = useComplaint(complaintId)
  const changed = (next: ComplaintDetail) => {
    setComplaint(next)
    onChanged?.(next)
  }

  if (!complaint) {
    return problem ? (
      <View className='card'>
        <PageState kind='error' description={problem} onRetry={() => void load()} />
      </View>
    ) : (
      <PageState kind='loading' />
    )
  }

  const { handling } = complaint
  return (
    <View className='detail'>
      <View className='card detail__head'>
        <View className='complaint-item__top'>
          <Text className='detail__business'>{complaint.business.name}</Text>
          <StatusChip status={complaint.status} />
        </View>
        <Text className='muted'>投诉编号 {complaint.number}</Text>
        {complaint.organization && <Text className='muted'>承办组织 {complaint.organization.name}</Text>}
        <DeadlineLine deadline={handling} />
        {handling.dueAt && handling.dueDayKind !== 'calendar' && <Text className='deadline__note'>工作日按国家法定节假日和调休安排计算，周末和节假日不算</Text>}
        <RuleBasis complaint={complaint} />
      </View>

      <ActionPanel complaint={complaint} role={role} userId={userId} onChanged={changed} reload={load} command={command} />

      {handling.proposal && (
        <View className='card'>
          <Text className='section-title'>企业提出的方案</Text>
          <Text className='review__text'>{handling.proposal.text}</Text>
          <Row label='退赔金额' value={`${fenToYuan(handling.proposal.amountFen)} 元`} />
          <Row label='承诺日期' value={`${chineseDate(handling.proposal.promisedDate)}前`} />
        </View>
      )}

      <ComplaintSections complaint={complaint} viewer={role} showPhone />

      {role === 'staff' && complaint.evidence.length > 0 && <OriginalCheck evidence={complaint.evidence} />}
    </View>
  )
}
