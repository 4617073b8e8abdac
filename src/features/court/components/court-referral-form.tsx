import { useState } from 'react'
import { Button, Input, Picker, Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { COURT_CASE_NUMBER, COURT_CASE_NUMBER_EXAMPLE, normalizeCourtCaseNumber, type CourtHandOff } from '@/contract/court'
import { registerCourtReferral } from '../api/court-api'

/** Staff: the court's referral letter copied in — court, case number, date received, the court's deadline. */
export function CourtReferralForm({ complaintId, onDone, onCancel }: { complaintId: string; onDone(handOff: CourtHandOff): void; onCancel(): void }) {
  const today = dayjs().format('YYYY-MM-DD')
  const [courtName, setCourtName] = useState('')
  const [caseNumber, setCaseNumber] = useState('')
  const [receivedOn, setReceivedOn] = useState(today)
  const [deadline, setDeadline] = useState('')
  const [saving, setSaving] = useState(false)
  const [problem, setProblem] = useState('')

  const numberOk = COURT_CASE_NUMBER.test(normalizeCourtCaseNumber(caseNumber))
  const ready = courtName.trim().length >= 4 && numberOk && deadline !== ''

  const save = async () => {
    setSaving(true)
    setProblem('')
    try {
      onDone(await registerCourtReferral(complaintId, { courtName: courtName.trim(), courtCaseNumber: normalizeCourtCaseNumber(caseNumber), receivedOn, courtDeadline: deadline }))
    } catch (error) {
      setProblem(error instanceof Error ? error.message : '没有登记成功，请稍后重试')
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='court-form'>
      <Text className='muted court-card__note'>按法院的委托函填写。登记后本案显示法院确定的期限。</Text>
      <Text className='field-label'>委托法院</Text>
      <Input className='field-input' value={courtName} placeholder='如 杭州市西湖区人民法院' maxlength={60} onInput={(e) => setCourtName(e.detail.value)} aria-label='委托法院' />
      <Text className='field-label'>法院案号</Text>
      <Input className='field-input' value={caseNumber} placeholder={COURT_CASE_NUMBER_EXAMPLE} maxlength={40} onInput={(e) => setCaseNumber(e.detail.value)} aria-label='法院案号' />
      {caseNumber !== '' && !numberOk && <Text className='court-form__hint'>案号应像 {COURT_CASE_NUMBER_EXAMPLE} 这样，含“民诉前调”</Text>}
      <Text className='field-label'>收到委托的日期</Text>
      <Picker mode='date' value={receivedOn} end={today} onChange={(e) => setReceivedOn(e.detail.value)}>
        <View className='field-input court-form__choice' role='button' aria-label={`收到委托的日期 ${receivedOn}`}>
          <Text>{receivedOn}</Text>
        </View>
      </Picker>
      <Text className='field-label'>法院确定的调解期限</Text>
      <Picker mode='date' value={deadline || today} start={receivedOn} onChange={(e) => setDeadline(e.detail.value)}>
        <View className='field-input court-form__choice' role='button' aria-label={`法院确定的调解期限 ${deadline || '请选择日期'}`}>
          <Text>{deadline || '请选择日期'}</Text>
        </View>
      </Picker>
      {problem && (
        <View role='alert' className='court-card__error'>
          <Text>{problem}</Text>
        </View>
      )}
      <Button className='btn btn-primary' disabled={!ready || saving || undefined} loading={saving || undefined} onClick={() => void save()}>
        登记法院委托
      </Button>
      <Button className='btn btn-secondary' onClick={onCancel}>
        取消
      </Button>
    </View>
  )
}
