import { Text, View } from '@tarojs/components'

/** One big figure; `note` says what it is counted from, e.g. "3/4 件". */
export function Tile({ label, value, unit, tone, note }: { label: string; value: string; unit?: string; tone?: 'alert'; note?: string }) {
  return (
    <View className={`stat-tile ${tone === 'alert' ? 'stat-tile--alert' : ''}`}>
      <Text className='stat-tile__label'>{label}</Text>
      <View className='stat-tile__figure'>
        <Text className='stat-tile__value'>{value}</Text>
        {unit && <Text className='stat-tile__unit'>{unit}</Text>}
      </View>
      {note && <Text className='stat-tile__note'>{note}</Text>}
    </View>
  )
}
