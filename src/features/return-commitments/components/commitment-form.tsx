import { useState } from 'react'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import { CONDITIONS_MAX, EXCLUSION_NOTE_MAX, RETURN_EXCLUSION_LABELS, RETURN_EXCLUSIONS, STORE_ADDRESS_MAX, STORE_NAME_MAX, type ReturnCommitment, type ReturnExclusion } from '@/contract/return-commitment'
import { errorMessage } from '@/lib/http'
import { signCommitment } from '../api/return-commitments'
import { DAY_CHOICES, emptyForm, formProblem, toRequest, type Form } from './commitment-draft'
import { LawNote } from './law-note'
import { TermsView } from './terms-view'

/** Signing in two steps: fill in the terms, then read all of them and confirm (the signing is public). */
export function CommitmentForm({ onSigned }: { onSigned: (commitment: ReturnCommitment) => void }) {
  const [form, setForm] = useState<Form>(emptyForm)
  const [confirming, setConfirming] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (change: Partial<Form>) => setForm((f) => ({ ...f, ...change }))
  const toggle = (code: ReturnExclusion) => set({ exclusions: form.exclusions.includes(code) ? form.exclusions.filter((c) => c !== code) : [...form.exclusions, code] })

  function review() {
    const wrong = formProblem(form)
    setProblem(wrong)
    if (!wrong) setConfirming(true)
  }

  async function sign() {
    setBusy(true)
    setProblem(null)
    try {
      onSigned(await signCommitment(toRequest(form)))
      setForm(emptyForm())
      setConfirming(false)
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  if (confirming) {
    const request = toRequest(form)
    return (
      <View className='card rc-confirm' aria-label='确认承诺条款'>
        <Text className='section-title'>请确认承诺的全部条款</Text>
        <Text className='rc-line rc-line--strong'>{request.storeName}</Text>
        <Text className='rc-line'>
          {request.region} {request.storeAddress}
        </Text>
        <TermsView terms={{ days: request.days, conditions: request.conditions, exclusions: request.exclusions, exclusionNote: request.exclusionNote ?? null, startsOn: request.startsOn }} />
        <Text className='rc-warning'>签署后，门店会以“线下无理由退货承诺店”公开显示；消费者按这些条款退货被拒绝，可以一键投诉，消协优先处理。经核实多次拒绝的，消协可以撤销标识并公开原因。</Text>
        {problem && (
          <View role='alert'>
          <Text className='field-error'>{problem}</Text>
        </View>
        )}
        <View className='rc-actions'>
          <Button className='btn btn-primary rc-action' loading={busy || undefined} disabled={busy || undefined} onClick={() => void sign()}>
            确认签署
          </Button>
          <Button className='btn btn-plain rc-action' disabled={busy || undefined} onClick={() => setConfirming(false)}>
            返回修改
          </Button>
        </View>
      </View>
    )
  }

  return (
    <View className='card rc-form'>
      <Text className='section-title'>签署线下无理由退货承诺</Text>
      <LawNote />
      <Text className='rc-label'>门店名称（整个企业签署时填企业名称）</Text>
      <Input className='field-input' value={form.storeName} maxlength={STORE_NAME_MAX} aria-label='门店名称' placeholder='如 示例优选超市西湖店' onInput={(e) => set({ storeName: e.detail.value })} />
      <Text className='rc-label'>所在地区</Text>
      <Input className='field-input' value={form.region} maxlength={60} aria-label='所在地区' placeholder='如 浙江省/杭州市/西湖区' onInput={(e) => set({ region: e.detail.value })} />
      <Text className='rc-label'>门店地址</Text>
      <Input className='field-input' value={form.storeAddress} maxlength={STORE_ADDRESS_MAX} aria-label='门店地址' placeholder='街道、门牌号' onInput={(e) => set({ storeAddress: e.detail.value })} />
      <Text className='rc-label'>门店位置（选填，用于地图；纬度、经度）</Text>
      <View className='rc-pair'>
        <Input className='field-input' type='digit' value={form.latitude} aria-label='纬度' placeholder='纬度，如 30.28' onInput={(e) => set({ latitude: e.detail.value })} />
        <Input className='field-input' type='digit' value={form.longitude} aria-label='经度' placeholder='经度，如 120.13' onInput={(e) => set({ longitude: e.detail.value })} />
      </View>
      <Text className='rc-label'>
        购物后几天内可以退货：<Text className='rc-line--strong'>{form.days} 天</Text>
      </Text>
      <View className='rc-regions__row' aria-label='退货天数'>
        {DAY_CHOICES.map((days) => (
          <View key={days} className={`rc-chip ${form.days === days ? 'rc-chip--on' : ''}`} role='radio' aria-checked={form.days === days} onClick={() => set({ days })}>
            <Text>{days} 天</Text>
          </View>
        ))}
      </View>
      <Text className='rc-label'>退货条件</Text>
      <Textarea className='field-input rc-textarea' value={form.conditions} maxlength={CONDITIONS_MAX} aria-label='退货条件' onInput={(e) => set({ conditions: e.detail.value })} />
      <Text className='rc-label'>不适用无理由退货的商品（可多选）</Text>
      <View className='rc-regions__row'>
        {RETURN_EXCLUSIONS.map((code) => (
          <View key={code} className={`rc-chip ${form.exclusions.includes(code) ? 'rc-chip--on' : ''}`} role='checkbox' aria-checked={form.exclusions.includes(code)} onClick={() => toggle(code)}>
            <Text>{RETURN_EXCLUSION_LABELS[code]}</Text>
          </View>
        ))}
      </View>
      <Input className='field-input' value={form.exclusionNote ?? ''} maxlength={EXCLUSION_NOTE_MAX} aria-label='其他不适用的商品' placeholder='其他不适用的商品（选填）' onInput={(e) => set({ exclusionNote: e.detail.value })} />
      <Text className='rc-label'>承诺开始日期</Text>
      <Input className='field-input' value={form.startsOn} maxlength={10} aria-label='承诺开始日期' placeholder='YYYY-MM-DD' onInput={(e) => set({ startsOn: e.detail.value })} />
      {problem && (
        <View role='alert'>
          <Text className='field-error'>{problem}</Text>
        </View>
      )}
      <Button className='btn btn-primary' onClick={review}>
        下一步：确认条款
      </Button>
    </View>
  )
}
