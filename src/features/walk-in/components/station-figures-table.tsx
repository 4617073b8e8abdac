import { Text, View } from '@tarojs/components'
import type { StationFigures } from '@/contract/walk-in'

const monthLabel = (month: string) => `${Number(month.slice(5))}月`

function Cell({ text, role, className = '' }: { text: string | number; role: 'columnheader' | 'cell'; className?: string }) {
  return (
    <View className={`walk-in__table-cell ${className}`} role={role}>
      <Text>{text}</Text>
    </View>
  )
}

/** Cases filed at each station per month: one row per station, one column per month, total last. */
export function StationFiguresTable({ figures }: { figures: StationFigures }) {
  if (figures.stations.length === 0) return <Text className='muted'>没有可显示的服务站</Text>
  return (
    <View className='walk-in__table' role='table' aria-label='各服务站每月代办件数'>
      <View className='walk-in__table-row walk-in__table-head' role='row'>
        {figures.months.map((month) => (
          <Cell key={month} text={monthLabel(month)} role='columnheader' />
        ))}
        <Cell text='合计' role='columnheader' />
      </View>
      {figures.stations.map((station) => (
        <View key={station.id} className='walk-in__table-row' role='row'>
          <View className='walk-in__table-name' role='rowheader'>
            <Text>{station.name}</Text>
          </View>
          {station.counts.map((n, index) => (
            <Cell key={figures.months[index]} text={n} role='cell' />
          ))}
          <Cell text={station.total} role='cell' className='walk-in__table-total' />
        </View>
      ))}
    </View>
  )
}
