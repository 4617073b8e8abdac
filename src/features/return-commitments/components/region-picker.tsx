import { Text, View } from '@tarojs/components'
import type { StationRegion } from '@/contract/station'

/** The network's top has one child per province; a single-association deployment has only the top. */
export function childrenOf(regions: StationRegion[], parent: StationRegion | null): StationRegion[] {
  if (parent) return regions.filter((r) => r.parentId === parent.id)
  const tops = regions.filter((r) => r.parentId === null)
  const below = regions.filter((r) => tops.some((t) => t.id === r.parentId))
  return below.length > 0 ? below : tops
}

/** Province → city → county as big buttons; the chosen ones in a row (tap one to go back up to it). */
export function RegionPicker({ regions, chosen, onChoose }: { regions: StationRegion[]; chosen: StationRegion[]; onChoose: (path: StationRegion[]) => void }) {
  const next = childrenOf(regions, chosen[chosen.length - 1] ?? null)
  return (
    <View className='card rc-regions'>
      <Text className='section-title'>{chosen.length === 0 ? '按地区查找' : '换一个地区'}</Text>
      <View className='rc-regions__row'>
        <View className={`rc-chip ${chosen.length === 0 ? 'rc-chip--on' : ''}`} role='button' aria-current={chosen.length === 0 ? 'true' : undefined} onClick={() => onChoose([])}>
          <Text>全部地区</Text>
        </View>
        {chosen.map((region, index) => (
          <View key={region.id} className={`rc-chip ${index === chosen.length - 1 ? 'rc-chip--on' : ''}`} role='button' aria-current={index === chosen.length - 1 ? 'true' : undefined} onClick={() => onChoose(chosen.slice(0, index + 1))}>
            <Text>{region.name}</Text>
          </View>
        ))}
      </View>
      {next.length > 0 && (
        <View className='rc-regions__row'>
          {next.map((region) => (
            <View key={region.id} className='rc-chip' role='button' onClick={() => onChoose([...chosen, region])}>
              <Text>{region.name}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
