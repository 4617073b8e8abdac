import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { RoomMessage, RoomMessagePage, RoomParty, RoomThread } from '@/contract/mediation'
import { readMark, speakerLabel } from '../room-model'

interface Props {
  message: RoomMessage
  thread: RoomThread
  me: RoomParty
  readUpTo: RoomMessagePage['readUpTo']
  hasBusiness: boolean
}

const clock = (iso: string) => {
  const china = new Date(Date.parse(iso) + 8 * 3600_000)
  return `${china.getUTCMonth() + 1}月${china.getUTCDate()}日 ${String(china.getUTCHours()).padStart(2, '0')}:${String(china.getUTCMinutes()).padStart(2, '0')}`
}

/** One message: who said it above the bubble (调解员/您/商家), words and photos, time and 已读 below. */
export function MessageBubble({ message, thread, me, readUpTo, hasBusiness }: Props) {
  const side = message.mine ? 'mine' : message.party
  const mark = readMark(message, thread, readUpTo, me, hasBusiness)
  return (
    <View className={`bubble-row bubble-row--${message.mine ? 'right' : 'left'}`} data-testid='room-message' data-seq={message.seq}>
      <Text className={`bubble__who bubble__who--${side}`}>{speakerLabel(message, me)}</Text>
      <View className={`bubble bubble--${side}`}>
        {message.text && <Text className='bubble__text'>{message.text}</Text>}
        {message.photos.map((photo) => (
          <Image
            key={photo.id}
            className='bubble__photo'
            src={photo.thumbnailUrl}
            mode='aspectFill'
            nativeProps={{ alt: '对话中的照片，点按查看大图' }}
            onClick={() => void Taro.previewImage({ urls: message.photos.map((p) => p.displayUrl), current: photo.displayUrl })}
          />
        ))}
      </View>
      <Text className='bubble__meta'>
        {clock(message.createdAt)}
        {mark ? ` · ${mark}` : ''}
      </Text>
    </View>
  )
}
