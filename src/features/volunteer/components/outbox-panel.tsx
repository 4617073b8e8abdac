import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { FIELD_REPORT_CATEGORY_LABELS } from '@/contract/field-report-rules'
import { reportsOf, useOutboxStore } from '../outbox/outbox-store'
import type { OutboxProgress, OutboxReport } from '../outbox/outbox-types'
import { deleteQueuedReport } from '../outbox/queue-report'
import { syncOutbox } from '../outbox/run-outbox-sync'

function stateText(report: OutboxReport, progress: OutboxProgress | undefined): { text: string; bad: boolean; percent: number | null } {
  if (report.state === 'needs_fix') return { text: `需要修改：${report.problem ?? '请检查后重新提交'}`, bad: true, percent: null }
  if (report.state === 'uploading' && progress) {
    if (progress.stage === 'report') return { text: '正在提交报告…', bad: false, percent: 100 }
    const overall = progress.photosTotal ? Math.round(((progress.photosDone + progress.percent / 100) / progress.photosTotal) * 100) : 100
    return { text: `正在上传照片 ${Math.min(progress.photosDone + 1, progress.photosTotal)}/${progress.photosTotal}（${progress.percent}%）`, bad: false, percent: overall }
  }
  if (report.failures > 0) return { text: '网络不通，稍后自动重试', bad: false, percent: null }
  return { text: '等待上传，有网络时自动上传', bad: false, percent: null }
}

/** 待上传 N 条, each with its progress or problem, 修改 / 删除, and 立即上传. */
export function OutboxPanel({ ownerId }: { ownerId: string }) {
  const reports = useOutboxStore((s) => s.reports)
  const progress = useOutboxStore((s) => s.progress)
  const mine = reportsOf(reports, ownerId)

  async function remove(report: OutboxReport) {
    if (report.state === 'uploading') return void Taro.showToast({ title: '正在上传，请稍候', icon: 'none' })
    const { confirm } = await Taro.showModal({ title: '删除报告', content: `确定删除「${report.draft.businessName}」这份还没上传的报告吗？删除后无法恢复。`, confirmText: '删除', cancelText: '取消', confirmColor: '#b71c1c' })
    if (confirm) await deleteQueuedReport(report.clientId)
  }

  function edit(report: OutboxReport) {
    if (report.state === 'uploading') return void Taro.showToast({ title: '正在上传，请稍候', icon: 'none' })
    void Taro.navigateTo({ url: `/packages/volunteer/pages/report/index?clientId=${encodeURIComponent(report.clientId)}` })
  }

  if (mine.length === 0) {
    return (
      <View className='card outbox'>
        <Text className='outbox__count outbox__count--none'>待上传 0 条</Text>
        <Text className='muted'>所有报告都已上传</Text>
      </View>
    )
  }
  return (
    <View className='card outbox'>
      <View className='outbox__head'>
        <Text className='outbox__count'>待上传 {mine.length} 条</Text>
      </View>
      {mine.map((report) => {
        const state = stateText(report, progress[report.clientId])
        return (
          <View key={report.clientId} className='outbox-item' data-client-id={report.clientId}>
            <Text className='outbox-item__title'>
              {report.draft.businessName} · {report.draft.category ? FIELD_REPORT_CATEGORY_LABELS[report.draft.category] : ''}
            </Text>
            <Text className='muted'>{report.photos.length} 张照片</Text>
            <Text className={`outbox-item__state ${state.bad ? 'outbox-item__state--bad' : ''}`}>{state.text}</Text>
            {state.percent !== null && (
              <View className='outbox-item__bar'>
                <View className='outbox-item__bar-fill' style={{ width: `${state.percent}%` }} />
              </View>
            )}
            <View className='outbox-item__actions'>
              <Button className='btn btn-secondary' onClick={() => edit(report)}>
                修改
              </Button>
              <Button className='btn btn-plain' onClick={() => void remove(report)}>
                删除
              </Button>
            </View>
          </View>
        )
      })}
      <Button className='btn btn-primary' onClick={() => void syncOutbox()}>
        立即上传
      </Button>
    </View>
  )
}
