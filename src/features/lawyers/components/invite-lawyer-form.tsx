import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import type { Lawyer } from '@/contract/lawyer-qa'
import { LICENCE_PATTERN } from '@/contract/lawyer-qa-rules'
import { PHONE_PATTERN } from '@/contract/rules'
import { errorMessage } from '@/lib/http'
import { inviteLawyer } from '../api/lawyer-qa'

const FIELDS = [
  { key: 'phone', label: '手机号', type: 'number', max: 11 },
  { key: 'name', label: '姓名', type: 'text', max: 20 },
  { key: 'firm', label: '律师事务所', type: 'text', max: 60 },
  { key: 'licenceNo', label: '执业证号（17 位数字）', type: 'number', max: 17 },
] as const
type Draft = Record<(typeof FIELDS)[number]['key'], string>

/** 邀请律师: phone, name, firm and licence number, checked here first with the server's own rules. */
export function InviteLawyerForm({ onDone }: { onDone: (lawyer: Lawyer | null) => void }) {
  const [draft, setDraft] = useState<Draft>({ phone: '', name: '', firm: '', licenceNo: '' })
  const [problem, setProblem] = useState('')
  const [busy, setBusy] = useState(false)
  async function save() {
    const body = { phone: draft.phone.trim(), name: draft.name.trim(), firm: draft.firm.trim(), licenceNo: draft.licenceNo.trim() }
    if (!PHONE_PATTERN.test(body.phone)) return setProblem('请输入 11 位手机号')
    if (!body.name) return setProblem('请填写姓名')
    if ([...body.firm].length < 2) return setProblem('请填写律师事务所')
    if (!LICENCE_PATTERN.test(body.licenceNo)) return setProblem('执业证号是 17 位数字，请核对律师执业证')
    setBusy(true)
    setProblem('')
    try {
      onDone(await inviteLawyer(body))
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card qa'>
      <Text className='section-title'>邀请律师加入律师团</Text>
      {FIELDS.map((field) => (
        <View key={field.key} className='field'>
          <Text className='field-label'>{field.label}</Text>
          <Input className='field-input' type={field.type} maxlength={field.max} value={draft[field.key]} aria-label={field.label} onInput={(e) => setDraft({ ...draft, [field.key]: e.detail.value })} />
        </View>
      ))}
      {problem && <Text className='field-error'>{problem}</Text>}
      <Button className='btn btn-primary' disabled={busy || undefined} onClick={() => void save()}>{busy ? '正在保存…' : '邀请'}</Button>
      <Button className='btn btn-plain' onClick={() => onDone(null)}>取消</Button>
    </View>
  )
}
