import { View } from '@tarojs/components'
import { StationManager } from '@/features/stations'

/** 消协工作台 › 服务站: add, edit, take off and restore service stations. */
export default function StationManagerPage() {
  return (
    <View className='page'>
      <StationManager />
    </View>
  )
}
