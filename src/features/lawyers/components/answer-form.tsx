import { useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import type { AnswerActionRequest, AnswerRequest } from '@/contract/lawyer-qa'
import { ANSWER_MAX, CITATIONS_MAX, NEXT_STEP_MAX, NEXT_STEPS_MAX } from '@/contract/lawyer-qa-rules'
import { QA_LAWS } from '@/contract/qa-laws'
import { WarningPicker, type PickedWarning } from './warning-picker'

/** The lawyer's answer: text, laws picked from the short list (tap to add or remove), next steps one per line. */
export function AnswerForm({ busy, problem, onSubmit }: { busy: boolean; problem: string; onSubmit: (answer: AnswerRequest) => void }) {
  const [text, setText] = useState('')
  const [citations, setCitations] = useState<string[]>([])
  const [steps, setSteps] = useState('')
  const [own, setOwn] = useState('')
  const [suggestComplaint, setSuggestComplaint] = useState(false)
  const [warning, setWarning] = useState<PickedWarning | null>(null)
  const toggle = (code: string) => setCitations((current) => (current.includes(code) ? current.filter((c) => c !== code) : current.length < CITATIONS_MAX ? [...current, code] : current))

  function submit() {
    if ([...text.trim()].length < 5) return setOwn('请写下解答（至少 5 个字）')
    const nextSteps = steps.split('\n').map((s) => s.trim()).filter(Boolean)
    if (nextSteps.length > NEXT_STEPS_MAX || nextSteps.some((s) => [...s].length > NEXT_STEP_MAX || [...s].length < 2)) return setOwn(`下一步最多 ${NEXT_STEPS_MAX} 条，每条 2–${NEXT_STEP_MAX} 字，一行一条`)
    setOwn('')
    const actions: AnswerActionRequest[] = [...(suggestComplaint ? [{ kind: 'complaint' as const }] : []), ...(warning ? [{ kind: 'warning' as const, warningId: warning.id }] : [])]
    onSubmit({ text: text.trim(), citations, nextSteps, actions })
  }

  return (
    <View className='qa-answer-form'>
      <Text className='qa-label'>解答</Text>
      <Textarea className='field-input qa-textarea' value={text} maxlength={ANSWER_MAX} autoHeight aria-label='解答' onInput={(e) => setText(e.detail.value)} />
      <Text className='qa-label'>法律依据（点选，可多选）</Text>
      <View className='qa-laws' role='group' aria-label='法律依据'>
        {QA_LAWS.map((law) => {
          const on = citations.includes(law.code)
          return (
            <View key={law.code} className={`qa-chip ${on ? 'qa-chip--on' : ''}`} role='button' aria-pressed={on} onClick={() => toggle(law.code)}>
              {on ? '✓ ' : ''}
              {law.law.replace(/《中华人民共和国|》/g, '')}
              {law.article}
              {!law.verified && '（待核实）'}
            </View>
          )
        })}
      </View>
      <Text className='qa-label'>建议下一步（一行一条，可不填）</Text>
      <Textarea className='field-input qa-textarea qa-textarea--small' value={steps} maxlength={NEXT_STEPS_MAX * (NEXT_STEP_MAX + 1)} autoHeight aria-label='建议下一步' placeholder={'保留付款凭证\n向消协投诉'} onInput={(e) => setSteps(e.detail.value)} />
      <Text className='qa-label'>可以直接去做的下一步（可不选）</Text>
      <View className={`qa-chip ${suggestComplaint ? 'qa-chip--on' : ''}`} role='button' aria-pressed={suggestComplaint} onClick={() => setSuggestComplaint((on) => !on)}>
        {suggestComplaint ? '✓ ' : ''}建议投诉：提问人点“一键投诉”即可带着问题和照片去投诉
      </View>
      <WarningPicker picked={warning} onPick={setWarning} />
      {(own || problem) && <Text className='field-error'>{own || problem}</Text>}
      <Button className='btn btn-primary' disabled={busy || undefined} onClick={submit}>
        {busy ? '正在提交…' : '提交解答'}
      </Button>
    </View>
  )
}
