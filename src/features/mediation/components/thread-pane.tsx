import { Button, Text, View } from '@tarojs/components'
import { ROOM_THREAD_LABELS, type RoomThread } from '@/contract/mediation'
import { useRoomStore } from '../stores/use-room-store'
import { Composer } from './composer'
import { MessageBubble } from './message-bubble'

const PLACEHOLDERS: Record<RoomThread, string> = {
  shared: '在这里说的话，三方都能看到',
  consumer: '只有消费者和调解员能看到',
  enterprise: '只有商家和调解员能看到',
  notes: '只有工作人员能看到',
}

const PARTY_SIDE_HINT = '这里说的话只有您和调解员能看到，对方看不到'

/** One thread: older messages on request, the bubbles, and the box to write in. */
export function ThreadPane({ thread, title, active }: { thread: RoomThread; title: string; active: boolean }) {
  const room = useRoomStore((s) => s.room)
  const view = useRoomStore((s) => s.threads[thread])
  const loadOlder = useRoomStore((s) => s.loadOlder)
  if (!room) return null
  return (
    <View className={`thread card${active ? ' thread--active' : ''}`} data-thread={thread} aria-label={title}>
      <Text className='thread__title'>{title}</Text>
      {thread !== 'shared' && <Text className='thread__hint'>{room.me === 'mediator' ? `${ROOM_THREAD_LABELS[thread]}：${PLACEHOLDERS[thread]}` : PARTY_SIDE_HINT}</Text>}
      {view?.olderCursor && (
        <Button className='btn btn-plain thread__older' disabled={view.loadingOlder || undefined} onClick={() => void loadOlder(thread)}>
          {view.loadingOlder ? '正在加载…' : '查看更早的消息'}
        </Button>
      )}
      <View className='thread__messages'>
        {!view ? (
          <Text className='muted'>正在加载…</Text>
        ) : view.items.length === 0 ? (
          <Text className='muted thread__empty'>还没有人说话</Text>
        ) : (
          view.items.map((message) => <MessageBubble key={message.id} message={message} thread={thread} me={room.me} readUpTo={view.readUpTo} hasBusiness={room.hasBusiness} />)
        )}
      </View>
      {room.canWrite ? (
        <Composer thread={thread} quickReplies={thread === 'notes' ? [] : room.quickReplies} placeholder={room.me !== 'mediator' && thread !== 'shared' ? '只有您和调解员能看到' : PLACEHOLDERS[thread]} />
      ) : (
        <Text className='muted'>调解已结束或您只能查看，不能发言</Text>
      )}
    </View>
  )
}
