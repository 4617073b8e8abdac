import { useState } from 'react'
import { Button, Picker, Text, Textarea, View } from '@tarojs/components'
import { DigitInput } from '@/components/digit-input'
import { GROUP_MEDIATION_OUTCOME_LABELS, type GroupActionResult, type GroupMediationOutcome, type StaffGroupDetail } from '@/contract/complaint-group'
import { amountError, chinaToday, fenToYuan, groupedYuan, yuanToFen } from '@/contract/complaint-rules'
import { COMPLAINT_STATUS_LABELS, HANDLING_PATH_LABELS, isOpen, type ComplaintStatus, type HandlingPath } from '@/contract/complaint-status'
import { ACTION_TEXT_MAX } from '@/contract/complaint-workflow'
import { ApiRequestError, errorMessage } from '@/lib/http'
import { applyGroupAction } from '../api/groups'

type Member = StaffGroupDetail['members'][number]
const open = (member: Member) => isOpen(member.status as ComplaintStatus)
const chineseDay = (date: string) => {
  const [y, m, d] = date.split('-')
  return `${y}年${Number(m)}月${Number(d)}日`
}

/**
 * 集体投诉统一处理: one text for every open member, each with their own amount (prefilled with the
 * amount the consumer claimed), a confirmation step, then the server's answer per member.
 */
export function GroupActionForm({ group, onDone, onCancel, onStale }: { group: StaffGroupDetail; onDone(result: GroupActionResult): void; onCancel(): void; onStale(): void }) {
  const [text, setText] = useState('')
  const [promisedDate, setPromisedDate] = useState('')
  const [outcome, setOutcome] = useState<GroupMediationOutcome>('note')
  const [amounts, setAmounts] = useState<Record<string, string>>(() => Object.fromEntries(group.members.map((m) => [m.complaintId, fenToYuan(m.amountFen)])))
  const [confirming, setConfirming] = useState(false)
  const [sending, setSending] = useState(false)
  const [problem, setProblem] = useState('')
  const [stale, setStale] = useState(false)

  const working = group.members.filter(open)
  const amountProblems = Object.fromEntries(working.map((m) => [m.complaintId, amountError(amounts[m.complaintId] ?? '')]))
  const totalFen = working.reduce((sum, m) => sum + (yuanToFen(amounts[m.complaintId] ?? '') ?? 0), 0)
  const odr = working.filter((m) => m.path === 'odr').length

  function check() {
    if (!text.trim()) return setProblem('请写明统一方案或调解情况')
    if (!promisedDate) return setProblem('请选择履行日期')
    if (Object.values(amountProblems).some(Boolean)) return setProblem('有成员的金额填写不正确，请看标红的一行')
    setProblem('')
    setConfirming(true)
  }

  async function send() {
    if (sending) return
    setSending(true)
    setProblem('')
    try {
      const members = group.members.map((m) => ({ complaintId: m.complaintId, amountFen: open(m) ? (yuanToFen(amounts[m.complaintId] ?? '') ?? 0) : m.amountFen }))
      onDone(await applyGroupAction(group.id, { version: group.version, text: text.trim(), promisedDate, mediationOutcome: outcome, members }))
    } catch (error) {
      setStale(error instanceof ApiRequestError && (error.code === 'GROUP_CHANGED' || error.code === 'GROUP_MEMBER_UNKNOWN'))
      setProblem(errorMessage(error))
      setConfirming(false)
    } finally {
      setSending(false)
    }
  }

  if (confirming) {
    return (
      <View className='group-form' role='region' aria-label='核对统一处理'>
        <Text className='section-title'>请核对后提交</Text>
        <Text className='group-confirm__line'>
          将一次处理 {working.length} 件未结束的投诉，金额合计 {groupedYuan(totalFen)} 元，履行日期 {chineseDay(promisedDate)}。
        </Text>
        <Text className='group-confirm__line'>绿色通道 {odr} 件：记录企业对全体的方案，每位消费者自己决定接受或不接受。</Text>
        <Text className='group-confirm__line'>消协调解 {working.length - odr} 件：{GROUP_MEDIATION_OUTCOME_LABELS[outcome]}。</Text>
        <Text className='group-confirm__text'>{text.trim()}</Text>
        <Text className='muted'>处于不适用阶段的投诉（如企业已答复、尚未调解、已移送其他组织）不会改动，提交后会列出原因。每位消费者都会在自己的投诉里看到“集体投诉统一处理”。</Text>
        <View className='group-form__buttons'>
          <Button className='btn btn-primary' disabled={sending || undefined} onClick={() => void send()}>
            {sending ? '正在提交…' : '确定提交'}
          </Button>
          <Button className='btn btn-plain' disabled={sending || undefined} onClick={() => setConfirming(false)}>返回修改</Button>
        </View>
      </View>
    )
  }

  return (
    <View className='group-form'>
      <Text className='section-title'>统一处理（全部成员）</Text>
      <Text className='muted'>一次写入每件未结束的投诉：绿色通道的记录为企业方案（消费者各自接受或不接受），消协调解的记录为调解情况或调解成功。每件用自己的金额。</Text>
      <Text className='group-form__label'>统一方案或调解情况</Text>
      <Textarea className='group-form__note' value={text} maxlength={ACTION_TEXT_MAX} placeholder='例如：经约谈，商家同意按每位消费者的预付余额退款' aria-label='统一方案或调解情况' onInput={(e) => setText(e.detail.value)} />
      <Text className='group-form__label'>履行日期（商家在哪天前做到）</Text>
      <Picker mode='date' value={promisedDate || chinaToday()} start={chinaToday()} onChange={(e) => setPromisedDate(String(e.detail.value))}>
        <View className='group-form__picker' aria-label='履行日期'>
          <Text>{promisedDate ? chineseDay(promisedDate) : '请选择日期'}</Text>
          <Text className='group-form__change'>选择</Text>
        </View>
      </Picker>
      <Text className='group-form__label'>消协调解的投诉记为</Text>
      <View className='group-form__choices'>
        {(Object.keys(GROUP_MEDIATION_OUTCOME_LABELS) as GroupMediationOutcome[]).map((key) => (
          <Button key={key} className={`group-choice ${outcome === key ? 'group-choice--on' : ''}`} aria-pressed={outcome === key} onClick={() => setOutcome(key)}>
            {outcome === key ? '✓ ' : ''}
            {GROUP_MEDIATION_OUTCOME_LABELS[key]}
          </Button>
        ))}
      </View>

      <Text className='group-form__label'>每件投诉的金额（元，已按消费者填写的金额填好，可以修改）</Text>
      <View className='group-amounts'>
        {group.members.map((member) => (
          <View key={member.complaintId} className='group-amounts__row'>
            <Text className='group-amounts__number'>{member.number}</Text>
            <Text className='group-amounts__status'>
              {HANDLING_PATH_LABELS[member.path as HandlingPath] ?? member.path} · {COMPLAINT_STATUS_LABELS[member.status as ComplaintStatus] ?? member.status}
            </Text>
            {open(member) ? (
              <View className='group-amounts__amount'>
                <DigitInput
                  decimal
                  className={`group-amounts__input ${amountProblems[member.complaintId] ? 'group-amounts__input--error' : ''}`}
                  value={amounts[member.complaintId] ?? ''}
                  aria-label={`${member.number} 的金额（元）`}
                  onChange={(value) => setAmounts((all) => ({ ...all, [member.complaintId]: value }))}
                />
                {amountProblems[member.complaintId] && <Text className='group-form__problem'>{amountProblems[member.complaintId]}</Text>}
              </View>
            ) : (
              <Text className='group-amounts__amount muted'>已结束，不处理</Text>
            )}
          </View>
        ))}
        <View className='group-amounts__row group-amounts__total'>
          <Text>合计（{working.length} 件未结束）</Text>
          <Text>{groupedYuan(totalFen)} 元</Text>
        </View>
      </View>

      {problem && <Text className='group-form__problem'>{problem}</Text>}
      {stale && <Button className='btn btn-secondary' onClick={onStale}>刷新集体投诉</Button>}
      <View className='group-form__buttons'>
        <Button className='btn btn-primary' onClick={check}>核对</Button>
        <Button className='btn btn-plain' onClick={onCancel}>取消</Button>
      </View>
    </View>
  )
}

/** What the action did: the cases it was applied to with their amounts, and the ones left with the reason. */
export function GroupActionOutcome({ result, onClose }: { result: GroupActionResult; onClose(): void }) {
  const labels = { odr_proposal: '已记录企业方案，等消费者答复', mediation_note: '已记录调解情况', mediation_succeeded: '已记为调解成功' } as const
  return (
    <View className='group-form' role='status'>
      <Text className='section-title'>统一处理完成：{result.applied.length} 件已处理{result.skipped.length ? `，${result.skipped.length} 件未处理` : ''}</Text>
      {result.applied.map((a) => (
        <View key={a.complaintId} className='group-amounts__row'>
          <Text className='group-amounts__number'>{result.group.members.find((m) => m.complaintId === a.complaintId)?.number}</Text>
          <Text className='group-amounts__status'>{labels[a.step]}</Text>
          <Text className='group-amounts__amount'>{groupedYuan(a.amountFen)} 元</Text>
        </View>
      ))}
      {result.skipped.length > 0 && <Text className='group-form__label'>未处理的投诉（没有改动）</Text>}
      {result.skipped.map((s) => (
        <View key={s.complaintId} className='group-amounts__row group-amounts__row--skipped'>
          <Text className='group-amounts__number'>{s.number}</Text>
          <Text className='group-amounts__reason'>{s.reason}</Text>
        </View>
      ))}
      <Button className='btn btn-secondary' onClick={onClose}>好的</Button>
    </View>
  )
}
