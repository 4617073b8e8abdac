import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { RoomState } from '@/contract/mediation'
import { getRoom } from '../api/room'
import { sessionLine } from '../room-model'

const ROOM_PAGE = '/packages/mediation/pages/room/index?id='

/** On a complaint's page: the way into its mediation room, once the room is open (nothing otherwise). */
export function RoomEntry({ complaintId }: { complaintId?: string }) {
  const [room, setRoom] = useState<RoomState | null>(null)
  useEffect(() => {
    if (!complaintId) return
    let live = true
    getRoom(complaintId).then(
      (state) => live && setRoom(state),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [complaintId])
  if (!room) return null
  const unread = Object.values(room.unread).some((n) => n > 0)
  return (
    <View className='card room-entry'>
      <Text className='section-title'>线上调解室</Text>
      <Text className='room-entry__line'>{sessionLine(room.session, room.me)}</Text>
      <Button className='btn btn-primary' onClick={() => void Taro.navigateTo({ url: ROOM_PAGE + room.complaintId })}>
        {unread ? '进入调解室（有新消息）' : '进入调解室'}
      </Button>
    </View>
  )
}
