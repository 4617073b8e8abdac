import { Text, View } from '@tarojs/components'
import type { StationRegion } from '@/contract/station'
import { childrenOf } from './regions'

/**
 * Province → city → county as big buttons: the chosen ones in a row (tap one to go back up to it),
 * then the next level's choices. Choosing any level lists the stations of it and everything below.
 */
export function RegionPicker({ regions, chosen, onChoose }: { regions: StationRegion[]; chosen: StationRegion[]; onChoose: (path: StationRegion[]) => void }) {
  const last = chosen[chosen.length - 1] ?? null
  const next = childrenOf(regions, last)
  return (
    <View className='card region-picker'>
      <Text className='section-title'>{chosen.length === 0 ? '请选择您所在的地区' : '换一个地区'}</Text>
      {chosen.length > 0 && (
        <View className='region-picker__chosen'>
          <View className='region-chip region-chip--back' role='button' onClick={() => onChoose([])}>
            <Text>全部地区</Text>
          </View>
          {chosen.map((region, index) => (
            <View key={region.id} className={`region-chip ${index === chosen.length - 1 ? 'region-chip--on' : ''}`} role='button' aria-current={index === chosen.length - 1 ? 'true' : undefined} onClick={() => onChoose(chosen.slice(0, index + 1))}>
              <Text>{region.name}</Text>
            </View>
          ))}
        </View>
      )}
      {next.length > 0 && (
        <>
          {chosen.length > 0 && <Text className='muted region-picker__hint'>可以再选下一级：</Text>}
          <View className='region-picker__choices'>
            {next.map((region) => (
              <View key={region.id} className='region-chip' role='button' onClick={() => onChoose([...chosen, region])}>
                <Text>{region.name}</Text>
              </View>
            ))}
          </View>
        </>
      )}
    </View>
  )
}
