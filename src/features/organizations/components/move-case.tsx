import { useEffect, useState } from 'react'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ComplaintDetail } from '@/contract/complaint'
import { REASON_MAX, TRANSFER_KINDS, TRANSFER_LABELS, type Organization, type TransferKind } from '@/contract/organization'
import { errorMessage } from '@/lib/http'
import { getCase, getMyOrganization, getOrganizations, moveCase } from '../api/organizations'
import { isWithin, matchTargets, MOVABLE_STATUSES, moveTargets, SEARCH_FROM, TARGETS_SHOWN } from './move-targets'
import './organizations.css'

const HINTS: Record<TransferKind, string> = {
  transfer: '不属于本会管辖时，移送给有管辖权的消协',
  hand_down: '交给直属下级消协就近处理',
  take_up: '提交直属上级消协处理',
}

/**
 * 承办组织 and the 移送 / 交办 / 提级 form on the staff case page. The receiving organization's review
 * deadline starts when it receives the case; the consumer is told where it went and why.
 */
interface Props {
  complaintId: string
  /** `stillVisible`: the case went to the mover's organization or below, so they may read it again. */
  onMoved(detail: ComplaintDetail, stillVisible: boolean): void
}

export function MoveCase({ complaintId, onMoved }: Props) {
  const [complaint, setComplaint] = useState<ComplaintDetail | null>(null)
  const [organizations, setOrganizations] = useState<Organization[]>([])
  const [canMediate, setCanMediate] = useState(false)
  const [mineId, setMineId] = useState('')
  const [kind, setKind] = useState<TransferKind | null>(null)
  const [targetId, setTargetId] = useState('')
  const [reason, setReason] = useState('')
  const [query, setQuery] = useState('')
  const [problem, setProblem] = useState('')
  const [sending, setSending] = useState(false)

  useEffect(() => {
    Promise.all([getCase(complaintId), getOrganizations(), getMyOrganization()])
      .then(([detail, list, mine]) => {
        setComplaint(detail)
        setOrganizations(list.items)
        setCanMediate(mine.canMediate)
        setMineId(mine.organization.id)
      })
      .catch((error: unknown) => setProblem(errorMessage(error)))
  }, [complaintId])

  if (!complaint) return problem ? <Text className='muted org-move__problem'>{problem}</Text> : null
  const holderId = complaint.organization?.id ?? ''
  const movable = canMediate && MOVABLE_STATUSES.has(complaint.status)
  const targets = kind ? moveTargets(kind, organizations, holderId) : []
  const target = targets.find((o) => o.id === targetId)
  const matching = matchTargets(targets, query)

  const open = (next: TransferKind) => {
    setKind(next)
    setProblem('')
    setQuery('')
    const only = moveTargets(next, organizations, holderId)
    setTargetId(only.length === 1 ? only[0]!.id : '')
  }

  async function submit() {
    if (!kind || sending) return
    if (!target) return setProblem('请选择接收的消协')
    if (!reason.trim()) return setProblem(`请写明${TRANSFER_LABELS[kind]}的原因，消费者会看到`)
    const { confirm } = await Taro.showModal({ title: TRANSFER_LABELS[kind], content: `确定${TRANSFER_LABELS[kind]}给“${target.name}”吗？之后由对方受理，期限从对方收到时重新计算。`, confirmText: '确定', cancelText: '再想想' })
    if (!confirm) return
    setSending(true)
    try {
      const moved = await moveCase(complaintId, kind, { toOrganizationId: target.id, reason: reason.trim() })
      setComplaint(moved)
      setKind(null)
      setReason('')
      void Taro.showToast({ title: `已${TRANSFER_LABELS[kind]}`, icon: 'success' })
      onMoved(moved, isWithin(organizations, target.id, mineId))
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setSending(false)
    }
  }

  return (
    <View className='card org-move'>
      <View className='org-move__holder'>
        <Text className='muted'>承办组织</Text>
        <Text className='org-move__name'>{complaint.organization?.name ?? '消费者协会'}</Text>
      </View>
      {movable && !kind && (
        <View className='org-move__buttons'>
          {TRANSFER_KINDS.map((k) => (
            <Button key={k} className='btn btn-secondary org-move__button' disabled={moveTargets(k, organizations, holderId).length === 0 || undefined} onClick={() => open(k)}>
              {TRANSFER_LABELS[k]}
            </Button>
          ))}
        </View>
      )}
      {kind && (
        <View className='action-form'>
          <Text className='section-title'>{TRANSFER_LABELS[kind]}</Text>
          <Text className='muted'>{HINTS[kind]}</Text>
          <Text className='org-move__label'>接收的消协</Text>
          {targets.length >= SEARCH_FROM && (
            <Input className='field-input' value={query} placeholder='输入名称查找，如：上城' aria-label='查找接收的消协' onInput={(e) => setQuery(e.detail.value)} />
          )}
          <View className='org-move__targets' role='radiogroup' aria-label='接收的消协'>
            {matching.slice(0, TARGETS_SHOWN).map((o) => (
              <View
                key={o.id}
                className={`org-move__target${o.id === targetId ? ' org-move__target--chosen' : ''}`}
                role='radio'
                aria-checked={o.id === targetId}
                onClick={() => setTargetId(o.id)}
              >
                <Text>{o.name}</Text>
                {o.id === targetId && <Text className='org-move__chosen'>已选</Text>}
              </View>
            ))}
            {matching.length === 0 && <Text className='muted'>没有名称包含“{query.trim()}”的消协</Text>}
            {matching.length > TARGETS_SHOWN && <Text className='muted'>还有 {matching.length - TARGETS_SHOWN} 个，请输入名称缩小范围</Text>}
          </View>
          <Text className='org-move__label'>原因（会告知消费者）</Text>
          <Textarea className='field-textarea' value={reason} maxlength={REASON_MAX} placeholder='例如：商家经营地在宁波市海曙区，不属于本会管辖' aria-label='原因' onInput={(e) => setReason(e.detail.value)} />
          {problem && <Text className='org-move__problem'>{problem}</Text>}
          <View className='action-form__buttons'>
            <Button className='btn btn-primary' disabled={sending || undefined} onClick={() => void submit()}>
              {sending ? '正在提交…' : `确定${TRANSFER_LABELS[kind]}`}
            </Button>
            <Button className='btn btn-plain' onClick={() => setKind(null)}>
              取消
            </Button>
          </View>
        </View>
      )}
    </View>
  )
}
