import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { PageState } from '@/components/page-state'
import { GROUP_STATUS_LABELS, type StaffGroupSummary } from '@/contract/complaint-group'
import { groupedYuan } from '@/contract/complaint-rules'
import { formatDate } from '@/lib/dates'
import { errorMessage } from '@/lib/http'
import { listStaffGroups } from '../api/groups'
import './groups.css'

export function GroupChip({ status }: { status: StaffGroupSummary['status'] }) {
  return <Text className={status === 'open' ? 'group-chip' : 'group-chip group-chip--closed'}>{GROUP_STATUS_LABELS[status]}</Text>
}

/** 重点督办: every group complaint of the caller's organization and those below it, newest first. */
export function StaffGroupList({ selectedId, onOpen, version = 0 }: { selectedId?: string | null; onOpen: (id: string) => void; version?: number }) {
  const [groups, setGroups] = useState<StaffGroupSummary[] | null>(null)
  const [problem, setProblem] = useState('')
  const load = () => {
    setProblem('')
    listStaffGroups().then(setGroups, (error: unknown) => setProblem(errorMessage(error)))
  }
  useEffect(load, [version])

  if (problem) return <View className='card'><PageState kind='error' description={problem} onRetry={load} /></View>
  if (!groups) return <PageState kind='loading' />
  if (groups.length === 0) {
    return <PageState kind='empty' title='暂无群体性投诉' description='同一商家在一段时间内被多位消费者投诉（默认 30 天 5 件）时，会自动列入这里重点督办。' />
  }
  return (
    <View>
      {groups.map((group) => (
        <View
          key={group.id}
          className={`card group-row${group.id === selectedId ? ' group-row--selected' : ''}`}
          hoverClass='complaint-item--pressed'
          role='link'
          onClick={() => onOpen(group.id)}
        >
          <View className='group-row__top'>
            <Text className='group-row__business'>{group.businessName}</Text>
            <GroupChip status={group.status} />
          </View>
          <View className='group-figures'>
            <Text>{group.memberCount} 件投诉</Text>
            <Text>涉及金额 {groupedYuan(group.amountFen)} 元</Text>
          </View>
          <Text className='muted'>{group.organization.name} · {formatDate(group.formedAt)}起</Text>
        </View>
      ))}
    </View>
  )
}
