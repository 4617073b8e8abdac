import { useEffect, useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PERFORMANCE_NOTE_MAX, PERFORMANCE_SOURCE_LABELS, UNPERFORMED_REASON_LABELS, type PerformanceAnswer, type PerformanceFollowUp } from '@/contract/performance'
import { errorMessage } from '@/lib/http'
import { answerPerformance, getPerformance, reopenPerformance } from '../api/performance-api'
import { chinaDayLabel, chinaTimeLabel } from './performance-time'
import './performance.css'

const RED = '#b71c1c'

/**
 * 履行回访 on the consumer's complaint page: nothing until a settlement has a due date; then its state,
 * on the due date the question with three big buttons, and after 已收到 the way to reopen it.
 */
export function PerformanceCard({ complaintId }: { complaintId: string }) {
  const [followUp, setFollowUp] = useState<PerformanceFollowUp | null>(null)
  const [partial, setPartial] = useState(false)
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    getPerformance(complaintId).then(
      (r) => live && setFollowUp(r.followUp),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [complaintId])
  if (!followUp) return null

  async function run(action: () => Promise<{ followUp: PerformanceFollowUp | null }>) {
    setBusy(true)
    setProblem(null)
    try {
      setFollowUp((await action()).followUp)
      setPartial(false)
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }
  const answer = (value: PerformanceAnswer) => void run(() => answerPerformance(complaintId, value, value === 'partial' ? note : undefined))
  async function reopen() {
    const { confirm } = await Taro.showModal({
      title: '重新打开投诉',
      content: '商家没有做到约定的事？重新打开后，调解员会继续跟进。',
      confirmText: '重新打开',
      cancelText: '不打开',
      confirmColor: RED,
    })
    if (confirm) void run(() => reopenPerformance(complaintId, '消费者反映商家没有履行'))
  }

  const source = PERFORMANCE_SOURCE_LABELS[followUp.source]
  return (
    <View className='card performance-card'>
      <Text className='section-title'>履行回访</Text>
      <Text className='performance-card__line'>
        {source}约定 {chinaDayLabel(followUp.dueDate)}前履行
      </Text>
      {followUp.state === 'scheduled' && <Text className='performance-card__line'>到期那天（{chinaTimeLabel(followUp.askAt)}）会请您确认钱或货是否收到</Text>}
      {followUp.canAnswer && (
        <>
          <Text className='performance-card__question'>钱/货收到了吗？</Text>
          {followUp.answerDueAt && <Text className='performance-card__line'>请在 {chinaTimeLabel(followUp.answerDueAt)} 前回答，到时没有回答的，调解员会按“没收到”跟进</Text>}
          {partial ? (
            <View className='performance-card__partial'>
              <Text className='performance-card__line'>收到了什么？</Text>
              <Textarea className='field-textarea' value={note} maxlength={PERFORMANCE_NOTE_MAX} aria-label='收到了什么' placeholder='例如：收到退款 500 元，还差 1499 元' onInput={(e) => setNote(e.detail.value)} />
              <Button className='btn btn-primary performance-card__button' disabled={busy || !note.trim() || undefined} onClick={() => answer('partial')}>
                提交：部分收到
              </Button>
              <Button className='btn btn-secondary performance-card__button' disabled={busy || undefined} onClick={() => setPartial(false)}>
                返回
              </Button>
            </View>
          ) : (
            <View className='performance-card__answers'>
              <Button className='btn btn-primary performance-card__button' disabled={busy || undefined} onClick={() => answer('received')}>
                已收到
              </Button>
              <Button className='btn btn-secondary performance-card__button' disabled={busy || undefined} onClick={() => setPartial(true)}>
                部分收到
              </Button>
              <Button className='btn btn-secondary performance-card__button performance-card__button--no' disabled={busy || undefined} onClick={() => answer('not_received')}>
                没收到
              </Button>
            </View>
          )}
        </>
      )}
      {followUp.state === 'performed' && (
        <>
          <Text className='performance-card__state performance-card__state--done'>您已确认收到，已履行</Text>
          {followUp.canReopen && followUp.reopenUntil && (
            <>
              <Text className='performance-card__line'>{chinaDayLabel(followUp.reopenUntil)}前，如果商家后来没有做到，可以重新打开</Text>
              <Button className='btn btn-secondary performance-card__button' disabled={busy || undefined} onClick={() => void reopen()}>
                商家没有履行？重新打开
              </Button>
            </>
          )}
        </>
      )}
      {followUp.state === 'unperformed' && (
        <>
          <Text className='performance-card__state performance-card__state--todo'>未履行：{followUp.unperformedReason ? UNPERFORMED_REASON_LABELS[followUp.unperformedReason] : ''}</Text>
          {followUp.partialNote && <Text className='performance-card__line'>已收到：{followUp.partialNote}</Text>}
          {followUp.handleDueAt && <Text className='performance-card__line'>调解员将在 {chinaTimeLabel(followUp.handleDueAt)} 前跟进处理</Text>}
        </>
      )}
      {followUp.state === 'closed_unperformed' && <Text className='performance-card__state performance-card__state--todo'>未履行，调解员已结案（处理意见见下方进度）</Text>}
      {problem && (
        <View className='performance-card__problem' role='alert'>
          {problem}
        </View>
      )}
    </View>
  )
}
