import { Text, View } from '@tarojs/components'
import { GROUP_EVENT_LABELS, type GroupEvent } from '@/contract/complaint-group'
import { formatDate } from '@/lib/dates'

/** The group's own timeline: formed, joined, 督办 notes, closed. */
export function GroupProgress({ events }: { events: readonly GroupEvent[] }) {
  if (events.length === 0) return null
  return (
    <View className='group-progress'>
      {events.map((event) => (
        <View key={event.id} className='group-progress__item'>
          <Text className='group-progress__what'>
            {formatDate(event.createdAt)} · {GROUP_EVENT_LABELS[event.type]}
          </Text>
          {event.note && <Text className='group-progress__note'>{event.note}</Text>}
        </View>
      ))}
    </View>
  )
}
