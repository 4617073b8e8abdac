import { View } from '@tarojs/components'
import { useShareAppMessage } from '@tarojs/taro'
import { Archive } from '@/features/lawyers'

/** 律师答疑 (public): the sessions and the search of published answers. */
export default function QaArchivePage() {
  useShareAppMessage(() => ({ title: '周周3·15 律师在线答疑', path: '/packages/lawyers/pages/list/index' }))
  return (
    <View className='page'>
      <Archive />
    </View>
  )
}
