import { useState } from 'react'
import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import {
  amountNeedsConfirming,
  chinaToday,
  charCount,
  groupedYuan,
  yuanToFen,
  DEMAND_DETAIL_MAX,
  DEMAND_LABELS,
  DEMANDS,
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
  INCIDENT_MAX_AGE_YEARS,
  type Demand,
} from '@/contract/complaint-rules'
import { DigitInput } from '@/components/digit-input'
import { chineseDate } from '../../receipt'
import type { ComplaintDraft } from '../../drafts/draft-model'
import { ChoiceChips } from '../choice-chips'
import { Field } from '../field'
import { goToStep } from '../navigation'
import { revealField } from '../reveal-field'
import { StepFrame } from '../step-frame'
import { useFilingStore } from '../use-filing-store'
import { useOpenDraft, type DraftOwner } from '../use-open-draft'
import { useStepValidation } from '../use-step-validation'

const DEMAND_OPTIONS = DEMANDS.map((value) => ({ value, label: DEMAND_LABELS[value] }))

function yearsBefore(ymd: string, years: number): string {
  const [y, m, d] = ymd.split('-')
  return `${Number(y) - years}-${m}-${d}`
}

function dayBefore(ymd: string): string {
  return new Date(Date.parse(`${ymd}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
}

/** 9,999,999.99 元 is more often a slip than a loss: asked once per amount before going on. */
async function amountConfirmed(draft: ComplaintDraft): Promise<boolean> {
  const fen = yuanToFen(draft.amountYuan)
  if (fen === null || !amountNeedsConfirming(draft.amountYuan) || draft.amountConfirmedFen === fen) return true
  const { confirm } = await Taro.showModal({
    title: '请核对金额',
    content: `您填写的涉及金额是 ${groupedYuan(fen)} 元（约 ${Math.round(fen / 1_000_000)} 万元），请确认没有多输一个 0 或漏了小数点。`,
    confirmText: '金额正确',
    cancelText: '返回修改',
    confirmColor: '#b71c1c',
  })
  if (confirm) useFilingStore.getState().update((d) => void (d.amountConfirmedFen = fen))
  return confirm
}

export function FactsStep({ owner, draftId }: { owner: DraftOwner; draftId?: string }) {
  const { draft, problem } = useOpenDraft(owner, draftId)
  const update = useFilingStore((s) => s.update)
  const { errorOf, focusOf, touch, check } = useStepValidation(2, draft)
  const [busy, setBusy] = useState(false)
  const today = chinaToday()
  const yesterday = dayBefore(today)

  async function next() {
    if (!draft || !check()) return
    if (!(await amountConfirmed(draft))) return revealField('amount')
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
          <Field name='incidentDate' label='发生日期' hint={draft.incidentDate ? `发生在 ${chineseDate(draft.incidentDate)}` : '请选择纠纷发生的日期'} error={errorOf('incidentDate')}>
            <IncidentDatePicks
              date={draft.incidentDate}
              today={today}
              yesterday={yesterday}
              onPick={(value) => update((d) => void (d.incidentDate = value))}
            />
          </Field>

          <Field name='amount' label='涉及金额（元）' hint='花了多少钱或损失多少，没有可填 0' error={errorOf('amount')}>
            <DigitInput
              className={`field-input ${errorOf('amount') ? 'field-input-error' : ''}`}
              decimal
              value={draft.amountYuan}
              placeholder='例如 128.50'
              aria-label='涉及金额'
              focus={focusOf('amount')}
              onChange={(value) => update((d) => void (d.amountYuan = value))}
              onBlur={() => touch('amount')}
            />
          </Field>

          <Field name='description' label='经过' hint='什么时候买的、出了什么问题、商家怎么说的' error={errorOf('description')}>
            <Textarea
              className={`field-textarea ${errorOf('description') ? 'field-input-error' : ''}`}
              value={draft.description}
              maxlength={DESCRIPTION_MAX}
              placeholder={`请至少写 ${DESCRIPTION_MIN} 个字`}
              aria-label='经过'
              focus={focusOf('description')}
              onInput={(e) => update((d) => void (d.description = e.detail.value))}
              onBlur={() => touch('description')}
            />
            <Text className={`counter ${written < DESCRIPTION_MIN ? 'counter--short' : ''}`}>
              已写 {written} 字{written < DESCRIPTION_MIN ? `，还差 ${DESCRIPTION_MIN - written} 字` : ''}（最多 {DESCRIPTION_MAX} 字）
            </Text>
          </Field>

          <Field name='demands' label='您希望商家怎么做' hint='可以选多项' error={errorOf('demands')}>
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

/** 今天 / 昨天 in one tap, any other day of the last 3 years from the calendar; nothing is chosen for you. */
function IncidentDatePicks({ date, today, yesterday, onPick }: { date: string; today: string; yesterday: string; onPick(date: string): void }) {
  const other = !!date && date !== today && date !== yesterday
  const chip = (on: boolean) => `chip ${on ? 'chip--on' : ''}`
  return (
    <View className='chips chips--3' role='radiogroup' aria-label='发生日期'>
      <View className={chip(date === today)} role='radio' aria-checked={date === today} hoverClass='chip--pressed' onClick={() => onPick(today)}>
        <Text className='chip__label'>今天</Text>
      </View>
      <View className={chip(date === yesterday)} role='radio' aria-checked={date === yesterday} hoverClass='chip--pressed' onClick={() => onPick(yesterday)}>
        <Text className='chip__label'>昨天</Text>
      </View>
      <Picker
        className='date-pick'
        mode='date'
        value={date || yesterday}
        start={yearsBefore(today, INCIDENT_MAX_AGE_YEARS)}
        end={today}
        onChange={(e) => onPick(String(e.detail.value))}
      >
        <View className={chip(other)} role='radio' aria-checked={other} hoverClass='chip--pressed'>
          <Text className='chip__label'>{other ? shortDate(date) : '选择日期'}</Text>
        </View>
      </Picker>
    </View>
  )
}

function shortDate(ymd: string): string {
  const [, m, d] = ymd.split('-').map(Number)
  return `${m}月${d}日`
}
