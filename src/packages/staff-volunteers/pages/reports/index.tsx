import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Input, Picker, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { StaffFieldReport, StaffFieldReportsQuery } from '@/contract/field-report'
import { FIELD_REPORT_CATEGORIES, FIELD_REPORT_CATEGORY_LABELS, type FieldReportCategory, type FieldReportStatus } from '@/contract/field-report-rules'
import { PageState } from '@/components/page-state'
import { CAN_EXPORT_CSV, exportReportsCsv } from '@/features/volunteer/api/export-csv'
import { listStaffReports } from '@/features/volunteer/api/staff-field-reports'
import { ReportCard } from '@/features/volunteer/components/report-card'
import { WorkspaceShell } from '@/features/workspace'
import { errorMessage } from '@/lib/http'
import '@/features/volunteer/components/volunteer.css'

const STATUS_FILTERS: ReadonlyArray<{ value: FieldReportStatus | ''; label: string }> = [
  { value: 'pending', label: '待审核' },
  { value: 'verified', label: '已核实' },
  { value: '', label: '全部' },
]
const CATEGORY_OPTIONS: ReadonlyArray<{ value: FieldReportCategory | ''; label: string }> = [
  { value: '', label: '全部类别' },
  ...FIELD_REPORT_CATEGORIES.map((value) => ({ value, label: FIELD_REPORT_CATEGORY_LABELS[value] })),
]

const clean = (query: StaffFieldReportsQuery): StaffFieldReportsQuery =>
  Object.fromEntries(Object.entries(query).filter(([, v]) => v !== '' && v !== undefined)) as StaffFieldReportsQuery

export default function StaffFieldReportsPage() {
  const [status, setStatus] = useState<FieldReportStatus | ''>('pending')
  const [category, setCategory] = useState<FieldReportCategory | ''>('')
  const [regionInput, setRegionInput] = useState('')
  const [region, setRegion] = useState('')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [reports, setReports] = useState<StaffFieldReport[] | null>(null)
  const [cursor, setCursor] = useState<string | null>(null)
  const [problem, setProblem] = useState('')
  const [exporting, setExporting] = useState(false)
  const query = clean({ status: status || undefined, category: category || undefined, region: region.trim() || undefined, from: from || undefined, to: to || undefined })
  const queryKey = JSON.stringify(query)

  const load = useCallback(
    async (after?: string) => {
      try {
        const page = await listStaffReports({ ...(JSON.parse(queryKey) as StaffFieldReportsQuery), ...(after ? { cursor: after } : {}) })
        setReports((list) => (after ? [...(list ?? []), ...page.items] : page.items))
        setCursor(page.nextCursor)
        setProblem('')
      } catch (error) {
        setProblem(errorMessage(error))
      }
    },
    [queryKey],
  )

  // Chips and pickers apply at once; the typed region on 查询. Back from a report, the list is fresh.
  const shown = useRef(false)
  useEffect(() => {
    if (shown.current) void load()
  }, [load])
  useDidShow(() => {
    shown.current = true
    void load()
  })
  usePullDownRefresh(() => void load().finally(() => void Taro.stopPullDownRefresh()))

  function search() {
    if (regionInput.trim() !== region) setRegion(regionInput.trim())
    else void load()
  }

  async function exportCsv() {
    if (!CAN_EXPORT_CSV) return void Taro.showModal({ title: '导出 CSV', content: '导出 CSV 请在电脑网页版操作', showCancel: false })
    setExporting(true)
    try {
      await exportReportsCsv(query)
    } catch (error) {
      void Taro.showModal({ title: '导出失败', content: errorMessage(error), showCancel: false })
    } finally {
      setExporting(false)
    }
  }

  const open = (id: string) => void Taro.navigateTo({ url: `/packages/staff-volunteers/pages/report/index?id=${encodeURIComponent(id)}` })
  const categoryIndex = Math.max(0, CATEGORY_OPTIONS.findIndex((o) => o.value === category))

  return (
    <WorkspaceShell role='staff' title='走访报告审核' compact>
      <View className='card' hoverClass='complaint-item--pressed' role='link' onClick={() => void Taro.navigateTo({ url: '/packages/staff-volunteers/pages/applications/index' })}>
        <Text className='report-card__title'>志愿者申请 ›</Text>
        <Text className='muted'>审核申请，撤销志愿者资格</Text>
      </View>
      <View className='card'>
        <View className='filter-row' role='radiogroup' aria-label='按状态筛选'>
          {STATUS_FILTERS.map((f) => (
            <View key={f.label} className={`filter-chip ${status === f.value ? 'filter-chip--on' : ''}`} role='radio' aria-checked={status === f.value} onClick={() => setStatus(f.value)}>
              <Text>{f.label}</Text>
            </View>
          ))}
        </View>
        <Picker mode='selector' range={CATEGORY_OPTIONS.map((o) => o.label)} value={categoryIndex} onChange={(e) => setCategory(CATEGORY_OPTIONS[Number(e.detail.value)]?.value ?? '')}>
          <View className='field-input filter-picker' aria-label='问题类别'>
            <Text>类别：{CATEGORY_OPTIONS[categoryIndex]?.label}</Text>
          </View>
        </Picker>
        <View style={{ height: '12px' }} />
        <Input className='field-input' aria-label='地区' value={regionInput} placeholder='地区，如 内蒙古' onInput={(e) => setRegionInput(e.detail.value)} />
        <View className='filter-row' style={{ marginTop: '12px' }}>
          <Picker mode='date' value={from} onChange={(e) => setFrom(e.detail.value)}>
            <View className='filter-chip'>
              <Text>从：{from || '不限'}</Text>
            </View>
          </Picker>
          <Picker mode='date' value={to} onChange={(e) => setTo(e.detail.value)}>
            <View className='filter-chip'>
              <Text>到：{to || '不限'}</Text>
            </View>
          </Picker>
        </View>
        <View className='action-buttons'>
          <Button className='btn btn-primary' onClick={search}>
            查询
          </Button>
          <Button className='btn btn-secondary' loading={exporting || undefined} onClick={() => void exportCsv()}>
            导出 CSV
          </Button>
        </View>
      </View>
      {problem && !reports ? (
        <View className='card'>
          <PageState kind='error' description={problem} onRetry={() => void load()} />
        </View>
      ) : !reports ? (
        <PageState kind='loading' />
      ) : reports.length === 0 ? (
        <View className='card'>
          <PageState kind='empty' title='没有符合条件的走访报告' />
        </View>
      ) : (
        <>
          {reports.map((report) => (
            <ReportCard key={report.id} report={report} onOpen={open} />
          ))}
          {cursor && (
            <Button className='btn btn-secondary' onClick={() => void load(cursor)}>
              加载更多
            </Button>
          )}
        </>
      )}
    </WorkspaceShell>
  )
}
