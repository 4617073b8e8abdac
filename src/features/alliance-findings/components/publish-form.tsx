import { useState } from 'react'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { FINDING_COUNT_MAX, FINDING_PATTERN_MAX, type AllianceFinding, type PublishFindingRequest } from '@/contract/alliance-finding'
import { BUSINESS_NAME_MAX, REGION_MAX, yuanToFen } from '@/contract/complaint-rules'
import { errorMessage } from '@/lib/http'
import { publishFinding } from '../api/alliance-findings'

interface Draft {
  name: string
  region: string
  pattern: string
  count: string
  amount: string
}
const EMPTY: Draft = { name: '', region: '', pattern: '', count: '', amount: '' }

/** What is wrong with the draft, in words, or the request to send. */
function check(draft: Draft): string | PublishFindingRequest {
  if (!draft.name.trim()) return '请写商家名称'
  if (!draft.pattern.trim()) return '请写发现的问题'
  const count = Number(draft.count)
  if (!/^\d+$/.test(draft.count.trim()) || count < 1 || count > FINDING_COUNT_MAX) return '请填写相关投诉件数（1 件以上的整数）'
  const amountFen = draft.amount.trim() ? yuanToFen(draft.amount) : undefined
  if (amountFen === null) return '涉及金额请填写数字，例如 1280 或 1280.50'
  return {
    business: { name: draft.name.trim(), ...(draft.region.trim() ? { region: draft.region.trim() } : {}) },
    pattern: draft.pattern.trim(),
    complaintCount: count,
    ...(amountFen !== undefined ? { amountFen } : {}),
  }
}

/** 发布新发现: the form, then a confirmation (every member's staff will read it; it cannot be taken back). */
export function PublishForm({ allianceId, allianceName, onPublished, onCancel }: { allianceId: string; allianceName: string; onPublished(finding: AllianceFinding): void; onCancel(): void }) {
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [problem, setProblem] = useState('')
  const [sending, setSending] = useState(false)
  const set = (field: keyof Draft) => (e: { detail: { value: string } }) => setDraft((d) => ({ ...d, [field]: e.detail.value }))

  async function submit() {
    const request = check(draft)
    if (typeof request === 'string') return setProblem(request)
    setProblem('')
    const { confirm } = await Taro.showModal({
      title: '发布到联盟？',
      content: `发布后「${allianceName}」所有成员组织的工作人员都能看到，发布后不能撤回。`,
      confirmText: '确定发布',
      cancelText: '再看看',
    })
    if (!confirm) return
    setSending(true)
    try {
      onPublished(await publishFinding(allianceId, request))
      setDraft(EMPTY)
      void Taro.showToast({ title: '已发布', icon: 'success' })
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setSending(false)
    }
  }

  return (
    <View className='card action-form findings-form'>
      <Text className='section-title'>发布新发现</Text>
      <Text className='findings-form__label'>商家名称</Text>
      <Input className='field-input' maxlength={BUSINESS_NAME_MAX} placeholder='与企业名录一致时自动识别' value={draft.name} aria-label='商家名称' onInput={set('name')} />
      <Text className='findings-form__label'>所在地区（省/市/区，不在企业名录里的必填）</Text>
      <Input className='field-input' maxlength={REGION_MAX} placeholder='例如：浙江省/杭州市/西湖区' value={draft.region} aria-label='所在地区' onInput={set('region')} />
      <Text className='findings-form__label'>发现的问题</Text>
      <Textarea className='findings-form__pattern' maxlength={FINDING_PATTERN_MAX} placeholder='手法、时间、范围，例如：推销储值卡后关店，余额不退' value={draft.pattern} aria-label='发现的问题' onInput={set('pattern')} />
      <Text className='findings-form__label'>相关投诉件数</Text>
      <Input className='field-input' type='number' maxlength={6} placeholder='例如：7' value={draft.count} aria-label='相关投诉件数' onInput={set('count')} />
      <Text className='findings-form__label'>涉及金额（元，可不填）</Text>
      <Input className='field-input' type='digit' maxlength={12} placeholder='例如：6900' value={draft.amount} aria-label='涉及金额（元）' onInput={set('amount')} />
      {problem && (
        <View role='alert'>
          <Text className='field-error'>{problem}</Text>
        </View>
      )}
      <View className='action-form__buttons'>
        <Button className='btn btn-primary' disabled={sending || undefined} onClick={() => void submit()}>
          {sending ? '正在发布…' : '发布到联盟'}
        </Button>
        <Button className='btn btn-plain' disabled={sending || undefined} onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  )
}
