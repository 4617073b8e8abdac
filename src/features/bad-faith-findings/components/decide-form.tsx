import { useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Finding, FindingOutcome } from '@/contract/bad-faith-finding'
import { FINDING_REASONS_MAX, FINDING_REASONS_MIN } from '@/contract/bad-faith-finding-rules'
import { errorMessage } from '@/lib/http'
import { decideFinding, liftFinding } from '../api/credit-findings'

/** 复核决定 (four-eyes): 认定并公示 or 不予认定, with reasons that answer the appeal; confirmed before it goes public. */
export function DecideForm({ finding, onDone }: { finding: Finding; onDone: (finding: Finding) => void }) {
  const [outcome, setOutcome] = useState<FindingOutcome>('publish')
  const [reasons, setReasons] = useState('')
  const [problem, setProblem] = useState('')
  const [busy, setBusy] = useState(false)

  async function send() {
    if (busy) return
    if ([...reasons.trim()].length < FINDING_REASONS_MIN) return setProblem(`请写明理由（至少 ${FINDING_REASONS_MIN} 个字）`)
    const { confirm } = await Taro.showModal({
      title: outcome === 'publish' ? '认定并公示' : '不予认定',
      content: outcome === 'publish' ? `认定后将在企业页面和失信认定公示中公开 ${finding.months} 个月。确定吗？` : '不予认定后这项认定不再公示。确定吗？',
      confirmText: '确定',
      cancelText: '再看看',
    })
    if (!confirm) return
    setBusy(true)
    setProblem('')
    try {
      onDone(await decideFinding(finding.id, { outcome, reasons: reasons.trim() }))
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View aria-label='复核决定'>
      <Text className='credit-label'>复核决定</Text>
      <View className='credit-actions' role='radiogroup'>
        <Button className={`btn ${outcome === 'publish' ? 'btn-primary' : 'btn-plain'}`} onClick={() => setOutcome('publish')}>
          认定并公示
        </Button>
        <Button className={`btn ${outcome === 'reject' ? 'btn-primary' : 'btn-plain'}`} onClick={() => setOutcome('reject')}>
          不予认定
        </Button>
      </View>
      <Text className='muted'>{finding.appeal ? '理由要回应企业的申辩：采纳或不采纳，为什么。' : '企业在申辩期内没有申辩；写明认定或不认定的理由。'}</Text>
      <Textarea className='field-input credit-textarea' maxlength={FINDING_REASONS_MAX} autoHeight value={reasons} aria-label='决定理由' onInput={(e) => setReasons(e.detail.value)} />
      {problem && <Text className='field-error'>{problem}</Text>}
      <Button className='btn btn-primary' disabled={busy || undefined} onClick={() => void send()}>
        {busy ? '正在提交…' : '提交决定'}
      </Button>
    </View>
  )
}

/** 提前撤销: the first staff member asks with a reason, a different one confirms. */
export function LiftForm({ finding, me, onDone }: { finding: Finding; me: string; onDone: (finding: Finding) => void }) {
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState('')
  const [busy, setBusy] = useState(false)
  const pending = finding.lift && !finding.lift.liftedAt
  const mine = Boolean(pending && finding.lift?.requestedById === me)

  async function send() {
    if (busy) return
    const text = pending ? reason.trim() || finding.lift!.reason : reason.trim()
    if ([...text].length < FINDING_REASONS_MIN) return setProblem(`请写明撤销理由（至少 ${FINDING_REASONS_MIN} 个字）`)
    const { confirm } = await Taro.showModal({ title: pending ? '确认撤销' : '申请提前撤销', content: pending ? '确认后认定立即撤下公示。确定吗？' : '需要另一位工作人员确认后才撤下。确定申请吗？', confirmText: '确定', cancelText: '再看看' })
    if (!confirm) return
    setBusy(true)
    setProblem('')
    try {
      onDone(await liftFinding(finding.id, { reason: text }))
      setReason('')
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  if (mine) return <Text className='credit-line'>您已申请提前撤销，须由另一位有失信认定权限的工作人员确认。</Text>
  return (
    <View aria-label='提前撤销'>
      <Text className='credit-label'>{pending ? '确认提前撤销' : '提前撤销公示'}</Text>
      <Textarea className='field-input credit-textarea' maxlength={FINDING_REASONS_MAX} autoHeight value={reason} aria-label='撤销理由' placeholder={pending ? '可补充确认意见（不填则沿用申请理由）' : '例如：企业已全部退款并提交凭证'} onInput={(e) => setReason(e.detail.value)} />
      {problem && <Text className='field-error'>{problem}</Text>}
      <Button className='btn btn-secondary' disabled={busy || undefined} onClick={() => void send()}>
        {pending ? '确认撤销' : '申请提前撤销'}
      </Button>
    </View>
  )
}
