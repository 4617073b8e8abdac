import { Text, View } from '@tarojs/components'
import { fenToYuan } from '@/contract/complaint-rules'
import type { Figure } from '@/contract/statistics-figures'
import { percent } from './figure-text'

export interface FigureRow {
  key: string
  label: string
  figure: Figure
}

// NOTE: ViewProps has no tabIndex, but Taro H5 sets it on the element: the table scrolls sideways when
// wider than a desk window, and such a region must be reachable by keyboard (axe scrollable-region-focusable).
const FOCUSABLE = { tabIndex: 0 } as object

const rate = (value: number | null) => (value === null ? '—' : percent(value))

const COLUMNS: ReadonlyArray<{ title: string; cell: (f: Figure) => string }> = [
  { title: '收到', cell: (f) => String(f.received) },
  { title: '受理', cell: (f) => String(f.accepted) },
  { title: '办结', cell: (f) => String(f.closed) },
  { title: '办结率', cell: (f) => rate(f.closeRate) },
  { title: '按期办结', cell: (f) => String(f.closedOnTime) },
  { title: '按期办结率', cell: (f) => rate(f.onTimeRate) },
  { title: '调解成功', cell: (f) => `${f.mediationSucceeded}/${f.mediationEnded}` },
  { title: '调解成功率', cell: (f) => rate(f.mediationSuccessRate) },
  { title: '挽回（元）', cell: (f) => fenToYuan(f.recoveredFen) },
]

/** The numbers behind a chart as a table (the chart's text alternative); on a phone each row is a card. */
export function FigureTable({ caption, rows }: { caption: string; rows: readonly FigureRow[] }) {
  return (
    <View className='figure-table' role='region' aria-label={`${caption}（表格）`} {...FOCUSABLE}>
      <View className='figure-table__inner' role='table' aria-label={caption}>
        <View className='figure-table__row figure-table__row--head' role='row'>
          <View className='figure-table__name' role='columnheader'>
            <Text>名称</Text>
          </View>
          {COLUMNS.map((column) => (
            <View key={column.title} className='figure-table__cell' role='columnheader'>
              <Text>{column.title}</Text>
            </View>
          ))}
        </View>
        {rows.map((row) => (
          <View key={row.key} className='figure-table__row' role='row'>
            <View className='figure-table__name' role='rowheader'>
              <Text>{row.label}</Text>
            </View>
            {COLUMNS.map((column) => (
              <View key={column.title} className='figure-table__cell' role='cell'>
                {/* On a phone the rows stack as cards and each number carries its column's name. */}
                <Text className='figure-table__label' aria-hidden='true'>
                  {column.title}
                </Text>
                <Text>{column.cell(row.figure)}</Text>
              </View>
            ))}
          </View>
        ))}
      </View>
    </View>
  )
}
