import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { StaffQueueQuery, WorkItem } from '@/contract/complaint-actions'
import { PageState } from '@/components/page-state'
import { getStaffQueue } from '@/features/complaints/api/get-staff-queue'
import { byDeadline } from '@/features/complaints/handling/deadline'
import { WorkItemCard } from '@/features/complaints/handling/work-queue'
import { useSessionStore } from '@/features/auth'
import { WorkspaceShell } from '@/features/workspace'
import { errorMessage } from '@/lib/http'
import '@/features/complaints/handling/handling.css'

type Filter = 'review' | 'mine' | 'mediating' | 'open'

const FILTERS: ReadonlyArray<{ value: Filter; label: string; query: StaffQueueQuery; empty: string }> = [
  { value: 'review', label: '待受理', query: { status: 'awaiting_review' }, empty: '暂无待受理的投诉' },
  { value: 'mine', label: '我负责的', query: { assigned: 'me' }, empty: '暂无分配给您的投诉' },
  { value: 'mediating', label: '调解中', query: { status: 'mediating' }, empty: '暂无正在调解的投诉' },
  { value: 'open', label: '全部处理中', query: {}, empty: '暂无处理中的投诉' },
]

export default function StaffWorkspacePage() {
  const role = useSessionStore((s) => s.user?.role)
  const [filter, setFilter] = useState<Filter>('review')
  const [items, setItems] = useState<WorkItem[] | null>(null)
  const [problem, setProblem] = useState('')
  const current = FILTERS.find((f) => f.value === filter) ?? FILTERS[0]

  const load = useCallback(
    async (which: Filter) => {
      if (role !== 'staff') return
      const query = FILTERS.find((f) => f.value === which)?.query ?? {}
      try {
        const { items: queue } = await getStaffQueue(query)
        setItems([...queue].sort(byDeadline))
        setProblem('')
      } catch (error) {
        setProblem(errorMessage(error))
      }
    },
    [role],
  )

  useDidShow(() => void load(filter))
  usePullDownRefresh(() => void load(filter).finally(() => void Taro.stopPullDownRefresh()))

  function choose(next: Filter) {
    if (next === filter) return
    setFilter(next)
    setItems(null)
    setProblem('')
    void load(next)
  }

  const openStatistics = () => void Taro.navigateTo({ url: '/packages/staff/pages/statistics/index' })
  const open = (id: string) => void Taro.navigateTo({ url: `/packages/staff/pages/complaint/index?id=${encodeURIComponent(id)}` })
  return (
    <WorkspaceShell role='staff' title='消协工作台'>
      <View className='card statistics-entry' hoverClass='complaint-item--pressed' onClick={openStatistics} role='link'>
        <Text className='complaint-item__business'>投诉统计</Text>
        <Text className='complaint-item__meta'>收到、办结、挽回损失、超期，按行业和月份</Text>
        <Text className='complaint-item__more'>查看统计 ›</Text>
      </View>
      <View className='card statistics-entry' hoverClass='complaint-item--pressed' onClick={() => void Taro.navigateTo({ url: '/packages/staff-warnings/pages/list/index' })} role='link'>
        <Text className='complaint-item__business'>消费警示管理</Text>
        <Text className='complaint-item__more'>写警示、发布和撤回 ›</Text>
      </View>
      <View className='queue-filters' role='radiogroup' aria-label='筛选投诉'>
        {FILTERS.map((f) => (
          <View key={f.value} className={`queue-filter ${f.value === filter ? 'queue-filter--on' : ''}`} role='radio' aria-checked={f.value === filter} onClick={() => choose(f.value)}>
            <Text>{f.label}</Text>
          </View>
        ))}
      </View>
      {problem && !items ? (
        <View className='card'>
          <PageState kind='error' description={problem} onRetry={() => void load(filter)} />
        </View>
      ) : !items ? (
        <PageState kind='loading' />
      ) : items.length === 0 ? (
        <View className='card'>
          <PageState kind='empty' title={current?.empty ?? '没有投诉'} />
        </View>
      ) : (
        items.map((item) => <WorkItemCard key={item.id} item={item} onOpen={open} />)
      )}
    </WorkspaceShell>
  )
}
