import { useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ComplaintDetail } from '@/contract/complaint'
import { chinaToday, fenToYuan } from '@/contract/complaint-rules'
import { ACTION_TEXT_MAX } from '@/contract/complaint-workflow'
import { takeAction } from '../api/take-action'
import { reportActionError } from '../handling/action-error'
import { chineseDate } from '../receipt'
import { Row } from './complaint-sections'
import { promiseDueLine } from './describe'
import '../handling/handling.css'

const RED = '#b71c1c'

/** The enterprise's proposal, for the consumer to accept, or to turn down and send to the association. */
export function ProposalPanel({ complaint, onChanged, reload }: { complaint: ComplaintDetail; onChanged(c: ComplaintDetail): void; reload(): Promise<void> }) {
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState('')
  const [sending, setSending] = useState(false)
  const proposal = complaint.handling.proposal
  if (!proposal) return null

  async function run(action: () => Promise<ComplaintDetail>, done: string) {
    setSending(true)
    try {
      onChanged(await action())
      void Taro.showToast({ title: done, icon: 'success' })
    } catch (error) {
      await reportActionError(error, reload)
    } finally {
      setSending(false)
    }
  }

  async function accept() {
    if (sending) return
    const { confirm } = await Taro.showModal({ title: '接受方案', content: '接受后，这件投诉按已解决结束。确定接受企业的方案吗？', confirmText: '接受', cancelText: '再想想', confirmColor: RED })
    if (confirm) await run(() => takeAction(complaint.id, 'accept_proposal', {}), '已接受')
  }

  async function reject() {
    if (sending) return
    if (!reason.trim()) return setProblem('请写下不接受的理由，消协会据此帮您调解')
    setProblem('')
    await run(() => takeAction(complaint.id, 'reject_proposal', { reason: reason.trim() }), '已转消协')
  }

  return (
    <View className='card proposal'>
      <Text className='section-title'>企业提出的解决方案</Text>
      <Text className='review__text'>{proposal.text}</Text>
      <Row label='退赔金额' value={`${fenToYuan(proposal.amountFen)} 元`} />
      <Row label='承诺日期' value={`${chineseDate(proposal.promisedDate)}前做到`} />
      {rejecting ? (
        <View className='action-form'>
          <Text className='field-label'>不接受的理由</Text>
          <Textarea className='field-textarea' value={reason} maxlength={ACTION_TEXT_MAX} placeholder='例如：只退一半，我要求全额退款' aria-label='不接受的理由' onInput={(e) => setReason(e.detail.value)} />
          {problem && <Text className='field-error'>{problem}</Text>}
          <View className='action-form__buttons'>
            <Button className='btn btn-primary' disabled={sending || undefined} onClick={() => void reject()}>
              {sending ? '正在提交…' : '确认不接受，转消协调解'}
            </Button>
            <Button className='btn btn-plain' onClick={() => setRejecting(false)}>
              取消
            </Button>
          </View>
        </View>
      ) : (
        <View className='action-form__buttons'>
          <Button className='btn btn-primary' disabled={sending || undefined} onClick={() => void accept()}>
            接受方案
          </Button>
          <Button className='btn btn-secondary' onClick={() => setRejecting(true)}>
            不接受（转消协调解）
          </Button>
        </View>
      )}
    </View>
  )
}

/** After 接受方案: what the enterprise promised and by when, so the consumer can hold it to that. */
export function AcceptedProposal({ complaint }: { complaint: ComplaintDetail }) {
  const proposal = complaint.handling.proposal
  if (!proposal || !complaint.events.some((e) => e.type === 'accept_proposal')) return null
  return (
    <View className='card proposal proposal--accepted'>
      <Text className='section-title'>您接受的方案</Text>
      <Text className='review__text'>{proposal.text}</Text>
      <Row label='退赔金额' value={`${fenToYuan(proposal.amountFen)} 元`} />
      <Row label='承诺日期' value={promiseDueLine(proposal.promisedDate, chinaToday())} />
    </View>
  )
}
