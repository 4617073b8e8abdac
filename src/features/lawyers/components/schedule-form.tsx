import { useState } from 'react'
import { Button, Input, Picker, Text, View } from '@tarojs/components'
import type { QaSession, SessionLawyer } from '@/contract/lawyer-qa'
import { THEME_MAX } from '@/contract/lawyer-qa-rules'
import { errorMessage } from '@/lib/http'
import { scheduleSession, updateSession } from '../api/lawyer-qa'

/** China time (UTC+8, no daylight saving) of a date and a time picked on the form. */
const chinaInstant = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString()
const chinaNow = () => new Date(Date.now() + 8 * 3600_000).toISOString()
/** The China date and HH:MM of an instant. */
const chinaParts = (iso: string) => {
  const china = new Date(Date.parse(iso) + 8 * 3600_000).toISOString()
  return { date: china.slice(0, 10), time: china.slice(11, 16) }
}
const pad = (n: number) => String(n).padStart(2, '0')
/** Starting this hour and lasting two (to 23:59 at the latest): a session scheduled now is open now. */
function defaultHours(): [string, string] {
  const hour = Number(chinaNow().slice(11, 13))
  return [`${pad(hour)}:00`, hour >= 22 ? '23:59' : `${pad(hour + 2)}:00`]
}

/**
 * 安排新一期: number, theme, the day with start and end time (China time), the lawyers on duty.
 * With `editing`, the same form changes that session before it ends (its number stays): it starts
 * from what the session has now and sends the version it was opened with, so an edit made by someone
 * else meanwhile is refused (刷新后再改) instead of overwritten.
 */
export function ScheduleForm({ lawyers, editing, onDone }: { lawyers: readonly SessionLawyer[]; editing?: QaSession; onDone: (session: QaSession | null) => void }) {
  const [number, setNumber] = useState(editing ? String(editing.number) : '')
  const [theme, setTheme] = useState(editing?.theme ?? '')
  const [date, setDate] = useState(editing ? chinaParts(editing.startsAt).date : chinaNow().slice(0, 10))
  const [start, setStart] = useState(() => (editing ? chinaParts(editing.startsAt).time : defaultHours()[0]))
  const [end, setEnd] = useState(() => (editing ? chinaParts(editing.endsAt).time : defaultHours()[1]))
  const [onDuty, setOnDuty] = useState<string[]>(editing ? editing.lawyers.map((l) => l.id) : [])
  // Lawyers already on duty stay pickable even if they come from a team above this organization's.
  const choices = [...lawyers, ...(editing?.lawyers ?? []).filter((l) => !lawyers.some((x) => x.id === l.id))]
  const [problem, setProblem] = useState('')
  const [busy, setBusy] = useState(false)
  const toggle = (id: string) => setOnDuty((current) => (current.includes(id) ? current.filter((x) => x !== id) : [...current, id]))

  async function save() {
    const n = Number(number)
    if (!/^\d{1,6}$/.test(number) || n < 1) return setProblem('请填写期数，例如 97')
    if ([...theme.trim()].length < 2) return setProblem('请填写本期主题')
    if (end <= start) return setProblem('结束时间要晚于开始时间')
    if (onDuty.length === 0) return setProblem('请至少选一位值班律师')
    setBusy(true)
    setProblem('')
    try {
      const when = { theme: theme.trim(), startsAt: chinaInstant(date, start), endsAt: chinaInstant(date, end), lawyerIds: onDuty }
      onDone(editing ? await updateSession(editing.id, { version: editing.version, ...when }) : await scheduleSession({ number: n, ...when }))
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card qa'>
      <Text className='section-title'>{editing ? `修改${editing.title}` : '安排新一期律师答疑'}</Text>
      {editing ? (
        <View className='field'>
          <Text className='muted'>期数不能改。改好后，提问的人和值班律师看到的都是新的主题、时间和律师。</Text>
        </View>
      ) : (
        <View className='field'>
          <Text className='field-label'>期数（第几期）</Text>
          <Input className='field-input' type='number' maxlength={6} value={number} aria-label='期数（第几期）' onInput={(e) => setNumber(e.detail.value)} />
        </View>
      )}
      <View className='field'>
        <Text className='field-label'>本期主题</Text>
        <Input className='field-input' maxlength={THEME_MAX} value={theme} placeholder='例如：预付卡退费' aria-label='本期主题' onInput={(e) => setTheme(e.detail.value)} />
      </View>
      {(
        [
          ['日期', 'date', date, setDate],
          ['开始时间', 'time', start, setStart],
          ['结束时间（之前都可以提问）', 'time', end, setEnd],
        ] as const
      ).map(([label, mode, value, set]) => (
        <View key={label} className='field'>
          <Text className='field-label'>{label}</Text>
          <Picker mode={mode} value={value} onChange={(e) => set(String(e.detail.value))}>
            <View className='field-input qa-picker' aria-label={label}>
              <Text>{value}</Text>
              <Text className='qa-picker__change'>选择</Text>
            </View>
          </Picker>
        </View>
      ))}
      <Text className='field-label'>值班律师（点选）</Text>
      {choices.length === 0 ? (
        <Text className='muted'>律师团还没有在职的律师，请先邀请律师。</Text>
      ) : (
        <View className='qa-laws' role='group' aria-label='值班律师'>
          {choices.map((lawyer) => {
            const on = onDuty.includes(lawyer.id)
            return (
              <View key={lawyer.id} className={`qa-chip ${on ? 'qa-chip--on' : ''}`} role='button' aria-pressed={on} onClick={() => toggle(lawyer.id)}>
                {on ? '✓ ' : ''}
                {lawyer.name}（{lawyer.firm}）
              </View>
            )
          })}
        </View>
      )}
      {problem && <Text className='field-error'>{problem}</Text>}
      <Button className='btn btn-primary' disabled={busy || undefined} onClick={() => void save()}>{busy ? '正在保存…' : editing ? '保存修改' : '安排这一期'}</Button>
      <Button className='btn btn-plain' onClick={() => onDone(null)}>取消</Button>
    </View>
  )
}
