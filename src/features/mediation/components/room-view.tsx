import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { PageState } from '@/components/page-state'
import { startRoomLive } from '../live/room-live'
import { presenceLine, THREAD_TAB_LABELS } from '../room-model'
import { useRoomStore } from '../stores/use-room-store'
import { SessionBanner } from './session-banner'
import { ThreadPane } from './thread-pane'
import './room.css'

const STAFF_PAGE = '/packages/staff/pages/complaint/index?id='

/**
 * The mediation room of one case. A phone shows one thread at a time (tabs: 三方调解 / 只和调解员说);
 * a desk (≥1024 px) shows the shared thread and the side threads side by side.
 */
export function RoomView({ complaintId }: { complaintId?: string }) {
  const phase = useRoomStore((s) => s.phase)
  const problem = useRoomStore((s) => s.problem)
  const room = useRoomStore((s) => s.room)
  const active = useRoomStore((s) => s.active)
  const setActive = useRoomStore((s) => s.setActive)
  const open = useRoomStore((s) => s.open)
  const refresh = useRoomStore((s) => s.refresh)

  useEffect(() => {
    if (!complaintId) return
    void open(complaintId)
    const stop = startRoomLive()
    return () => {
      stop()
      useRoomStore.getState().reset()
    }
  }, [complaintId, open])
  useDidShow(() => void refresh({ heartbeat: true }))

  if (!complaintId) return <PageState kind='error' description='没有找到这件投诉的调解室' onRetry={() => undefined} />
  if (phase === 'error') {
    return (
      <View className='card'>
        <PageState kind='error' description={problem} onRetry={() => void open(complaintId)} />
      </View>
    )
  }
  if (!room) return <PageState kind='loading' title='正在进入调解室…' />

  const labels = THREAD_TAB_LABELS[room.me]
  return (
    <View className='room' data-testid='mediation-room'>
      <View className='card room__head'>
        <Text className='room__business'>{room.businessName}</Text>
        <Text className='muted'>投诉编号 {room.number}</Text>
        <Text className='room__presence' data-testid='room-presence'>
          {presenceLine(room.present, room.me)}
        </Text>
        <SessionBanner room={room} />
        {room.absenceGrounds.map((ground) => (
          <View key={ground.party} className='room__ground'>
            <Text>
              {ground.party === 'consumer' ? '消费者' : '商家'}已 {ground.absences} 次无正当理由缺席，可依据“{ground.text}”
              {ground.article ? `（${ground.article}）` : ''}终止调解：
            </Text>
            <View className='room__link' role='link' onClick={() => void Taro.navigateTo({ url: STAFF_PAGE + room.complaintId })}>
              到处理页面选择“调解未成功”
            </View>
          </View>
        ))}
      </View>
      <View className='room__tabs' role='tablist'>
        {room.threads.map((thread) => (
          <View
            key={thread}
            role='tab'
            aria-selected={active === thread}
            className={`room__tab${active === thread ? ' room__tab--active' : ''}${room.unread[thread] ? ' room__tab--unread' : ''}`}
            onClick={() => setActive(thread)}
          >
            {labels[thread]}
          </View>
        ))}
      </View>
      <View className={`room__threads room__threads--${room.threads.length}`}>
        {room.threads.map((thread) => (
          <ThreadPane key={thread} thread={thread} title={labels[thread] ?? thread} active={active === thread} />
        ))}
      </View>
    </View>
  )
}
