import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import { phoneError, smsCodeError } from '@/contract/rules'
import { PERSON_NAME_MAX, type WalkIn } from '@/contract/walk-in'
import { DigitInput } from '@/components/digit-input'
import { errorMessage } from '@/lib/http'
import { confirmWalkIn, startWalkIn } from '../api/walk-in'

/** Step 1: the person's phone and name; sends their phone the consent code. */
export function PhoneStep({ onSent }: { onSent(walkIn: WalkIn): void }) {
  const [phone, setPhone] = useState('')
  const [name, setName] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [sending, setSending] = useState(false)

  async function send() {
    const wrong = phoneError(phone) ?? (name.trim() ? null : '请填写投诉人的姓名或称呼')
    if (wrong) return setProblem(wrong)
    setProblem(null)
    setSending(true)
    try {
      onSent(await startWalkIn({ phone, personName: name.trim() }))
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setSending(false)
    }
  }

  return (
    <View className='card walk-in__step'>
      <View className='field'>
        <Text className='field-label'>投诉人的手机号</Text>
        <DigitInput className='field-input' value={phone} onChange={setPhone} maxlength={11} placeholder='11 位手机号' aria-label='投诉人的手机号' />
      </View>
      <View className='field'>
        <Text className='field-label'>投诉人姓名或称呼</Text>
        <Input className='field-input' value={name} maxlength={PERSON_NAME_MAX} placeholder='如 王大爷' onInput={(e) => setName(e.detail.value)} aria-label='投诉人姓名或称呼' />
      </View>
      <Text className='muted walk-in__hint'>验证码会发到投诉人本人的手机上，请投诉人看到后读给您听，表示同意由本站代办投诉。</Text>
      {problem && (
        <View role='alert'>
          <Text className='field-error'>{problem}</Text>
        </View>
      )}
      <Button className='btn btn-primary' loading={sending || undefined} disabled={sending || undefined} onClick={send}>
        发送验证码
      </Button>
    </View>
  )
}

/** Step 2: the person reads the code out; the operator types it in. */
export function CodeStep({ walkIn, onConfirmed, onRestart }: { walkIn: WalkIn; onConfirmed(walkIn: WalkIn): void; onRestart(): void }) {
  const [code, setCode] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [checking, setChecking] = useState(false)

  async function confirm() {
    const wrong = smsCodeError(code)
    if (wrong) return setProblem(wrong)
    setProblem(null)
    setChecking(true)
    try {
      onConfirmed(await confirmWalkIn(walkIn.id, code))
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setChecking(false)
    }
  }

  return (
    <View className='card walk-in__step'>
      <Text className='walk-in__lead'>
        验证码已发到 {walkIn.phone}（{walkIn.personName}）。请投诉人把短信里的 6 位数字读给您。
      </Text>
      <View className='field'>
        <Text className='field-label'>投诉人读出的验证码</Text>
        <DigitInput className='field-input walk-in__code' value={code} onChange={setCode} maxlength={6} placeholder='6 位数字' aria-label='投诉人读出的验证码' />
      </View>
      {problem && (
        <View role='alert'>
          <Text className='field-error'>{problem}</Text>
        </View>
      )}
      <Button className='btn btn-primary' loading={checking || undefined} disabled={checking || undefined} onClick={confirm}>
        确认同意代办
      </Button>
      <Button className='btn btn-plain walk-in__secondary' onClick={onRestart}>
        没收到，重新填写手机号
      </Button>
    </View>
  )
}
