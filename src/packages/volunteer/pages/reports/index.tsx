import { useCallback, useState } from 'react'
import { Button, Map, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { FieldReport } from '@/contract/field-report'
import { PageState } from '@/components/page-state'
import { listMyReports } from '@/features/volunteer/api/field-reports'
import { ReportCard } from '@/features/volunteer/components/report-card'
import { WorkspaceShell } from '@/features/workspace'
import { errorMessage } from '@/lib/http'
import '@/features/volunteer/components/volunteer.css'

/** On weapp a map with one marker per located report; H5 shows the addresses in the list. */
function ReportMap({ reports }: { reports: FieldReport[] }) {
  const located = reports.filter((r) => r.location)
  if (process.env.TARO_ENV !== 'weapp' || located.length === 0) return null
  const markers = located.map((r, index) => ({ id: index, latitude: r.location!.latitude, longitude: r.location!.longitude, title: r.businessName, width: 30, height: 40, iconPath: '' }))
  return <Map className='report-map' latitude={markers[0]!.latitude} longitude={markers[0]!.longitude} scale={13} markers={markers} includePoints={markers} onError={() => undefined} />
}

export default function MyReportsPage() {
  const [reports, setReports] = useState<FieldReport[] | null>(null)
  const [cursor, setCursor] = useState<string | null>(null)
  const [problem, setProblem] = useState('')

  const load = useCallback(async (after?: string) => {
    try {
      const page = await listMyReports(after)
      setReports((list) => (after ? [...(list ?? []), ...page.items] : page.items))
      setCursor(page.nextCursor)
      setProblem('')
    } catch (error) {
      setProblem(errorMessage(error))
    }
  }, [])

  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => void Taro.stopPullDownRefresh()))
  const open = (id: string) => void Taro.navigateTo({ url: `/packages/volunteer/pages/detail/index?id=${encodeURIComponent(id)}` })

  return (
    <WorkspaceShell role='volunteer' title='我的报告' compact>
      {problem && !reports ? (
        <View className='card'>
          <PageState kind='error' description={problem} onRetry={() => void load()} />
        </View>
      ) : !reports ? (
        <PageState kind='loading' />
      ) : reports.length === 0 ? (
        <View className='card'>
          <PageState kind='empty' title='还没有上传的报告' description='还没上传的报告在工作台的“待上传”里' />
        </View>
      ) : (
        <>
          <ReportMap reports={reports} />
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
