import { Text, View } from '@tarojs/components'
import type { OrganizationFigures } from '@/contract/statistics-figures'

/**
 * Month by month: a column per month, as tall as the complaints received, the part closed darker.
 * Plain Views (no canvas, nothing for the mini-program's main package); hidden from screen readers,
 * which read the table below it instead.
 */
export function TrendChart({ months }: { months: OrganizationFigures['byMonth'] }) {
  const max = Math.max(1, ...months.map((m) => m.received))
  return (
    <View className='trend' aria-hidden='true'>
      <View className='trend-chart'>
      {months.map((m) => (
        <View key={m.month} className='trend-chart__column'>
          <Text className='trend-chart__value'>{m.received}</Text>
          <View className='trend-chart__track'>
            <View className='trend-chart__received' style={{ height: `${m.received ? Math.max(2, (m.received / max) * 100) : 0}%` }}>
              <View className='trend-chart__closed' style={{ height: `${m.received ? (m.closed / m.received) * 100 : 0}%` }} />
            </View>
          </View>
          <Text className='trend-chart__label'>{Number(m.month.slice(5))}月</Text>
        </View>
      ))}
      </View>
      {months.length > 0 && (
        <View className='trend-chart__ends'>
          <Text>{Number(months[0]!.month.slice(5))}月</Text>
          <Text>{Number(months.at(-1)!.month.slice(5))}月</Text>
        </View>
      )}
    </View>
  )
}
