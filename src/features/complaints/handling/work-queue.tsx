import { Text, View } from '@tarojs/components'
import type { WorkItem } from '@/contract/complaint-actions'
import { fenToYuan } from '@/contract/complaint-rules'
import { StatusChip } from '../components/status-chip'
import { DeadlineLine } from './deadline-line'
import '../components/complaint-list.css'

export function WorkItemCard({ item, onOpen }: { item: WorkItem; onOpen(id: string): void }) {
  return (
    <View className='card complaint-item' hoverClass='complaint-item--pressed' onClick={() => onOpen(item.id)} data-complaint={item.number}>
      <View className='complaint-item__top'>
        <Text className='complaint-item__business'>{item.businessName}</Text>
        <StatusChip status={item.status} />
      </View>
      <DeadlineLine dueAt={item.dueAt} dueKind={item.dueKind} overdue={item.overdue} />
      <Text className='complaint-item__meta'>
        {item.number} · 涉及 {fenToYuan(item.amountFen)} 元 · {item.photoCount} 张照片
      </Text>
      <Text className='complaint-item__more'>查看并处理 ›</Text>
    </View>
  )
}
