import { Text, View } from '@tarojs/components'
import { fenToYuan } from '@/contract/complaint-rules'
import { DUE_KIND_LABELS } from '@/contract/complaint-workflow'
import { HANDLING_PATH_LABELS } from '@/contract/complaint-status'
import type { StatisticsResponse } from '@/contract/statistics'
import type { OrganizationFigures } from '@/contract/statistics-figures'
import { BarChart } from './bar-chart'
import { FiguresView } from './figures-view'
import { Tile } from './stat-tile'
import './statistics.css'

const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`
const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`
const dateLabel = (date: string) => `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8))}日`

/**
 * The association's figures: tiles first, then one simple chart per question a person asks. With
 * the roll-up figures (once loaded) their tiles, organizations side by side, months and industries
 * take the place of the simpler month and industry charts.
 */
export function StatisticsView({ statistics: s, figures }: { statistics: StatisticsResponse; figures?: OrganizationFigures | null }) {
  const definitions = figures ? { ...s.definitions, ...figures.definitions } : s.definitions
  const pathTotal = s.paths.odr + s.paths.association
  const odrShare = pathTotal ? s.paths.odr / pathTotal : 0
  return (
    <View className='statistics'>
      <Text className='statistics__range'>
        {dateLabel(s.from)} 至 {dateLabel(s.to)}
      </Text>
      <View className='stat-tiles'>
        <Tile label='收到投诉' value={String(s.received)} unit='件' />
        <Tile label='已办结' value={String(s.closed)} unit='件' />
        <Tile label='已引导至其他部门' value={String(s.referred)} unit='件' />
        <Tile label='办结率' value={s.closeRate === null ? '—' : percent(s.closeRate)} note={`办结 ${s.closed} / ${s.received - s.referred} 件`} />
        {!figures && <Tile label='挽回经济损失' value={fenToYuan(s.recoveredFen)} unit='元' />}
      </View>
      {figures && <FiguresView figures={figures} />}

      <View className={`card statistics__section ${s.overdue.total ? 'statistics__overdue' : ''}`}>
        <Text className='statistics__heading'>超期未办</Text>
        <Text className='statistics__overdue-total'>{s.overdue.total} 件</Text>
        <Text className='statistics__line'>
          {DUE_KIND_LABELS.enterprise_response}：{s.overdue.enterpriseResponse} 件
        </Text>
        <Text className='statistics__line'>
          {DUE_KIND_LABELS.review}：{s.overdue.review} 件
        </Text>
        <Text className='statistics__line'>
          {DUE_KIND_LABELS.mediation}：{s.overdue.mediation} 件
        </Text>
      </View>

      <View className='card statistics__section'>
        <Text className='statistics__heading'>处理途径</Text>
        {pathTotal ? (
          <>
            <View className='share-bar' aria-label={`ODR ${s.paths.odr} 件，消协 ${s.paths.association} 件`}>
              <View className='share-bar__odr' style={{ width: `${odrShare * 100}%` }} />
              <View className='share-bar__association' style={{ width: `${(1 - odrShare) * 100}%` }} />
            </View>
            <View className='share-legend'>
              <Text className='share-legend__odr'>
                ■ {HANDLING_PATH_LABELS.odr} {s.paths.odr} 件（{percent(odrShare)}）
              </Text>
              <Text className='share-legend__association'>
                ■ {HANDLING_PATH_LABELS.association} {s.paths.association} 件（{percent(1 - odrShare)}）
              </Text>
            </View>
          </>
        ) : (
          <Text className='muted'>暂无投诉</Text>
        )}
      </View>

      {!figures && (
        <>
      <View className='card statistics__section'>
        <Text className='statistics__heading'>按行业</Text>
        {s.byIndustry.length ? (
          <BarChart bars={s.byIndustry.map((i) => ({ key: i.industry, label: i.label, value: i.received, note: `已办结 ${i.closed}${i.referred ? ` · 已引导 ${i.referred}` : ''}` }))} />
        ) : (
          <Text className='muted'>暂无投诉</Text>
        )}
      </View>

      <View className='card statistics__section'>
        <Text className='statistics__heading'>按月份</Text>
        <BarChart bars={s.byMonth.map((m) => ({ key: m.month, label: monthLabel(m.month), value: m.received, note: `已办结 ${m.closed}${m.referred ? ` · 已引导 ${m.referred}` : ''}` }))} />
      </View>

        </>
      )}

      <View className='card statistics__section'>
        <Text className='statistics__heading'>被投诉最多的企业</Text>
        {s.topEnterprises.length ? (
          <BarChart bars={s.topEnterprises.map((e, index) => ({ key: e.enterpriseId ?? `name-${index}`, label: `${index + 1}. ${e.name}`, value: e.count }))} />
        ) : (
          <Text className='muted'>暂无投诉</Text>
        )}
      </View>

      <View className='card statistics__section'>
        <Text className='statistics__heading'>口径说明</Text>
        {Object.values(definitions).map((definition) => (
          <Text key={definition} className='statistics__definition'>
            {definition}
          </Text>
        ))}
      </View>
    </View>
  )
}
