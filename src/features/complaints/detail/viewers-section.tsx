import { Text, View } from '@tarojs/components'
import type { ComplaintViewer } from '@/contract/access-log'
import { viewerLine, viewersEmptyText } from './viewers'

/** 谁查看过: each time staff or the business opened the consumer's details, by role and organization. */
export function ViewersSection({ viewers }: { viewers: readonly ComplaintViewer[] | undefined }) {
  const empty = viewersEmptyText(viewers)
  return (
    <View className='card'>
      <Text className='section-title'>谁查看过</Text>
      {empty ? (
        <Text className='muted'>{empty}</Text>
      ) : (
        <View className='timeline'>
          {viewers!.map((viewer, index) => {
            const line = viewerLine(viewer)
            return (
              <View key={`${viewer.at}-${index}`} className='timeline__item'>
                <View className='timeline__dot' />
                <View className='timeline__body'>
                  <Text className='timeline__title'>
                    {line.who} · {line.what}
                  </Text>
                  <Text className='timeline__when'>{line.when}</Text>
                </View>
              </View>
            )
          })}
        </View>
      )}
    </View>
  )
}
