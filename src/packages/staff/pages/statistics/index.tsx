import { useCallback, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { chinaToday } from '@/contract/complaint-rules'
import type { StatisticsQuery, StatisticsResponse } from '@/contract/statistics'
import type { OrganizationFigures } from '@/contract/statistics-figures'
import { PageState } from '@/components/page-state'
import { useSessionStore } from '@/features/auth'
import { CAN_EXPORT_CSV, exportFiguresCsv, exportStatisticsCsv, getFigures, getStatistics, StatisticsView } from '@/features/statistics'
import { WorkspaceShell } from '@/features/workspace'
import { errorMessage } from '@/lib/http'
import '@/features/complaints/handling/handling.css'

type Range = 'year12' | 'thisYear'

const RANGES: ReadonlyArray<{ value: Range; label: string; query: () => StatisticsQuery }> = [
  { value: 'year12', label: '近 12 个月', query: () => ({}) },
  { value: 'thisYear', label: '今年', query: () => ({ from: `${chinaToday().slice(0, 4)}-01-01` }) },
]

const queryOf = (which: Range) => RANGES.find((r) => r.value === which)?.query() ?? {}

export default function StaffStatisticsPage() {
  const role = useSessionStore((s) => s.user?.role)
  const [range, setRange] = useState<Range>('year12')
  const [statistics, setStatistics] = useState<StatisticsResponse | null>(null)
  const [figures, setFigures] = useState<OrganizationFigures | null>(null)
  const [problem, setProblem] = useState('')
  const [exporting, setExporting] = useState<'complaints' | 'figures' | null>(null)

  const load = useCallback(
    async (which: Range) => {
      if (role !== 'staff') return
      try {
        const [loaded, rolledUp] = await Promise.all([getStatistics(queryOf(which)), getFigures(queryOf(which))])
        setStatistics(loaded)
        setFigures(rolledUp)
        setProblem('')
      } catch (error) {
        setProblem(errorMessage(error))
      }
    },
    [role],
  )

  useDidShow(() => void load(range))
  usePullDownRefresh(() => void load(range).finally(() => void Taro.stopPullDownRefresh()))

  function choose(next: Range) {
    if (next === range) return
    setRange(next)
    setStatistics(null)
    setFigures(null)
    setProblem('')
    void load(next)
  }

  async function exportCsv(which: 'complaints' | 'figures') {
    setExporting(which)
    try {
      await (which === 'figures' ? exportFiguresCsv : exportStatisticsCsv)(queryOf(range))
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setExporting(null)
    }
  }

  return (
    <WorkspaceShell role='staff' title='投诉统计' compact>
      <View className='queue-filters' role='radiogroup' aria-label='统计期间'>
        {RANGES.map((r) => (
          <View key={r.value} className={`queue-filter ${r.value === range ? 'queue-filter--on' : ''}`} role='radio' aria-checked={r.value === range} onClick={() => choose(r.value)}>
            <Text>{r.label}</Text>
          </View>
        ))}
      </View>
      {statistics && (
        <View className='statistics__range'>
          <Text>
            统计范围：{statistics.scope.organizationName}
            {statistics.scope.includesBelow ? '（含下级）' : ''}
          </Text>
        </View>
      )}
      {problem && !statistics ? (
        <View className='card'>
          <PageState kind='error' description={problem} onRetry={() => void load(range)} />
        </View>
      ) : !statistics ? (
        <PageState kind='loading' />
      ) : statistics.received === 0 && statistics.overdue.total === 0 ? (
        <View className='card'>
          <PageState kind='empty' title='这段时间没有收到投诉' />
        </View>
      ) : (
        <>
          <StatisticsView statistics={statistics} figures={figures} />
          <View className='card statistics-export'>
            {CAN_EXPORT_CSV ? (
              <>
                <Button className='btn btn-secondary' disabled={exporting !== null || undefined} onClick={() => void exportCsv('figures')}>
                  {exporting === 'figures' ? '正在导出…' : '导出上报数字 CSV（合计、下级、按月、按行业、服务站）'}
                </Button>
                <Button className='btn btn-secondary' disabled={exporting !== null || undefined} onClick={() => void exportCsv('complaints')}>
                  {exporting === 'complaints' ? '正在导出…' : `导出投诉明细 CSV（${statistics.received} 条投诉）`}
                </Button>
              </>
            ) : (
              <Text className='statistics-export__note'>共 {statistics.received} 条投诉明细。导出 CSV 请在电脑网页版操作。</Text>
            )}
          </View>
        </>
      )}
    </WorkspaceShell>
  )
}
