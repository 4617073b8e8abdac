import { Text, View } from '@tarojs/components'
import { COMPLAINT_STATUS_LABELS } from '@/contract/complaint-status'
import type { StationRecord } from '@/contract/walk-in'
import { PageState } from '@/components/page-state'
import { spokenNumber } from './spoken-number'

const day = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')

/** 本站代办记录: what this counter filed, newest first. */
export function StationRecords({ items, problem, onRetry }: { items: StationRecord[] | null; problem: string | null; onRetry(): void }) {
  if (problem && !items) return <PageState kind='error' description={problem} onRetry={onRetry} />
  if (!items) return <PageState kind='loading' />
  if (items.length === 0) return <PageState kind='empty' title='本站还没有代办过投诉' description='点上面的“代办投诉”开始第一件' />
  return (
    <View role='list' aria-label='本站代办记录'>
      {items.map((record) => (
        <View key={record.complaintId} className='card walk-in__record' role='listitem'>
          <Text className='walk-in__record-title'>{record.businessName}</Text>
          <Text className='walk-in__record-line'>编号 {spokenNumber(record.number)}</Text>
          <Text className='walk-in__record-line'>
            {record.personName} · {record.phone}
          </Text>
          <Text className='muted'>
            {COMPLAINT_STATUS_LABELS[record.status]} · {day(record.filedAt)} · {record.operatorName}代办
          </Text>
        </View>
      ))}
    </View>
  )
}
