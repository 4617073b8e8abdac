import { useCallback, useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { StaffQueueQuery } from '@/contract/complaint-actions'
import { PageState } from '@/components/page-state'
import { getStaffQueue } from '@/features/complaints/api/get-staff-queue'
import { StaffWorkbench } from '@/features/complaints/desk/staff-workbench'
import { useDesk } from '@/features/complaints/desk/use-desk'
import { useWorkQueue } from '@/features/complaints/handling/use-work-queue'
import { MoreButton, WorkItemCard } from '@/features/complaints/handling/work-queue'
import { useSessionStore } from '@/features/auth'
import { WorkspaceShell } from '@/features/workspace'
import { getMyStation } from '@/features/walk-in/api/walk-in'
import { UnperformedCases } from '@/features/performance'
import '@/features/complaints/handling/handling.css'

const SECTIONS = [
  { title: '重点督办', meta: '群体性投诉：同一商家短期内被多人投诉，统一督办', more: '查看重点督办 ›', url: '/packages/groups/pages/staff-list/index' },
  { title: '登记法院委托案件', meta: '法院委托调解、消费者没在本会投诉过的纠纷：按委托函立案，记下案号和法院期限', more: '登记法院委托 ›', url: '/packages/staff/pages/court-case/index' },
  { title: '投诉统计', meta: '收到、办结、挽回损失、超期，按行业和月份', more: '查看统计 ›', url: '/packages/staff/pages/statistics/index' },
  { title: '企业和联络员', meta: '新增或修改企业、绿色通道和承诺，添加联络员账号', more: '管理企业 ›', url: '/packages/staff/pages/enterprises/index' },
  { title: '志愿者与走访报告', meta: '审核志愿者申请，核实走访报告，转为投诉或警示', more: '审核申请和报告 ›', url: '/packages/staff-volunteers/pages/reports/index' },
  { title: '消费警示管理', meta: '撰写、预览、定时发布、撤回和归档消费警示', more: '写警示、发布和撤回 ›', url: '/packages/staff-warnings/pages/list/index' },
  { title: '查看记录', meta: '谁在何时看过消费者的手机号、投诉详情、原图，谁导出过数据', more: '查看记录 ›', url: '/packages/staff/pages/access-log/index' },
  { title: '联盟', meta: '与邻近城市的消协共享发现：哪家商家、什么问题、多少件', more: '查看和发布联盟发现 ›', url: '/packages/staff-organization/pages/findings/index' },
  { title: '组织管理', meta: '本组织的成员和权限（管理、调解、站点值守）、下级组织、所在联盟', more: '管理成员和下级组织 ›', url: '/packages/staff-organization/pages/manage/index' },
  { title: '失信认定', meta: '提出失信惩戒认定、看企业申辩、复核他人提出的认定（需失信认定权限）', more: '进入失信认定 ›', url: '/packages/staff/pages/credit-findings/index' },
  { title: '律师答疑', meta: '律师团（邀请、暂停）、安排每期答疑和值班律师、整理并公开律师的解答', more: '管理律师答疑 ›', url: '/packages/lawyers/pages/staff/index' },
  { title: '无理由退货承诺店', meta: '本地区承诺店的退货登记和拒绝退货投诉；核实属实、撤销承诺店标识', more: '查看承诺店 ›', url: '/packages/credit/pages/stores/index?staff=1' },
  { title: '服务站', meta: '新增、修改、停用本组织和下级组织的服务站（地址、开放时间、电话、能办的事）', more: '管理服务站 ›', url: '/packages/stations/pages/manage/index' },
  { title: '处理规则', meta: '受理、调解等期限和依据；修改会发布新版本，已立案的投诉不受影响', more: '查看和维护规则 ›', url: '/packages/staff-rules/pages/editor/index' },
]

/** First for staff at a station (代办 at the counter); other staff have no station and do not see it. */
const stationSection = (name: string) => ({ title: `服务站代办 · ${name}`, meta: '为到柜台的群众代办投诉，本站代办记录和每月件数', more: '代办投诉 ›', url: '/packages/station/pages/workspace/index' })

type Filter = 'review' | 'mine' | 'mediating' | 'open'

const FILTERS: ReadonlyArray<{ value: Filter; label: string; query: StaffQueueQuery; empty: string }> = [
  { value: 'review', label: '待受理', query: { status: 'awaiting_review' }, empty: '暂无待受理的投诉' },
  { value: 'mine', label: '我负责的', query: { assigned: 'me' }, empty: '暂无分配给您的投诉' },
  { value: 'mediating', label: '调解中', query: { status: 'mediating' }, empty: '暂无正在调解的投诉' },
  { value: 'open', label: '全部处理中', query: {}, empty: '暂无处理中的投诉' },
]

export default function StaffWorkspacePage() {
  const role = useSessionStore((s) => s.user?.role)
  const userId = useSessionStore((s) => s.user?.id)
  // At a desk (H5, 1024 px and wider) the page is the two-pane workbench, which loads its own queue.
  const desk = useDesk()
  const [filter, setFilter] = useState<Filter>('review')
  const { items, problem, hasMore, loadingMore, reload, more } = useWorkQueue(getStaffQueue)
  const [station, setStation] = useState<string | null>(null)
  const [shown, setShown] = useState(0)
  const sections = station ? [stationSection(station), ...SECTIONS] : SECTIONS
  const current = FILTERS.find((f) => f.value === filter) ?? FILTERS[0]
  const queryOf = (which: Filter) => FILTERS.find((f) => f.value === which)?.query ?? {}

  const load = useCallback(
    async (which: Filter, clear = false) => {
      if (role === 'staff' && !desk) await reload(FILTERS.find((f) => f.value === which)?.query ?? {}, clear)
    },
    [role, reload, desk],
  )
  // A window narrowed below desk size shows the phone list, which has not been loaded yet.
  const wasDesk = useRef(desk)
  useEffect(() => {
    if (wasDesk.current && !desk) void load(filter, true)
    wasDesk.current = desk
  }, [desk, load, filter])

  useDidShow(() => {
    void load(filter)
    setShown((n) => n + 1)
    if (role === 'staff') getMyStation().then((mine) => setStation(mine.station?.name ?? null), () => setStation(null))
  })
  usePullDownRefresh(() => void load(filter).finally(() => void Taro.stopPullDownRefresh()))

  function choose(next: Filter) {
    if (next === filter) return
    setFilter(next)
    void load(next, true)
  }

  const open = (id: string) => void Taro.navigateTo({ url: `/packages/staff/pages/complaint/index?id=${encodeURIComponent(id)}` })
  if (desk && userId) {
    return (
      <WorkspaceShell role='staff' title='消协工作台' compact>
        <UnperformedCases reloadKey={shown} />
        <StaffWorkbench userId={userId} sections={sections} />
      </WorkspaceShell>
    )
  }
  return (
    <WorkspaceShell role='staff' title='消协工作台'>
      {sections.map((section) => (
        <View key={section.url} className='card statistics-entry' hoverClass='complaint-item--pressed' onClick={() => void Taro.navigateTo({ url: section.url })} role='link'>
          <Text className='complaint-item__business'>{section.title}</Text>
          <Text className='complaint-item__meta'>{section.meta}</Text>
          <Text className='complaint-item__more'>{section.more}</Text>
        </View>
      ))}
      {role === 'staff' && <UnperformedCases reloadKey={shown} />}
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
