import './complaint-list.css'
import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import type { ComplaintSummary } from '@/contract/complaint'
import { StatusChip } from './status-chip'

export function ComplaintListItem({ complaint, onOpen }: { complaint: ComplaintSummary; onOpen(id: string): void }) {
  return (
    <View className='card complaint-item' hoverClass='complaint-item--pressed' onClick={() => onOpen(complaint.id)} data-complaint={complaint.number}>
      <View className='complaint-item__top'>
        <Text className='complaint-item__business'>{complaint.businessName}</Text>
        <StatusChip status={complaint.status} />
      </View>
      <Text className='complaint-item__meta'>
        {complaint.number} · {dayjs(complaint.createdAt).format('YYYY年M月D日')}提交
      </Text>
      <Text className='complaint-item__meta'>
        {complaint.photoCount} 张照片 · {dayjs(complaint.updatedAt).format('M月D日 HH:mm')}更新
      </Text>
      <Text className='complaint-item__more'>查看进度 ›</Text>
    </View>
  )
}
