import { useCallback, useState } from 'react'
import { View } from '@tarojs/components'
import { useDidShow, useRouter } from '@tarojs/taro'
import type { FieldReport } from '@/contract/field-report'
import { PageState } from '@/components/page-state'
import { getFieldReport } from '@/features/volunteer/api/field-reports'
import { ReportDetail } from '@/features/volunteer/components/report-detail'
import { WorkspaceShell } from '@/features/workspace'
import { errorMessage } from '@/lib/http'
import '@/features/volunteer/components/volunteer.css'

export default function MyReportDetailPage() {
  const { params } = useRouter()
  const [report, setReport] = useState<FieldReport | null>(null)
  const [problem, setProblem] = useState('')
  const load = useCallback(async () => {
    try {
      setReport(await getFieldReport(params.id ?? ''))
      setProblem('')
    } catch (error) {
      setProblem(errorMessage(error))
    }
  }, [params.id])
  useDidShow(() => void load())
  return (
    <WorkspaceShell role='volunteer' title='报告详情' compact>
      {report ? (
        <ReportDetail report={report} />
      ) : problem ? (
        <View className='card'>
          <PageState kind='error' description={problem} onRetry={() => void load()} />
        </View>
      ) : (
        <PageState kind='loading' />
      )}
    </WorkspaceShell>
  )
}
