import { useEffect, useState } from 'react'
import { Button, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { chinaToday } from '@/contract/complaint-rules'
import { PERFORMANCE_NOTE_MAX, PERFORMANCE_SOURCE_LABELS, PERFORMANCE_STATE_LABELS, UNPERFORMED_REASON_LABELS, type PerformanceFollowUp } from '@/contract/performance'
import { errorMessage } from '@/lib/http'
import { getPerformance, handleUnperformed } from '../api/performance-api'
import { chinaDayLabel, chinaTimeLabel } from './performance-time'
import './performance.css'

const RED = '#b71c1c'

/** The mediator's view of 履行回访 on a case: its state and, for a 未履行 case, a new due date or closing it. */
export function PerformanceHandling({ complaintId }: { complaintId: string }) {
  const [followUp, setFollowUp] = useState<PerformanceFollowUp | null>(null)
  const [note, setNote] = useState('')
  const [dueDate, setDueDate] = useState('')
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

  async function submit(outcome: 'retry' | 'close') {
    if (outcome === 'close') {
      const { confirm } = await Taro.showModal({ title: '按未履行结案', content: '结案后不再回访。请确认已告知消费者其他途径（如支持诉讼）。', confirmText: '结案', cancelText: '不结案', confirmColor: RED })
      if (!confirm) return
    }
    setBusy(true)
    setProblem(null)
    try {
      setFollowUp((await handleUnperformed(complaintId, outcome === 'retry' ? { outcome, dueDate, note } : { outcome, note })).followUp)
      setNote('')
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  const unperformed = followUp.state === 'unperformed'
  return (
    <View className='card performance-card'>
      <Text className='section-title'>履行回访</Text>
      <Text className='performance-card__line'>
        {PERFORMANCE_SOURCE_LABELS[followUp.source]}约定 {chinaDayLabel(followUp.dueDate)}前履行
      </Text>
      <Text className={`performance-card__state ${unperformed ? 'performance-card__state--todo' : ''}`}>{PERFORMANCE_STATE_LABELS[followUp.state]}</Text>
      {unperformed && followUp.unperformedReason && <Text className='performance-card__line'>{UNPERFORMED_REASON_LABELS[followUp.unperformedReason]}</Text>}
      {followUp.partialNote && <Text className='performance-card__line'>已收到：{followUp.partialNote}</Text>}
      {unperformed && followUp.handleDueAt && (
        <Text className={`unperformed-item__due ${followUp.handleOverdue ? 'unperformed-item__due--late' : ''}`}>
          {followUp.handleOverdue ? '已超过处理期限 ' : '处理期限 '}
          {chinaTimeLabel(followUp.handleDueAt)}
        </Text>
      )}
      {unperformed && (
        <View className='performance-card__partial'>
          <Text className='field-label'>处理情况</Text>
          <Textarea className='field-textarea' value={note} maxlength={PERFORMANCE_NOTE_MAX} aria-label='处理情况' placeholder='例如：已电话督促商家，商家承诺 1 月 8 日前退款' onInput={(e) => setNote(e.detail.value)} />
          <Text className='field-label'>新的履行期限</Text>
          <Picker mode='date' value={dueDate || chinaToday()} start={chinaToday()} onChange={(e) => setDueDate(e.detail.value)}>
            <View className='field-input' aria-label='新的履行期限'>
              {dueDate || '请选择日期'}
            </View>
          </Picker>
          <Button className='btn btn-primary performance-card__button' disabled={busy || !dueDate || note.trim().length < 2 || undefined} onClick={() => void submit('retry')}>
            督促履行，到期再回访
          </Button>
          <Button className='btn btn-secondary performance-card__button performance-card__button--no' disabled={busy || note.trim().length < 2 || undefined} onClick={() => void submit('close')}>
            按未履行结案
          </Button>
        </View>
      )}
      {followUp.basis.map((rule) => (
        <Text key={rule.text} className='muted performance-card__rule'>
          {rule.text}
          {rule.verified ? '' : '（本平台做法，未查到法律条文）'}
        </Text>
      ))}
      {problem && (
        <View className='performance-card__problem' role='alert'>
          {problem}
        </View>
      )}
    </View>
  )
}
