import { useCallback, useEffect, useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageState } from '@/components/page-state'
import { COMPLAINT_EVENT_LABELS } from '@/contract/complaint-events'
import { GROUP_NOTE_MAX, type GroupActionResult, type StaffGroupDetail } from '@/contract/complaint-group'
import { groupedYuan } from '@/contract/complaint-rules'
import { COMPLAINT_STATUS_LABELS, type ComplaintStatus } from '@/contract/complaint-status'
import { formatDate } from '@/lib/dates'
import { errorMessage } from '@/lib/http'
import { addGroupNote, closeGroup, getStaffGroup } from '../api/groups'
import { GroupActionForm, GroupActionOutcome } from './group-action-form'
import { GroupProgress } from './group-progress'
import { GroupChip } from './staff-group-list'
import './groups.css'

type Action = 'note' | 'close'
const ACTIONS: Record<Action, { label: string; hint: string; confirm: string; placeholder: string }> = {
  note: { label: '督办记录', hint: '写入每件成员投诉的进度（附各自的金额），并通知每位消费者。', confirm: '这条记录会写入全部 {n} 件投诉并通知消费者，确定吗？', placeholder: '例如：已约谈商家，要求一周内逐一退款' },
  close: { label: '办结', hint: '写明办结情况。办结后不再接受新成员，各件投诉照常继续处理。', confirm: '确定办结这个群体性投诉吗？办结后不能再督办。', placeholder: '例如：商家已向全部投诉人退款' },
}

const memberLink = (id: string) => `/packages/staff/pages/complaint/index?id=${encodeURIComponent(id)}`

/** One group complaint worked as one: members with their amounts, the total, progress, the enterprise's replies, one action for all. */
export function StaffGroupView({ groupId, onChanged }: { groupId?: string; onChanged?: () => void }) {
  const [group, setGroup] = useState<StaffGroupDetail | null>(null)
  const [problem, setProblem] = useState('')
  const [action, setAction] = useState<Action | null>(null)
  const [note, setNote] = useState('')
  const [sending, setSending] = useState(false)
  const [formProblem, setFormProblem] = useState('')
  const [handling, setHandling] = useState(false)
  const [result, setResult] = useState<GroupActionResult | null>(null)

  const load = useCallback(() => {
    if (!groupId) return
    setProblem('')
    getStaffGroup(groupId).then(setGroup, (error: unknown) => setProblem(errorMessage(error)))
  }, [groupId])
  useEffect(() => {
    setGroup(null)
    setAction(null)
    setHandling(false)
    setResult(null)
    load()
  }, [load])

  if (!groupId) return <PageState kind='empty' title='请选择一个群体性投诉' />
  if (problem) return <View className='card'><PageState kind='error' description={problem} onRetry={load} /></View>
  if (!group) return <PageState kind='loading' />

  async function submit() {
    if (!group || !action || sending) return
    if (!note.trim()) return setFormProblem(`请写明${ACTIONS[action].label}的内容`)
    const { confirm } = await Taro.showModal({ title: ACTIONS[action].label, content: ACTIONS[action].confirm.replace('{n}', String(group.memberCount)), confirmText: '确定', cancelText: '再想想' })
    if (!confirm) return
    setSending(true)
    setFormProblem('')
    try {
      setGroup(action === 'note' ? await addGroupNote(group.id, note.trim()) : await closeGroup(group.id, note.trim()))
      void Taro.showToast({ title: action === 'note' ? '已记录到每件投诉' : '已办结', icon: 'success' })
      setAction(null)
      setNote('')
      onChanged?.()
    } catch (error) {
      setFormProblem(errorMessage(error))
    } finally {
      setSending(false)
    }
  }

  return (
    <View className='group-detail'>
      <View className='card group-row'>
        <View className='group-row__top'>
          <Text className='group-row__business'>{group.businessName}</Text>
          <GroupChip status={group.status} />
        </View>
        <View className='group-figures'>
          <Text>{group.memberCount} 件投诉</Text>
          <Text>涉及金额合计 {groupedYuan(group.amountFen)} 元</Text>
        </View>
        <Text className='muted'>
          {group.organization.name}督办 · {formatDate(group.formedAt)}起（{group.windowDays} 天内 {group.threshold} 件即列入）
        </Text>
      </View>

      {result && (
        <View className='card'>
          <GroupActionOutcome result={result} onClose={() => setResult(null)} />
        </View>
      )}

      {group.status === 'open' && handling && (
        <View className='card'>
          <GroupActionForm
            group={group}
            onCancel={() => setHandling(false)}
            onStale={() => {
              setHandling(false)
              load()
            }}
            onDone={(done) => {
              setGroup(done.group)
              setResult(done)
              setHandling(false)
              void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
              onChanged?.()
            }}
          />
        </View>
      )}

      {group.status === 'open' && !handling && (
        <View className='card group-form'>
          {!action ? (
            <View className='group-form__buttons'>
              <Button
                className='btn btn-primary'
                onClick={() => {
                  setResult(null)
                  setHandling(true)
                }}
              >
                统一处理（全部成员）
              </Button>
              <Button className='btn btn-secondary' onClick={() => setAction('note')}>写督办记录（全部 {group.memberCount} 件）</Button>
              <Button className='btn btn-secondary' onClick={() => setAction('close')}>办结</Button>
            </View>
          ) : (
            <View className='group-form'>
              <Text className='section-title'>{ACTIONS[action].label}</Text>
              <Text className='muted'>{ACTIONS[action].hint}</Text>
              <Textarea className='group-form__note' value={note} maxlength={GROUP_NOTE_MAX} placeholder={ACTIONS[action].placeholder} aria-label={ACTIONS[action].label} onInput={(e) => setNote(e.detail.value)} />
              {formProblem && <Text className='group-form__problem'>{formProblem}</Text>}
              <View className='group-form__buttons'>
                <Button className='btn btn-primary' disabled={sending || undefined} onClick={() => void submit()}>
                  {sending ? '正在提交…' : `确定${ACTIONS[action].label}`}
                </Button>
                <Button className='btn btn-plain' onClick={() => setAction(null)}>取消</Button>
              </View>
            </View>
          )}
        </View>
      )}

      <View className='card'>
        <Text className='section-title'>成员投诉（{group.members.length}）</Text>
        {group.members.map((member) => (
          <View key={member.complaintId} className='group-member' hoverClass='complaint-item--pressed' role='link' onClick={() => void Taro.navigateTo({ url: memberLink(member.complaintId) })}>
            <Text>{member.number}</Text>
            <Text>{COMPLAINT_STATUS_LABELS[member.status as ComplaintStatus] ?? member.status}</Text>
            <Text>{groupedYuan(member.amountFen)} 元</Text>
            <Text className='muted'>{formatDate(member.createdAt)}</Text>
          </View>
        ))}
      </View>

      <View className='card'>
        <Text className='section-title'>督办进展</Text>
        <GroupProgress events={group.events} />
      </View>

      <View className='card'>
        <Text className='section-title'>企业的答复</Text>
        {group.replies.length === 0 && <Text className='muted'>企业还没有在成员投诉中答复。</Text>}
        {group.replies.map((reply) => (
          <View key={`${reply.complaintNumber}-${reply.createdAt}`} className='group-progress__item'>
            <Text className='group-progress__what'>
              {formatDate(reply.createdAt)} · {reply.complaintNumber} · {(COMPLAINT_EVENT_LABELS as Record<string, string>)[reply.type] ?? reply.type}
            </Text>
            {reply.note && <Text className='group-progress__note'>{reply.note}</Text>}
          </View>
        ))}
      </View>
    </View>
  )
}
