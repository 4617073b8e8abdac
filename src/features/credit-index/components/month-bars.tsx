import { Text, View } from '@tarojs/components'

/** "2026-01" → "2026年1月" for January and the first bar, "2月" after. */
function label(month: string, first: boolean): string {
  const [y, m] = month.split('-')
  return first || m === '01' ? `${y}年${Number(m)}月` : `${Number(m)}月`
}

/**
 * Complaints per month as horizontal bars drawn with Views (width in %), the number written beside
 * each bar; the month under way is marked as not yet over.
 */
export function MonthBars({ months }: { months: ReadonlyArray<{ month: string; received: number }> }) {
  const max = Math.max(1, ...months.map((row) => row.received))
  return (
    <View className='credit-bars'>
      {months.map((row, index) => {
        const current = index === months.length - 1
        return (
          <View key={row.month} className='credit-bars__row'>
            <Text className='credit-bars__label'>{label(row.month, index === 0)}</Text>
            <View className='credit-bars__track'>
              <View className={`credit-bars__fill ${current ? 'credit-bars__fill--current' : ''}`} style={{ width: `${row.received ? Math.max(3, (row.received / max) * 100) : 0}%` }} />
            </View>
            <Text className='credit-bars__value'>
              {row.received} 件{current ? '（本月）' : ''}
            </Text>
          </View>
        )
      })}
    </View>
  )
}
