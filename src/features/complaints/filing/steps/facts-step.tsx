import { useState } from 'react'
import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import { chinaToday, charCount, DEMAND_DETAIL_MAX, DEMAND_LABELS, DEMANDS, DESCRIPTION_MAX, DESCRIPTION_MIN, INCIDENT_MAX_AGE_YEARS, type Demand } from '@/contract/complaint-rules'
import { chineseDate } from '../../receipt'
import { ChoiceChips } from '../choice-chips'
import { Field } from '../field'
import { goToStep } from '../navigation'
import { StepFrame } from '../step-frame'
import { useFilingStore } from '../use-filing-store'
import { useOpenDraft, type DraftOwner } from '../use-open-draft'
import { useStepValidation } from '../use-step-validation'

const DEMAND_OPTIONS = DEMANDS.map((value) => ({ value, label: DEMAND_LABELS[value] }))

function yearsBefore(ymd: string, years: number): string {
  const [y, m, d] = ymd.split('-')
  return `${Number(y) - years}-${m}-${d}`
}

export function FactsStep({ owner, draftId }: { owner: DraftOwner; draftId?: string }) {
  const { draft, problem } = useOpenDraft(owner, draftId)
  const update = useFilingStore((s) => s.update)
  const { errorOf, touch, check } = useStepValidation(2, draft)
  const [busy, setBusy] = useState(false)
  const today = chinaToday()

  async function next() {
    if (!draft || !check()) return
    setBusy(true)
    try {
      useFilingStore.getState().reachStep(3)
      await useFilingStore.getState().flush()
      await goToStep(3, draft.id, 2)
    } finally {
      setBusy(false)
    }
  }

  const written = draft ? charCount(draft.description.trim()) : 0
  const otherChosen = draft?.demands.includes('other') ?? false
  return (
    <StepFrame step={2} ready={!!draft} problem={problem} onBack={() => draft && void goToStep(1, draft.id, 2)} onNext={next} nextBusy={busy}>
      {draft && (
        <View className='card'>
          <Field label='发生日期' error={errorOf('incidentDate')}>
            <Picker
              mode='date'
              value={draft.incidentDate || today}
              start={yearsBefore(today, INCIDENT_MAX_AGE_YEARS)}
              end={today}
              onChange={(e) => {
                const value = String(e.detail.value)
                update((d) => void (d.incidentDate = value))
              }}
            >
              <View className='field-input picker-value' aria-label='发生日期'>
                <Text>{draft.incidentDate ? chineseDate(draft.incidentDate) : '请选择日期'}</Text>
                <Text className='picker-value__change'>更改</Text>
              </View>
            </Picker>
          </Field>

          <Field label='涉及金额（元）' hint='花了多少钱或损失多少，没有可填 0' error={errorOf('amount')}>
            <Input
              className={`field-input ${errorOf('amount') ? 'field-input-error' : ''}`}
              type='digit'
              value={draft.amountYuan}
              placeholder='例如 128.50'
              aria-label='涉及金额'
              onInput={(e) => update((d) => void (d.amountYuan = e.detail.value))}
              onBlur={() => touch('amount')}
            />
          </Field>

          <Field label='经过' hint='什么时候买的、出了什么问题、商家怎么说的' error={errorOf('description')}>
            <Textarea
              className={`field-textarea ${errorOf('description') ? 'field-input-error' : ''}`}
              value={draft.description}
              maxlength={DESCRIPTION_MAX}
              placeholder={`请至少写 ${DESCRIPTION_MIN} 个字`}
              aria-label='经过'
              onInput={(e) => update((d) => void (d.description = e.detail.value))}
              onBlur={() => touch('description')}
            />
            <Text className={`counter ${written < DESCRIPTION_MIN ? 'counter--short' : ''}`}>
              已写 {written} 字{written < DESCRIPTION_MIN ? `，还差 ${DESCRIPTION_MIN - written} 字` : ''}（最多 {DESCRIPTION_MAX} 字）
            </Text>
          </Field>

          <Field label='您希望商家怎么做' hint='可以选多项' error={errorOf('demands')}>
            <ChoiceChips<Demand>
              label='诉求'
              multiple
              options={DEMAND_OPTIONS}
              selected={draft.demands}
              onToggle={(value) =>
                update((d) => {
                  d.demands = d.demands.includes(value) ? d.demands.filter((v) => v !== value) : [...d.demands, value]
                })
              }
            />
          </Field>
          <Field label={otherChosen ? '请写明您的诉求' : '诉求补充说明'} optional={!otherChosen}>
            <Input
              className='field-input'
              value={draft.demandDetail}
              maxlength={DEMAND_DETAIL_MAX}
              placeholder={otherChosen ? '例如 退还余额' : '例如 退款 128 元'}
              aria-label='诉求说明'
              onInput={(e) => update((d) => void (d.demandDetail = e.detail.value))}
            />
          </Field>
        </View>
      )}
    </StepFrame>
  )
}
