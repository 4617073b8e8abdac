import { Text, View } from '@tarojs/components'

export interface Bar {
  key: string
  label: string
  value: number
  /** Shown after the value, e.g. "办结 3". */
  note?: string
}

/**
 * Horizontal bars drawn with plain Views (width in %): no canvas, so nothing heavy for the
 * mini-program, and the number is always written beside the bar for those who do not read charts.
 */
export function BarChart({ bars, unit = '件' }: { bars: readonly Bar[]; unit?: string }) {
  const max = Math.max(1, ...bars.map((bar) => bar.value))
  return (
    <View className='bar-chart'>
      {bars.map((bar) => (
        <View key={bar.key} className='bar-chart__row' aria-label={`${bar.label} ${bar.value} ${unit}`}>
          <View className='bar-chart__head'>
            <Text className='bar-chart__label'>{bar.label}</Text>
            <Text className='bar-chart__value'>
              {bar.value} {unit}
              {bar.note ? `（${bar.note}）` : ''}
            </Text>
          </View>
          <View className='bar-chart__track'>
            <View className='bar-chart__fill' style={{ width: `${bar.value ? Math.max(2, (bar.value / max) * 100) : 0}%` }} />
          </View>
        </View>
      ))}
    </View>
  )
}
