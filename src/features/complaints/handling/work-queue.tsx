import { Button, Text, View } from '@tarojs/components'
import type { WorkItem } from '@/contract/complaint-actions'
import { fenToYuan } from '@/contract/complaint-rules'
import { StatusChip } from '../components/status-chip'
import { DeadlineLine } from './deadline-line'
import '../components/complaint-list.css'
import './work-queue.css'

export function WorkItemCard({ item, onOpen }: { item: WorkItem; onOpen(id: string): void }) {
  return (
    <View className='card complaint-item' hoverClass='complaint-item--pressed' onClick={() => onOpen(item.id)} data-complaint={item.number}>
      <View className='complaint-item__top'>
        <Text className='complaint-item__business'>{item.businessName}</Text>
        <StatusChip status={item.status} />
      </View>
      {item.priority && <Text className='complaint-item__court'>优先 · 承诺店拒绝退货</Text>}
      {item.courtReferral && (
        <Text className='complaint-item__court'>
          法院委托 · 法院期限 {item.courtReferral.deadline}
        </Text>
      )}
      <DeadlineLine deadline={item} />
      <Text className='complaint-item__meta'>
        {item.number} · 涉及 {fenToYuan(item.amountFen)} 元 · {item.photoCount} 张照片
      </Text>
      {item.organizationName && <Text className='complaint-item__meta'>承办：{item.organizationName}</Text>}
      <Text className='complaint-item__more'>查看并处理 ›</Text>
    </View>
  )
}

/** 加载更多 under a queue's last card, while the server says there is another page. */
export function MoreButton({ hasMore, loading, onMore }: { hasMore: boolean; loading: boolean; onMore(): void }) {
  if (!hasMore) return null
  return (
    <Button className='btn btn-secondary queue-more' disabled={loading || undefined} onClick={onMore}>
      {loading ? '正在加载…' : '加载更多'}
    </Button>
  )
}
