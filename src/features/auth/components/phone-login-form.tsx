import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { DigitInput } from '@/components/digit-input'
import { phoneError, SMS_CODE_LENGTH, smsCodeError } from '@/contract/rules'
import { ApiRequestError, errorMessage } from '@/lib/http'
import { loginWithPhone } from '../api/login-with-phone'
import { requestSmsCode } from '../api/request-sms-code'
import { useSessionStore } from '../stores/use-session-store'
import { useCountdown } from './use-countdown'

interface Props {
  /** `deletionCancelled`: this login cancelled the account's pending deletion. */
  onSignedIn(deletionCancelled: boolean): void
}

export function PhoneLoginForm({ onSignedIn }: Props) {
  const signIn = useSessionStore((s) => s.signIn)
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  const [errors, setErrors] = useState<{ phone?: string | null; code?: string | null }>({})
  const [sending, setSending] = useState(false)
  const [submitting, setSubmitting] = useState(false)
  const { secondsLeft, start } = useCountdown()

  async function sendCode() {
    const problem = phoneError(phone)
    setErrors((e) => ({ ...e, phone: problem }))
    if (problem || sending) return
    setSending(true)
    try {
      const result = await requestSmsCode({ phone: phone.trim() })
      start(result.resendAfterSeconds)
      void Taro.showToast({ title: '验证码已发送', icon: 'success' })
    } catch (error) {
      setErrors((e) => ({ ...e, phone: errorMessage(error) }))
    } finally {
      setSending(false)
    }
  }

  async function submit() {
    const problems = { phone: phoneError(phone), code: smsCodeError(code) }
    setErrors(problems)
    if (problems.phone || problems.code || submitting) return
    setSubmitting(true)
    try {
      const session = await loginWithPhone({ phone: phone.trim(), code: code.trim() })
      signIn(session)
      onSignedIn(session.deletionCancelled === true)
    } catch (error) {
      const field = error instanceof ApiRequestError && error.code === 'SMS_CODE_INVALID' ? 'code' : 'phone'
      setErrors({ [field]: errorMessage(error) })
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <View className='phone-login'>
      <View className='field'>
        <Text className='field-label'>手机号</Text>
        <DigitInput
          className={`field-input ${errors.phone ? 'field-input-error' : ''}`}
          maxlength={11}
          placeholder='11 位手机号'
          value={phone}
          onChange={setPhone}
          aria-label='手机号'
        />
        {errors.phone && <Text className='field-error'>{errors.phone}</Text>}
      </View>
      <View className='field'>
        <Text className='field-label'>验证码</Text>
        <View className='row'>
          <Input
            className={`field-input phone-login__code ${errors.code ? 'field-input-error' : ''}`}
            type='number'
            maxlength={SMS_CODE_LENGTH}
            placeholder='6 位数字'
            value={code}
            onInput={(e) => setCode(e.detail.value)}
            aria-label='验证码'
          />
          <Button className='btn btn-secondary phone-login__send' disabled={sending || secondsLeft > 0 || undefined} onClick={sendCode}>
            {secondsLeft > 0 ? `${waitText(secondsLeft)}后重发` : sending ? '发送中…' : '获取验证码'}
          </Button>
        </View>
        {errors.code && <Text className='field-error'>{errors.code}</Text>}
      </View>
      {/* NOTE: `disabled={false}` renders as disabled="false" on H5, which CSS treats as disabled: pass undefined. */}
      <Button className='btn btn-primary' disabled={submitting || undefined} onClick={submit}>
        {submitting ? '正在登录…' : '登录'}
      </Button>
    </View>
  )
}

/** Past the daily cap the wait is an hour: say minutes, not thousands of seconds. */
const waitText = (seconds: number) => (seconds > 120 ? `${Math.ceil(seconds / 60)} 分钟` : `${seconds} 秒`)
