import { View } from '@tarojs/components'
import { StationFinder } from '@/features/stations'

/** 找服务站: the nearest consumer-rights service stations (public, no sign-in). */
export default function StationFinderPage() {
  return (
    <View className='page'>
      <StationFinder />
    </View>
  )
}
