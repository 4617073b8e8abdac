import { Text, View } from '@tarojs/components'
import { fenToYuan } from '@/contract/complaint-rules'
import type { Figure, OrganizationFigures } from '@/contract/statistics-figures'
import { BarChart } from './bar-chart'
import { FigureTable } from './figure-table'
import { monthLabel, percent, rateLines } from './figure-text'
import { StationTable } from './station-table'
import { Tile } from './stat-tile'
import { TrendChart } from './trend-chart'

const rateValue = (rate: number | null) => (rate === null ? '—' : percent(rate))

/** Organizations below side by side: a bar for the complaints received, every rate written out under it. */
function SideBySide({ rows }: { rows: ReadonlyArray<{ key: string; label: string; figure: Figure }> }) {
  const max = Math.max(1, ...rows.map((row) => row.figure.received))
  return (
    <View className='side-by-side'>
      {rows.map(({ key, label, figure }) => (
        <View key={key} className='side-by-side__row'>
          <View className='bar-chart__head'>
            <Text className='bar-chart__label'>{label}</Text>
            <Text className='bar-chart__value'>收到 {figure.received} 件</Text>
          </View>
          <View className='bar-chart__track' aria-hidden='true'>
            <View className='bar-chart__fill' style={{ width: `${figure.received ? Math.max(2, (figure.received / max) * 100) : 0}%` }} />
          </View>
          <View className='side-by-side__rates'>
            {rateLines(figure).map((line) => (
              <Text key={line.label} className='side-by-side__rate'>
                {line.label} {line.text}
              </Text>
            ))}
          </View>
        </View>
      ))}
    </View>
  )
}

/** Cases filed at the stations: a bar per station for the period, the months in the table under it. */
function StationSection({ byStation }: { byStation: OrganizationFigures['byStation'] }) {
  return (
    <View className='card statistics__section'>
      <Text className='statistics__heading'>按服务站（代办立案）</Text>
      {byStation.stations.length === 0 ? (
        <Text className='muted'>本机构及下级还没有服务站</Text>
      ) : (
        <>
          {!byStation.wholeMonths && <Text className='statistics__note'>服务站按整月计：所选期间首尾两个月的代办件数是整月的。</Text>}
          {byStation.stations.some((s) => s.total > 0) ? (
            <BarChart bars={byStation.stations.map((s) => ({ key: s.id, label: s.name, value: s.total }))} />
          ) : (
            <Text className='statistics__note'>这段时间各服务站还没有代办立案的投诉。</Text>
          )}
          <StationTable byStation={byStation} />
        </>
      )}
    </View>
  )
}

/**
 * The figures an association reports upward: acceptance, on-time closing, mediation success and
 * money recovered for the subtree; the organizations below side by side; month by month; by station; by industry.
 * Every chart has its numbers as a table under it.
 */
export function FiguresView({ figures: f }: { figures: OrganizationFigures }) {
  const t = f.total
  const sideBySide = [
    ...f.children.map((child) => ({ key: child.organizationId, label: `${child.name}（含下级）`, figure: child })),
    ...(f.own && f.own.received > 0 ? [{ key: 'own', label: `${f.organizationName}（本级）`, figure: f.own }] : []),
  ]
  return (
    <View className='figures'>
      <View className='stat-tiles'>
        <Tile label='受理' value={String(t.accepted)} unit='件' />
        <Tile label='按期办结率' value={rateValue(t.onTimeRate)} note={`按期 ${t.closedOnTime} / 办结 ${t.closed} 件`} />
        <Tile label='调解成功率' value={rateValue(t.mediationSuccessRate)} note={`成功 ${t.mediationSucceeded} / 调解结束 ${t.mediationEnded} 件`} />
        <Tile label='挽回经济损失' value={fenToYuan(t.recoveredFen)} unit='元' />
      </View>

      {sideBySide.length > 0 && (
        <View className='card statistics__section'>
          <Text className='statistics__heading'>下级机构对比</Text>
          <SideBySide rows={sideBySide} />
          <FigureTable caption='下级机构对比' rows={sideBySide} />
        </View>
      )}

      <View className='card statistics__section'>
        <Text className='statistics__heading'>按月份</Text>
        <TrendChart months={f.byMonth} />
        <View className='trend-legend' aria-hidden='true'>
          <View className='trend-legend__swatch trend-chart__received' />
          <Text className='trend-legend__text'>收到</Text>
          <View className='trend-legend__swatch trend-chart__closed' />
          <Text className='trend-legend__text'>其中已办结</Text>
        </View>
        <FigureTable caption='按月份' rows={f.byMonth.map((m) => ({ key: m.month, label: monthLabel(m.month), figure: m }))} />
      </View>

      <StationSection byStation={f.byStation} />

      <View className='card statistics__section'>
        <Text className='statistics__heading'>按行业</Text>
        {f.byIndustry.length ? (
          <>
            <BarChart bars={f.byIndustry.map((i) => ({ key: i.industry, label: i.label, value: i.received, note: `办结 ${i.closed} · 按期 ${i.closedOnTime}` }))} />
            <FigureTable caption='按行业' rows={f.byIndustry.map((i) => ({ key: i.industry, label: i.label, figure: i }))} />
          </>
        ) : (
          <Text className='muted'>暂无投诉</Text>
        )}
      </View>
    </View>
  )
}
