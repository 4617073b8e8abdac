import './deletion.css'
import { useCallback, useEffect, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { AccountDeletionStatus } from '@/contract/account-deletion'
import { maskPhone, SMS_CODE_LENGTH, smsCodeError } from '@/contract/rules'
import { PageState } from '@/components/page-state'
import { errorMessage } from '@/lib/http'
import { useCountdown } from '../components/use-countdown'
import { useSessionStore } from '../stores/use-session-store'
import { cancelDeletion, getDeletionStatus, requestDeletion, sendDeletionCode } from './account-deletion-api'
import { chinaWhen, deletionConsequences } from './deletion-texts'

/** 注销账号: what happens, confirmed with an SMS code; while pending, when it completes and 撤销注销. */
export function DeletionView() {
  const phone = useSessionStore((s) => s.user?.phone ?? null)
  const [status, setStatus] = useState<AccountDeletionStatus | null>(null)
  const [phase, setPhase] = useState<'loading' | 'ready' | 'error'>('loading')
  const [problem, setProblem] = useState('')

  const load = useCallback(async () => {
    setPhase('loading')
    try {
      setStatus(await getDeletionStatus())
      setPhase('ready')
    } catch (error) {
      setProblem(errorMessage(error))
      setPhase('error')
    }
  }, [])
  useEffect(() => void load(), [load])

  if (phase === 'loading') return <PageState kind='loading' />
  if (phase === 'error' || !status) return <PageState kind='error' description={problem} onRetry={() => void load()} />
  if (!status.allowed) {
    return <PageState kind='empty' title='请联系消协管理员' description='消协工作人员和企业联络员的账号属于所在单位，由消协管理员停用或注销。' />
  }
  if (status.request?.status === 'pending') return <PendingDeletion status={status} onChange={setStatus} />
  return <DeletionForm status={status} phone={phone} onChange={setStatus} />
}

function PendingDeletion({ status, onChange }: { status: AccountDeletionStatus; onChange(status: AccountDeletionStatus): void }) {
  const request = status.request!
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState('')
  async function cancel() {
    setBusy(true)
    setProblem('')
    try {
      onChange(await cancelDeletion())
      void Taro.showToast({ title: '已撤销注销', icon: 'success' })
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='deletion'>
      <View className='card deletion__pending' role='status'>
        <Text className='section-title'>注销申请已提交</Text>
        <Text className='deletion__line'>提交时间：{chinaWhen(request.requestedAt)}</Text>
        <Text className='deletion__line deletion__strong'>冷静期到 {chinaWhen(request.coolOffEndsAt)}</Text>
        <Text className='deletion__line'>在此之前重新登录或点下面的“撤销注销”，账号和数据都保持不变。</Text>
        <Text className='deletion__line'>冷静期结束后自动注销，最迟 {chinaWhen(request.dueAt, false)} 完成，完成时发短信通知您。</Text>
      </View>
      <Button className='btn btn-primary' disabled={busy || undefined} onClick={cancel}>
        {busy ? '正在撤销…' : '撤销注销'}
      </Button>
      {problem && <Text className='field-error'>{problem}</Text>}
    </View>
  )
}

function DeletionForm({ status, phone, onChange }: { status: AccountDeletionStatus; phone: string | null; onChange(status: AccountDeletionStatus): void }) {
  const [code, setCode] = useState('')
  const [codeProblem, setCodeProblem] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const [submitting, setSubmitting] = useState(false)
  const { secondsLeft, start } = useCountdown()
  const last = status.request

  async function sendCode() {
    if (sending) return
    setSending(true)
    setCodeProblem(null)
    try {
      start((await sendDeletionCode()).resendAfterSeconds)
      void Taro.showToast({ title: '验证码已发送', icon: 'success' })
    } catch (error) {
      setCodeProblem(errorMessage(error))
    } finally {
      setSending(false)
    }
  }

  async function submit() {
    const wrong = smsCodeError(code)
    setCodeProblem(wrong)
    if (wrong || submitting) return
    const { confirm } = await Taro.showModal({
      title: '确定注销账号吗？',
      content: `冷静期 ${status.coolOffDays} 天内重新登录或撤销即可取消；之后账号将被注销，不能恢复。`,
      confirmText: '确定注销',
      cancelText: '再想想',
      confirmColor: '#b71c1c',
    })
    if (!confirm) return
    setSubmitting(true)
    try {
      onChange(await requestDeletion({ code: code.trim() }))
      setCode('')
      // The confirmation sits at the bottom of a long page: show the new state from its top.
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
    } catch (error) {
      setCodeProblem(errorMessage(error))
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <View className='deletion'>
      {last?.status === 'cancelled' && last.cancelledAt && (
        <View className='card deletion__notice' role='status'>
          <Text className='deletion__line'>
            您的上一次注销申请已于 {chinaWhen(last.cancelledAt)} {last.cancelledBy === 'login' ? '因重新登录自动撤销' : '撤销'}，账号和数据都保持不变。
          </Text>
        </View>
      )}
      <View className='card'>
        <Text className='section-title'>注销前请了解</Text>
        {deletionConsequences(status).map((item) => (
          <View key={item.title} className='deletion__group'>
            <Text className='deletion__group-title'>{item.title}</Text>
            {item.lines.map((line) => (
              <Text key={line} className='deletion__line deletion__bullet'>
                {line}
              </Text>
            ))}
          </View>
        ))}
      </View>

      {status.hasPhone && phone ? (
        <View className='card'>
          <Text className='section-title'>用短信验证码确认</Text>
          <Text className='deletion__line'>验证码将发送到 {maskPhone(phone)}</Text>
          <View className='field'>
            <Text className='field-label'>验证码</Text>
            <View className='deletion__code-row'>
              <Input
                className={`field-input deletion__code ${codeProblem ? 'field-input-error' : ''}`}
                type='number'
                maxlength={SMS_CODE_LENGTH}
                placeholder='6 位数字'
                value={code}
                onInput={(e) => setCode(e.detail.value)}
                aria-label='注销验证码'
              />
              <Button className='btn btn-secondary deletion__send' disabled={sending || secondsLeft > 0 || undefined} onClick={sendCode}>
                {secondsLeft > 0 ? `${secondsLeft} 秒后重发` : sending ? '发送中…' : '获取验证码'}
              </Button>
            </View>
            {codeProblem && <Text className='field-error'>{codeProblem}</Text>}
          </View>
          <Button className='btn btn-primary deletion__confirm' disabled={submitting || undefined} onClick={submit}>
            {submitting ? '正在提交…' : '确认注销'}
          </Button>
        </View>
      ) : (
        <View className='card'>
          <Text className='deletion__line'>您的账号没有绑定手机号，无法接收验证码。请联系当地消费者协会注销账号。</Text>
        </View>
      )}
    </View>
  )
}
