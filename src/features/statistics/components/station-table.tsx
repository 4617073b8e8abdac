import { Text, View } from '@tarojs/components'
import type { OrganizationFigures } from '@/contract/statistics-figures'

// NOTE: ViewProps has no tabIndex, but Taro H5 sets it on the element (see figure-table.tsx).
const FOCUSABLE = { tabIndex: 0 } as object

const monthLabel = (month: string) => `${month.slice(2, 4)}年${Number(month.slice(5))}月`

/**
 * Cases filed at each station per month, total first: on a desk one row per station, on a phone
 * (or with large text) each station a card with every month named beside its number.
 */
export function StationTable({ byStation }: { byStation: OrganizationFigures['byStation'] }) {
  const columns = [{ title: '合计', cell: (s: (typeof byStation.stations)[number]) => s.total }, ...byStation.months.map((month, at) => ({ title: monthLabel(month), cell: (s: (typeof byStation.stations)[number]) => s.counts[at]! }))]
  return (
    <View className='figure-table' role='region' aria-label='各服务站代办件数（表格）' {...FOCUSABLE}>
      <View className='figure-table__inner' role='table' aria-label='各服务站代办件数'>
        <View className='figure-table__row figure-table__row--head' role='row'>
          <View className='figure-table__name' role='columnheader'>
            <Text>服务站</Text>
          </View>
          {columns.map((column) => (
            <View key={column.title} className='figure-table__cell' role='columnheader'>
              <Text>{column.title}</Text>
            </View>
          ))}
        </View>
        {byStation.stations.map((station) => (
          <View key={station.id} className='figure-table__row' role='row'>
            <View className='figure-table__name' role='rowheader'>
              <Text>{station.name}</Text>
              <Text className='figure-table__note'>{station.organizationName}</Text>
            </View>
            {columns.map((column) => (
              <View key={column.title} className='figure-table__cell' role='cell'>
                <Text className='figure-table__label' aria-hidden='true'>
                  {column.title}
                </Text>
                <Text>{column.cell(station)}</Text>
              </View>
            ))}
          </View>
        ))}
      </View>
    </View>
  )
}
