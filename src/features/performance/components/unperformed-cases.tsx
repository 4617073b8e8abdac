import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { UNPERFORMED_REASON_LABELS, type UnperformedCase } from '@/contract/performance'
import { getUnperformed } from '../api/performance-api'
import { chinaTimeLabel } from './performance-time'
import './performance.css'

/** 未履行 cases at the top of the staff queue, nearest deadline first; nothing when there are none. */
export function UnperformedCases({ reloadKey = 0 }: { reloadKey?: number }) {
  const [items, setItems] = useState<UnperformedCase[] | null>(null)
  useEffect(() => {
    let live = true
    getUnperformed().then(
      (list) => live && setItems(list.items),
      () => live && setItems(null),
    )
    return () => {
      live = false
    }
  }, [reloadKey])
  if (!items || items.length === 0) return null
  const open = (id: string) => void Taro.navigateTo({ url: `/packages/staff/pages/complaint/index?id=${encodeURIComponent(id)}` })
  return (
    <View className='card'>
      <Text className='section-title'>未履行（{items.length} 件）</Text>
      {items.map((item) => (
        <View key={item.complaintId} className='complaint-item' hoverClass='complaint-item--pressed' role='link' onClick={() => open(item.complaintId)}>
          <Text className='complaint-item__business'>{item.businessName}</Text>
          <Text className='complaint-item__meta'>
            {item.number} · {UNPERFORMED_REASON_LABELS[item.reason]}
            {item.partialNote ? `（已收到：${item.partialNote}）` : ''}
          </Text>
          <Text className={`unperformed-item__due ${item.overdue ? 'unperformed-item__due--late' : ''}`}>
            {item.overdue ? '已超过处理期限 ' : '处理期限 '}
            {chinaTimeLabel(item.handleDueAt)}
          </Text>
        </View>
      ))}
    </View>
  )
}
