import { Text, View } from '@tarojs/components'
import { offlineNotice } from '../offline/saved-warnings'

export function OfflineNotice({ savedAt }: { savedAt: string }) {
  return (
    <View className='offline-notice' role='status'>
      <Text>{offlineNotice(savedAt)}</Text>
    </View>
  )
}
