import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { DigitInput } from '@/components/digit-input'
import { maskPhone } from '@/contract/rules'
import { CheckRow } from '../check-row'
import { Field } from '../field'
import { goToStep } from '../navigation'
import { StepFrame } from '../step-frame'
import { useFilingStore } from '../use-filing-store'
import { useOpenDraft, type DraftOwner } from '../use-open-draft'
import { useStepValidation } from '../use-step-validation'

export function ContactStep({ owner, draftId }: { owner: DraftOwner; draftId?: string }) {
  const { draft, problem } = useOpenDraft(owner, draftId)
  const update = useFilingStore((s) => s.update)
  const { errorOf, focusOf, touch, check } = useStepValidation(4, draft)
  const [busy, setBusy] = useState(false)

  async function next() {
    if (!draft || !check()) return
    setBusy(true)
    try {
      useFilingStore.getState().reachStep(5)
      await useFilingStore.getState().flush()
      await goToStep(5, draft.id, 4)
    } finally {
      setBusy(false)
    }
  }

  const phone = draft?.contactPhone.trim() ?? ''
  return (
    <StepFrame step={4} ready={!!draft} problem={problem} onBack={() => draft && void goToStep(3, draft.id, 4)} onNext={next} nextBusy={busy}>
      {draft && (
        <View className='card'>
          <Field name='contactPhone' label='联系电话' hint='消协和商家处理时用这个号码联系您' error={errorOf('contactPhone')}>
            <DigitInput
              className={`field-input ${errorOf('contactPhone') ? 'field-input-error' : ''}`}
              maxlength={11}
              value={draft.contactPhone}
              placeholder='11 位手机号'
              aria-label='联系电话'
              focus={focusOf('contactPhone')}
              onChange={(value) => update((d) => void (d.contactPhone = value))}
              onBlur={() => touch('contactPhone')}
            />
          </Field>
          <View id='field-consent'>
            <CheckRow checked={draft.consent} invalid={!!errorOf('consent')} onChange={(consent) => update((d) => void (d.consent = consent))}>
              <Text className='check-row__title'>我同意把这份投诉提供给被投诉的商家</Text>
              <Text className='muted'>
                商家会看到投诉内容和照片，以便和您协商解决；您的电话对商家只显示为 {phone.length === 11 ? maskPhone(phone) : '138****1234'}。
              </Text>
            </CheckRow>
            {errorOf('consent') && <Text className='field-error'>{errorOf('consent')}</Text>}
          </View>
        </View>
      )}
    </StepFrame>
  )
}
