import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { PageState } from '@/components/page-state'
import { LoginPrompt, useSessionStore } from '@/features/auth'
import { ComplaintListItem, DraftList, openComplaint, RECENTLY_CLOSED_DAYS, startComplaint, useComplaintList, type ListFilter } from '@/features/complaints'

const FILTERS: Array<{ value: ListFilter; label: string; empty: string }> = [
  { value: 'open', label: '处理中', empty: '没有处理中的投诉' },
  { value: 'closed', label: '已结束', empty: '没有已结束的投诉' },
]

export default function ComplaintsPage() {
  const user = useSessionStore((s) => s.user)
  const list = useComplaintList()

  // Back from filing or from a detail: show what changed.
  useDidShow(() => {
    if (useSessionStore.getState().user) void list.reload(list.filter, list.phase === 'ready')
  })
  usePullDownRefresh(() => {
    const done = () => void Taro.stopPullDownRefresh()
    if (!useSessionStore.getState().user) return done()
    list.reload(list.filter, true).finally(done)
  })
  useReachBottom(() => void list.loadMore())

  if (!user) {
    return (
      <View className='page'>
        <LoginPrompt reason='登录后可以提交投诉、查看处理进度' />
      </View>
    )
  }

  const empty = FILTERS.find((f) => f.value === list.filter)?.empty ?? ''
  return (
    <View className='page complaints'>
      <Button className='btn btn-primary complaints__new' onClick={() => void startComplaint()}>
        我要投诉
      </Button>

      <DraftList ownerId={user.id} />

      <View className='complaints__tabs' role='tablist'>
        {FILTERS.map((f) => (
          <View
            key={f.value}
            role='tab'
            aria-selected={list.filter === f.value}
            className={`complaints__tab ${list.filter === f.value ? 'complaints__tab--on' : ''}`}
            onClick={() => list.filter !== f.value && list.choose(f.value)}
          >
            {f.label}
          </View>
        ))}
      </View>

      {list.phase === 'loading' && <PageState kind='loading' />}
      {list.phase === 'error' && (
        <View className='card'>
          <PageState kind='error' description={list.problem} onRetry={() => void list.reload(list.filter)} />
        </View>
      )}
      {list.phase === 'ready' && list.items.length === 0 && (
        <View className='card'>
          <PageState kind='empty' title={empty} description={list.closedLately.length ? '最近结束的投诉在下面' : '遇到消费纠纷，点上面的“我要投诉”'} />
        </View>
      )}
      {list.phase === 'ready' &&
        list.items.map((complaint) => <ComplaintListItem key={complaint.id} complaint={complaint} onOpen={(id) => void openComplaint(id)} />)}
      {list.phase === 'ready' && list.items.length > 0 && (
        <View className='complaints__end'>
          {list.loadingMore ? (
            <Text className='muted'>正在加载更多…</Text>
          ) : list.moreProblem ? (
            <Button className='btn btn-plain' onClick={() => void list.loadMore()}>
              加载失败，点这里重试
            </Button>
          ) : list.nextCursor ? (
            <Button className='btn btn-plain' onClick={() => void list.loadMore()}>
              加载更多
            </Button>
          ) : (
            <Text className='muted'>没有更多了</Text>
          )}
        </View>
      )}
      {list.phase === 'ready' && list.filter === 'open' && list.closedLately.length > 0 && (
        <View className='complaints__closed-lately'>
          <Text className='section-title'>最近结束的投诉（{RECENTLY_CLOSED_DAYS} 天内）</Text>
          {list.closedLately.map((complaint) => (
            <ComplaintListItem key={complaint.id} complaint={complaint} onOpen={(id) => void openComplaint(id)} />
          ))}
          <Button className='btn btn-plain' onClick={() => list.choose('closed')}>
            查看全部已结束的投诉
          </Button>
        </View>
      )}
    </View>
  )
}
