import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { StaffQueueQuery } from '@/contract/complaint-actions'
import { PageState } from '@/components/page-state'
import { getStaffQueue } from '@/features/complaints/api/get-staff-queue'
import { useWorkQueue } from '@/features/complaints/handling/use-work-queue'
import { MoreButton, WorkItemCard } from '@/features/complaints/handling/work-queue'
import { useSessionStore } from '@/features/auth'
import { WorkspaceShell } from '@/features/workspace'
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
  const { items, problem, hasMore, loadingMore, reload, more } = useWorkQueue(getStaffQueue)
  const current = FILTERS.find((f) => f.value === filter) ?? FILTERS[0]
  const queryOf = (which: Filter) => FILTERS.find((f) => f.value === which)?.query ?? {}

  const load = useCallback(
    async (which: Filter, clear = false) => {
      if (role === 'staff') await reload(FILTERS.find((f) => f.value === which)?.query ?? {}, clear)
    },
    [role, reload],
  )

  useDidShow(() => void load(filter))
  usePullDownRefresh(() => void load(filter).finally(() => void Taro.stopPullDownRefresh()))

  function choose(next: Filter) {
    if (next === filter) return
    setFilter(next)
    void load(next, true)
  }

  const openStatistics = () => void Taro.navigateTo({ url: '/packages/staff/pages/statistics/index' })
  const openEnterprises = () => void Taro.navigateTo({ url: '/packages/staff/pages/enterprises/index' })
  const openWarnings = () => void Taro.navigateTo({ url: '/packages/staff-warnings/pages/list/index' })
  const openAccessLog = () => void Taro.navigateTo({ url: '/packages/staff/pages/access-log/index' })
  const openRules = () => void Taro.navigateTo({ url: '/packages/staff-rules/pages/editor/index' })
  const openVolunteers = () => void Taro.navigateTo({ url: '/packages/staff-volunteers/pages/reports/index' })
  const open = (id: string) => void Taro.navigateTo({ url: `/packages/staff/pages/complaint/index?id=${encodeURIComponent(id)}` })
  return (
    <WorkspaceShell role='staff' title='消协工作台'>
      <View className='card statistics-entry' hoverClass='complaint-item--pressed' onClick={openStatistics} role='link'>
        <Text className='complaint-item__business'>投诉统计</Text>
        <Text className='complaint-item__meta'>收到、办结、挽回损失、超期，按行业和月份</Text>
        <Text className='complaint-item__more'>查看统计 ›</Text>
      </View>
      <View className='card statistics-entry' hoverClass='complaint-item--pressed' onClick={openEnterprises} role='link'>
        <Text className='complaint-item__business'>企业和联络员</Text>
        <Text className='complaint-item__meta'>新增或修改企业、绿色通道和承诺，添加联络员账号</Text>
        <Text className='complaint-item__more'>管理企业 ›</Text>
      </View>
      <View className='card statistics-entry' hoverClass='complaint-item--pressed' onClick={openVolunteers} role='link'>
        <Text className='complaint-item__business'>志愿者与走访报告</Text>
        <Text className='complaint-item__meta'>审核志愿者申请，核实走访报告，转为投诉或警示</Text>
        <Text className='complaint-item__more'>审核申请和报告 ›</Text>
      </View>
      <View className='card statistics-entry' hoverClass='complaint-item--pressed' onClick={openWarnings} role='link'>
        <Text className='complaint-item__business'>消费警示管理</Text>
        <Text className='complaint-item__meta'>撰写、预览、定时发布、撤回和归档消费警示</Text>
        <Text className='complaint-item__more'>写警示、发布和撤回 ›</Text>
      </View>
      <View className='card statistics-entry' hoverClass='complaint-item--pressed' onClick={openAccessLog} role='link'>
        <Text className='complaint-item__business'>查看记录</Text>
        <Text className='complaint-item__meta'>谁在何时看过消费者的手机号、投诉详情、原图，谁导出过数据</Text>
        <Text className='complaint-item__more'>查看记录 ›</Text>
      </View>
      <View className='card statistics-entry' hoverClass='complaint-item--pressed' onClick={openRules} role='link'>
        <Text className='complaint-item__business'>处理规则</Text>
        <Text className='complaint-item__meta'>受理、调解等期限和依据；修改会发布新版本，已立案的投诉不受影响</Text>
        <Text className='complaint-item__more'>查看和维护规则 ›</Text>
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
        <>
          {items.map((item) => (
            <WorkItemCard key={item.id} item={item} onOpen={open} />
          ))}
          <MoreButton hasMore={hasMore} loading={loadingMore} onMore={() => void more(queryOf(filter))} />
        </>
      )}
    </WorkspaceShell>
  )
}
