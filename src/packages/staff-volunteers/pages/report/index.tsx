import { useCallback, useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import type { FieldReport, StaffFieldReport } from '@/contract/field-report'
import { isFieldReportOpen } from '@/contract/field-report-rules'
import { PageState } from '@/components/page-state'
import { convertToComplaint, convertToWarning, dismissReport, getStaffReport, verifyReport } from '@/features/volunteer/api/staff-field-reports'
import { ReportDetail } from '@/features/volunteer/components/report-detail'
import { WorkspaceShell } from '@/features/workspace'
import { errorMessage } from '@/lib/http'
import '@/features/volunteer/components/volunteer.css'

type Action = 'verify' | 'dismiss' | 'complaint' | 'warning'

const CONFIRM: Record<Action, { title: string; content: string; ok: string }> = {
  verify: { title: '核实', content: '确认这份报告属实？志愿者会收到通知。', ok: '核实' },
  dismiss: { title: '不予采纳', content: '确定不采纳这份报告？志愿者会看到您写的理由。', ok: '不予采纳' },
  complaint: { title: '转为投诉', content: '将以这份报告立案投诉（消协调解途径，待受理），照片和内容会一起带过去。确定吗？', ok: '转为投诉' },
  warning: { title: '转为警示草稿', content: '将据此起草一条消费警示（草稿，发布前还可修改）。确定吗？', ok: '起草警示' },
}

export default function StaffFieldReportPage() {
  const { params } = useRouter()
  const [report, setReport] = useState<StaffFieldReport | FieldReport | null>(null)
  const [problem, setProblem] = useState('')
  const [note, setNote] = useState('')
  const [noteError, setNoteError] = useState('')
  const [busy, setBusy] = useState<Action | null>(null)

  const load = useCallback(async () => {
    try {
      setReport(await getStaffReport(params.id ?? ''))
      setProblem('')
    } catch (error) {
      setProblem(errorMessage(error))
    }
  }, [params.id])
  useDidShow(() => void load())

  async function act(action: Action) {
    if (!report) return
    if (action === 'dismiss' && !note.trim()) return setNoteError('不予采纳需要写明理由')
    setNoteError('')
    const ask = CONFIRM[action]
    const { confirm } = await Taro.showModal({ title: ask.title, content: ask.content, confirmText: ask.ok, cancelText: '取消', confirmColor: '#b71c1c' })
    if (!confirm) return
    setBusy(action)
    const body = note.trim() ? { note: note.trim() } : {}
    try {
      if (action === 'verify') await verifyReport(report.id, body)
      if (action === 'dismiss') await dismissReport(report.id, note.trim())
      if (action === 'complaint') await convertToComplaint(report.id, body)
      if (action === 'warning') await convertToWarning(report.id, body)
      void Taro.showToast({ title: '已处理', icon: 'success' })
      setNote('')
      await load()
    } catch (error) {
      void Taro.showModal({ title: '操作失败', content: errorMessage(error), showCancel: false })
    } finally {
      setBusy(null)
    }
  }

  return (
    <WorkspaceShell role='staff' title='走访报告' compact>
      {report ? (
        <>
          <ReportDetail report={report} />
          {isFieldReportOpen(report.status) ? (
            <View className='card'>
              <Text className='field-label'>审核意见（不予采纳时必填，志愿者可见）</Text>
              <Textarea className='report-notes' aria-label='审核意见' value={note} maxlength={500} onInput={(e) => setNote(e.detail.value)} />
              {noteError && <Text className='field-error'>{noteError}</Text>}
              <View className='action-buttons' style={{ marginTop: '16px' }}>
                {report.status === 'pending' && (
                  <Button className='btn btn-secondary' loading={busy === 'verify' || undefined} disabled={!!busy || undefined} onClick={() => void act('verify')}>
                    核实
                  </Button>
                )}
                <Button className='btn btn-primary' loading={busy === 'complaint' || undefined} disabled={!!busy || undefined} onClick={() => void act('complaint')}>
                  转为投诉
                </Button>
                <Button className='btn btn-secondary' loading={busy === 'warning' || undefined} disabled={!!busy || undefined} onClick={() => void act('warning')}>
                  转为警示草稿
                </Button>
                <Button className='btn btn-plain' loading={busy === 'dismiss' || undefined} disabled={!!busy || undefined} onClick={() => void act('dismiss')}>
                  不予采纳
                </Button>
              </View>
            </View>
          ) : (
            report.complaintId && (
              <Button className='btn btn-secondary' onClick={() => void Taro.navigateTo({ url: `/packages/staff/pages/complaint/index?id=${encodeURIComponent(report.complaintId!)}` })}>
                查看投诉
              </Button>
            )
          )}
        </>
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
