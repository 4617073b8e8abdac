import { useEffect, useState, type ReactNode } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ComplaintDetail } from '@/contract/complaint'
import { PageState } from '@/components/page-state'
import { errorMessage } from '@/lib/http'
import { getComplaint } from '../api/get-complaint'
import { useFilingStore } from '../filing/use-filing-store'
import { chineseDate, photoReceiptLines, receiptText } from '../receipt'
import { nextStepLine } from './describe'
import { PrivacyPopup } from '@/components/privacy-popup'
import { PRIVACY_WAY_FORWARD, privacyRefusal } from '@/lib/privacy-errors'

/** After filing: the complaint number, what happens next and by when, and a receipt to copy; `aside` after the number (e.g. a group complaint to join). */
export function ResultView({ complaintId, merged: mergedByUrl = false, aside }: { complaintId?: string; merged?: boolean; aside?: ReactNode }) {
  const justFiled = useFilingStore((s) => s.filed)
  const [complaint, setComplaint] = useState<ComplaintDetail | null>(justFiled && justFiled.id === complaintId ? justFiled : null)
  const [problem, setProblem] = useState('')
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    if (complaint || !complaintId) return
    getComplaint(complaintId).then(setComplaint, (error: unknown) => setProblem(errorMessage(error)))
  }, [complaint, complaintId, attempt])

  if (!complaint) {
    return (
      <View className='page'>
        {problem ? (
          <View className='card'>
            <PageState kind='error' title='投诉已提交' description={`但暂时读不到详情：${problem}`} onRetry={() => {
                setProblem('')
                setAttempt((n) => n + 1)
              }} />
          </View>
        ) : (
          <PageState kind='loading' />
        )}
      </View>
    )
  }

  const receipt = receiptText({
    number: complaint.number,
    businessName: complaint.business.name,
    createdAt: complaint.createdAt,
    incidentDate: complaint.incidentDate,
    amountFen: complaint.amountFen,
    photos: complaint.evidence,
    nextStep: complaint.nextStep,
  })
  const next = nextStepLine(complaint.nextStep)
  // Filed again while the first one is open: the words and photos were added to it, no second case.
  const merged = complaint.mergedRepeat ?? (mergedByUrl ? { into: complaint.number, message: `您已就该商家提交过投诉 ${complaint.number}，本次内容已补充到原投诉` } : null)

  return (
    <View className='page result'>
      <PrivacyPopup />
      <View className={`card result__hero${merged ? ' result__hero--merged' : ''}`}>
        <Text className='result__mark'>{merged ? 'i' : '✓'}</Text>
        <Text className='result__title'>{merged ? '已补充到原投诉' : '投诉已提交'}</Text>
        <Text className='result__label'>{merged ? '原投诉编号' : '投诉编号'}</Text>
        <Text className='result__number' selectable>
          {complaint.number}
        </Text>
        {merged ? (
          <Text className='result__merged'>{merged.message}。同一件事不会重复立案，原投诉的处理进度和期限不变。</Text>
        ) : (
          <Text className='muted'>请记下编号，查询进度时会用到</Text>
        )}
      </View>
      {aside}

      <View className='card'>
        <Text className='section-title'>接下来</Text>
        <Text className='result__next'>{next ?? '消协工作人员会尽快查看您的投诉，有进展会通知您。'}</Text>
      </View>

      <View className='card'>
        <Text className='section-title'>回执</Text>
        <View className='review__row'>
          <Text className='review__label'>被投诉商家</Text>
          <Text className='review__value'>{complaint.business.name}</Text>
        </View>
        <View className='review__row'>
          <Text className='review__label'>发生日期</Text>
          <Text className='review__value'>{chineseDate(complaint.incidentDate)}</Text>
        </View>
        <View className='review__row'>
          <Text className='review__label'>证据照片</Text>
          <Text className='review__value'>{complaint.evidence.length} 张</Text>
        </View>
        {complaint.evidence.flatMap((e, i) =>
          photoReceiptLines(e, i + 1).map((line) => (
            <Text key={`${e.id}-${line}`} className='result__hash'>
              {line}
            </Text>
          )),
        )}
        <Button
          className='btn btn-secondary result__copy'
          onClick={() =>
            void Taro.setClipboardData({ data: receipt }).then(
              () => Taro.showToast({ title: '回执已复制', icon: 'success' }),
              (error: unknown) => {
                const privacy = privacyRefusal(error)
                const content = privacy === 'not-declared' ? PRIVACY_WAY_FORWARD.notDeclared : privacy ? PRIVACY_WAY_FORWARD.clipboard : '没能复制，请截图保存本页的回执'
                void Taro.showModal({ title: '没能复制回执', content, showCancel: false, confirmText: '知道了' })
              },
            )
          }
        >
          复制回执
        </Button>
      </View>

      <Button className='btn btn-primary result__action' onClick={() => void Taro.redirectTo({ url: `/packages/complaint/pages/detail/index?id=${encodeURIComponent(complaint.id)}` })}>
        查看投诉详情
      </Button>
      <Button className='btn btn-plain result__action' onClick={() => void Taro.switchTab({ url: '/pages/complaints/index' })}>
        返回我的投诉
      </Button>
    </View>
  )
}
