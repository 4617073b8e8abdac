import { useState } from 'react'
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import type { CreateComplaintRequest } from '@/contract/complaint'
import {
  amountError,
  businessNameError,
  chinaToday,
  DEMAND_LABELS,
  DEMANDS,
  descriptionError,
  INDUSTRIES,
  INDUSTRY_LABELS,
  yuanToFen,
  type Demand,
  type Industry,
} from '@/contract/complaint-rules'
import { DigitInput } from '@/components/digit-input'
import { ChoiceChips } from '@/features/complaints/filing/choice-chips'

export type WalkInDetails = Omit<CreateComplaintRequest, 'evidenceIds' | 'contactPhone' | 'consentToShare'>

const INDUSTRY_OPTIONS = INDUSTRIES.map((value) => ({ value, label: INDUSTRY_LABELS[value] }))
const DEMAND_OPTIONS = DEMANDS.map((value) => ({ value, label: DEMAND_LABELS[value] }))

/** 填写投诉 on one screen: what the operator asks the person across the counter. */
export function DetailsForm({ initial, onNext }: { initial: WalkInDetails | null; onNext(details: WalkInDetails): void }) {
  const today = chinaToday()
  const [business, setBusiness] = useState(initial?.business.name ?? '')
  const [region, setRegion] = useState(initial?.business.region ?? '')
  const [industry, setIndustry] = useState<Industry | null>(initial?.industry ?? null)
  const [date, setDate] = useState(initial?.incidentDate ?? today)
  const [amount, setAmount] = useState(initial ? String(initial.amountFen / 100) : '')
  const [description, setDescription] = useState(initial?.description ?? '')
  const [demands, setDemands] = useState<Demand[]>(initial?.demands ?? [])
  const [problem, setProblem] = useState<string | null>(null)

  function next() {
    const wrong =
      businessNameError(business) ??
      (industry ? null : '请选择行业') ??
      amountError(amount) ??
      descriptionError(description) ??
      (demands.length > 0 ? null : '请至少选择一项诉求')
    if (wrong || !industry) return setProblem(wrong ?? '请选择行业')
    setProblem(null)
    onNext({
      business: { name: business.trim(), ...(region.trim() ? { region: region.trim() } : {}) },
      industry,
      incidentDate: date,
      amountFen: yuanToFen(amount) ?? 0,
      description: description.trim(),
      demands,
    })
  }

  return (
    <View className='card walk-in__step'>
      <View className='field'>
        <Text className='field-label'>被投诉的商家</Text>
        <Input className='field-input' value={business} placeholder='商家名称，如 某某超市' onInput={(e) => setBusiness(e.detail.value)} aria-label='被投诉的商家' />
      </View>
      <View className='field'>
        <Text className='field-label'>商家所在地区（选填）</Text>
        <Input className='field-input' value={region} placeholder='如 浙江省/杭州市/西湖区' onInput={(e) => setRegion(e.detail.value)} aria-label='商家所在地区' />
        <Text className='muted'>由商家所在地的消协处理</Text>
      </View>
      <View className='field'>
        <Text className='field-label'>行业</Text>
        <ChoiceChips<Industry> label='行业' options={INDUSTRY_OPTIONS} selected={industry ? [industry] : []} onToggle={setIndustry} columns={2} />
      </View>
      <View className='field'>
        <Text className='field-label'>发生日期</Text>
        <Picker mode='date' value={date} end={today} onChange={(e) => setDate(String(e.detail.value))}>
          <View className='field-input walk-in__date' role='button' aria-label={`发生日期 ${date}，点按修改`}>
            <Text>{date}</Text>
          </View>
        </Picker>
      </View>
      <View className='field'>
        <Text className='field-label'>涉及金额（元）</Text>
        <DigitInput className='field-input' decimal value={amount} onChange={setAmount} placeholder='没有金额填 0' aria-label='涉及金额（元）' />
      </View>
      <View className='field'>
        <Text className='field-label'>事情经过</Text>
        <Textarea
          className='field-textarea'
          value={description}
          maxlength={2000}
          placeholder='什么时候、在哪里、买了什么、出了什么问题、商家怎么说'
          onInput={(e) => setDescription(e.detail.value)}
          aria-label='事情经过'
        />
      </View>
      <View className='field'>
        <Text className='field-label'>诉求（可多选）</Text>
        <ChoiceChips<Demand>
          label='诉求'
          multiple
          options={DEMAND_OPTIONS}
          selected={demands}
          onToggle={(value) => setDemands((all) => (all.includes(value) ? all.filter((d) => d !== value) : [...all, value]))}
          columns={2}
        />
      </View>
      {problem && (
        <View role='alert'>
          <Text className='field-error'>{problem}</Text>
        </View>
      )}
      <Button className='btn btn-primary' onClick={next}>
        下一步：拍照
      </Button>
    </View>
  )
}
