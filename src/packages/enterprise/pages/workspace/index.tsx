import { useCallback } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { PageState } from '@/components/page-state'
import { getEnterpriseInbox } from '@/features/complaints/api/get-enterprise-inbox'
import { useWorkQueue } from '@/features/complaints/handling/use-work-queue'
import { MoreButton, WorkItemCard } from '@/features/complaints/handling/work-queue'
import { useSessionStore } from '@/features/auth'
import { WorkspaceShell } from '@/features/workspace'
import { EnterpriseReplies } from '@/features/published-cases/components/enterprise-replies'
import { FindingsNotice } from '@/features/bad-faith-findings/components/findings-notice'

export default function EnterpriseWorkspacePage() {
  const role = useSessionStore((s) => s.user?.role)
  const fetchPage = useCallback((_: null, cursor: string | undefined) => getEnterpriseInbox(cursor), [])
  const { items, problem, hasMore, loadingMore, reload, more } = useWorkQueue(fetchPage)
  const load = useCallback(async () => {
    if (role === 'enterprise') await reload(null)
  }, [role, reload])

  // Back from a complaint: its status may have changed.
  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => void Taro.stopPullDownRefresh()))

  const open = (id: string) => void Taro.navigateTo({ url: `/packages/enterprise/pages/complaint/index?id=${encodeURIComponent(id)}` })
  return (
    <WorkspaceShell role='enterprise' title='企业处理台'>
      {role === 'enterprise' && <EnterpriseReplies />}
      <View className='card' role='link' onClick={() => void Taro.navigateTo({ url: '/packages/enterprise/pages/commitment/index' })}>
        <Text className='section-title'>线下无理由退货承诺 ›</Text>
        <Text className='muted'>为门店签署承诺，每月登记已办理的退货</Text>
      </View>
      <FindingsNotice />
      {problem && !items ? (
        <View className='card'>
          <PageState kind='error' description={problem} onRetry={() => void load()} />
        </View>
      ) : !items ? (
        <PageState kind='loading' />
      ) : items.length === 0 ? (
        <View className='card'>
          <PageState kind='empty' title='暂无待处理的投诉' description='消费者通过 ODR 绿色通道投诉贵企业时，会出现在这里' />
        </View>
      ) : (
        <>
          {items.map((item) => (
            <WorkItemCard key={item.id} item={item} onOpen={open} />
          ))}
          <MoreButton hasMore={hasMore} loading={loadingMore} onMore={() => void more(null)} />
        </>
      )}
    </WorkspaceShell>
  )
}
