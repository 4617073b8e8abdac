import { useCallback, useState } from 'react'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { VOLUNTEER_APPLICATION_STATUS_LABELS, VOLUNTEER_MOTIVATION_MAX } from '@/contract/field-report-rules'
import { PHONE_PATTERN } from '@/contract/rules'
import type { VolunteerApplication } from '@/contract/volunteer'
import { PageState } from '@/components/page-state'
import { getMe, LoginPrompt, useSessionStore } from '@/features/auth'
import { applyToVolunteer, getMyApplication } from '@/features/volunteer/api/applications'
import { errorMessage } from '@/lib/http'
import '@/features/volunteer/components/volunteer.css'

type Loaded = { state: 'loading' } | { state: 'failed'; problem: string } | { state: 'ready'; application: VolunteerApplication | null }

export default function ApplyPage() {
  const user = useSessionStore((s) => s.user)
  const setUser = useSessionStore((s) => s.setUser)
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' })
  const [name, setName] = useState('')
  const [region, setRegion] = useState('')
  const [phone, setPhone] = useState(user?.phone ?? '')
  const [motivation, setMotivation] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [sending, setSending] = useState(false)

  const load = useCallback(async () => {
    if (!useSessionStore.getState().accessToken) return
    try {
      const [application, me] = await Promise.all([getMyApplication(), getMe()])
      setUser(me)
      setLoaded({ state: 'ready', application })
    } catch (error) {
      setLoaded({ state: 'failed', problem: errorMessage(error) })
    }
  }, [setUser])
  useDidShow(() => void load())

  async function submit() {
    const found: Record<string, string> = {}
    if (!name.trim()) found.name = '请填写姓名'
    if (!region.trim()) found.region = '请填写所在地区'
    if (!PHONE_PATTERN.test(phone.trim())) found.phone = '请填写 11 位手机号'
    if (!motivation.trim()) found.motivation = '请简单说说为什么想当志愿者'
    setErrors(found)
    if (Object.keys(found).length) return
    setSending(true)
    try {
      const application = await applyToVolunteer({ name: name.trim(), region: region.trim(), phone: phone.trim(), motivation: motivation.trim() })
      setLoaded({ state: 'ready', application })
      // The short status card replaces the long form: show it from its top.
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
      void Taro.showToast({ title: '申请已提交', icon: 'success' })
    } catch (error) {
      void Taro.showModal({ title: '提交失败', content: errorMessage(error), showCancel: false })
    } finally {
      setSending(false)
    }
  }

  if (!user) return <View className='page'><LoginPrompt reason='登录后可以申请成为维权志愿者' /></View>
  if (user.role === 'volunteer') {
    return (
      <View className='page'>
        <View className='card'>
          <Text className='report-card__title'>您已是维权志愿者</Text>
          <Text className='muted'>可以在工作台上报走访中发现的问题</Text>
        </View>
        <Button className='btn btn-primary' onClick={() => void Taro.redirectTo({ url: '/packages/volunteer/pages/workspace/index' })}>
          进入志愿者工作台
        </Button>
      </View>
    )
  }
  if (loaded.state === 'loading') return <View className='page'><PageState kind='loading' /></View>
  if (loaded.state === 'failed') return <View className='page'><View className='card'><PageState kind='error' description={loaded.problem} onRetry={() => void load()} /></View></View>

  const application = loaded.application
  if (application?.status === 'pending') {
    return (
      <View className='page'>
        <View className='card'>
          <Text className='report-card__title'>申请{VOLUNTEER_APPLICATION_STATUS_LABELS.pending}</Text>
          <Text className='report-card__line'>{application.name} · {application.region}</Text>
          <Text className='muted'>消协工作人员审核后会通知您，通过后“我的”页会出现志愿者工作台</Text>
        </View>
      </View>
    )
  }
  return (
    <View className='page'>
      {application && (
        <View className='card'>
          <Text className='report-card__title'>上次申请{VOLUNTEER_APPLICATION_STATUS_LABELS[application.status]}</Text>
          {application.decisionNote && <Text className='report-card__line'>说明：{application.decisionNote}</Text>}
          <Text className='muted'>您可以重新申请</Text>
        </View>
      )}
      <View className='card'>
        <Text className='muted'>维权志愿者在市场、商店、村镇走访，把看到的消费问题拍照上报给消协。</Text>
      </View>
      <View className='card'>
        <View className='field'>
          <Text className='field-label'>姓名</Text>
          <Input className='field-input' aria-label='姓名' value={name} maxlength={30} onInput={(e) => setName(e.detail.value)} />
          {errors.name && <Text className='field-error'>{errors.name}</Text>}
        </View>
        <View className='field'>
          <Text className='field-label'>所在地区</Text>
          <Input className='field-input' aria-label='所在地区' value={region} maxlength={60} placeholder='如：内蒙古/锡林郭勒盟' onInput={(e) => setRegion(e.detail.value)} />
          {errors.region && <Text className='field-error'>{errors.region}</Text>}
        </View>
        <View className='field'>
          <Text className='field-label'>手机号</Text>
          <Input className='field-input' aria-label='手机号' type='number' value={phone} maxlength={11} onInput={(e) => setPhone(e.detail.value)} />
          {errors.phone && <Text className='field-error'>{errors.phone}</Text>}
        </View>
        <View className='field'>
          <Text className='field-label'>为什么想当志愿者</Text>
          <Textarea className='report-notes' aria-label='申请理由' value={motivation} maxlength={VOLUNTEER_MOTIVATION_MAX} onInput={(e) => setMotivation(e.detail.value)} />
          {errors.motivation && <Text className='field-error'>{errors.motivation}</Text>}
        </View>
      </View>
      <Button className='btn btn-primary' loading={sending || undefined} disabled={sending || undefined} onClick={() => void submit()}>
        提交申请
      </Button>
    </View>
  )
}
