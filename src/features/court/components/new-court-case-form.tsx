import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import { chinaToday, DEMAND_LABELS, DESCRIPTION_MAX, INDUSTRIES, INDUSTRY_LABELS } from '@/contract/complaint-rules'
import { COURT_CASE_NUMBER_EXAMPLE, normalizeCourtCaseNumber } from '@/contract/court'
import { DigitInput } from '@/components/digit-input'
import { COURT_CASE_DEMANDS, caseNumberError, type CourtCaseDraft, type CourtCaseErrors } from '../new-court-case'
import { CaseField, Choices, DateField, TextField } from './court-case-fields'

const INDUSTRY_OPTIONS = INDUSTRIES.map((value) => ({ value, label: INDUSTRY_LABELS[value] }))
const DEMAND_OPTIONS = COURT_CASE_DEMANDS.map((value) => ({ value, label: DEMAND_LABELS[value] }))
const CASE_NUMBER_HINT = `格式如 ${COURT_CASE_NUMBER_EXAMPLE}：年份、省简称、法院代码、“民诉前调”、序号。半角括号会自动改成全角。`

interface Props {
  draft: CourtCaseDraft
  errors: CourtCaseErrors
  onChange(patch: Partial<CourtCaseDraft>): void
  onNext(): void
}

/** 登记法院委托案件: the court's letter on the left, the consumer and the dispute on the right (at a desk). */
export function NewCourtCaseForm({ draft, errors, onChange, onNext }: Props) {
  const today = chinaToday()
  // Live: the number is judged as it is typed, the way the server will judge it.
  const numberProblem = draft.caseNumber.trim() ? caseNumberError(draft.caseNumber) : null
  const normalized = normalizeCourtCaseNumber(draft.caseNumber)
  return (
    <View className='court-new'>
      <View className='court-new__columns'>
        <View className='card court-new__column'>
          <Text className='section-title'>法院委托函</Text>
          <TextField label='委托法院' value={draft.courtName} placeholder='如 杭州市西湖区人民法院' maxlength={60} error={errors.courtName} onInput={(v) => onChange({ courtName: v })} />
          <CaseField label='法院案号' hint={CASE_NUMBER_HINT} error={errors.caseNumber ?? numberProblem ?? undefined}>
            <Input className='field-input' value={draft.caseNumber} placeholder={COURT_CASE_NUMBER_EXAMPLE} maxlength={40} onInput={(e) => onChange({ caseNumber: e.detail.value })} aria-label='法院案号' />
            {!numberProblem && draft.caseNumber.trim() !== '' && <Text className='court-card__strong court-new__ok'>✓ 格式正确：{normalized}</Text>}
          </CaseField>
          <DateField label='收到委托日期' value={draft.receivedOn} end={today} error={errors.receivedOn} onChange={(v) => onChange({ receivedOn: v })} />
          <DateField label='法院期限（法院确定的调解期限）' value={draft.courtDeadline} start={draft.receivedOn} error={errors.courtDeadline} onChange={(v) => onChange({ courtDeadline: v })} />
          <Text className='section-title court-new__subtitle'>消费者</Text>
          <CaseField label='消费者手机号' hint='没有账号会新建，消费者用这个手机号登录即可看到案件' error={errors.phone}>
            <DigitInput className='field-input' value={draft.phone} maxlength={11} placeholder='11 位手机号' onChange={(v) => onChange({ phone: v })} aria-label='消费者手机号' />
          </CaseField>
          <TextField label='消费者称呼' value={draft.name} placeholder='如 王女士' maxlength={20} error={errors.name} onInput={(v) => onChange({ name: v })} />
        </View>
        <View className='card court-new__column'>
          <Text className='section-title'>纠纷情况</Text>
          <TextField label='商家名称' value={draft.business} placeholder='商家名称，如 某某超市' error={errors.business} onInput={(v) => onChange({ business: v })} />
          <TextField label='商家所在地区（选填）' value={draft.region} placeholder='如 浙江省/杭州市/西湖区' maxlength={60} onInput={(v) => onChange({ region: v })} />
          <Choices label='行业' options={INDUSTRY_OPTIONS} selected={draft.industry ? [draft.industry] : []} error={errors.industry} onToggle={(v) => onChange({ industry: v })} />
          <DateField label='发生日期' value={draft.incidentDate} end={today} error={errors.incidentDate} onChange={(v) => onChange({ incidentDate: v })} />
          <CaseField label='涉及金额（元）' hint='没有金额填 0' error={errors.amount}>
            <DigitInput className='field-input' decimal value={draft.amount} onChange={(v) => onChange({ amount: v })} placeholder='如 1280' aria-label='涉及金额（元）' />
          </CaseField>
          <CaseField label='纠纷经过' hint='按法院委托材料中的案情填写，至少 20 个字' error={errors.description}>
            <Textarea className='field-textarea' value={draft.description} maxlength={DESCRIPTION_MAX} placeholder='什么时候、买了什么、出了什么问题、双方怎么说' onInput={(e) => onChange({ description: e.detail.value })} aria-label='纠纷经过' />
          </CaseField>
          <Choices
            label='诉求（可多选）'
            multiple
            options={DEMAND_OPTIONS}
            selected={draft.demands}
            error={errors.demands}
            onToggle={(v) => onChange({ demands: draft.demands.includes(v) ? draft.demands.filter((d) => d !== v) : [...draft.demands, v] })}
          />
        </View>
      </View>
      {errors.general && (
        <View role='alert' className='court-card__error'>
          <Text>{errors.general}</Text>
        </View>
      )}
      <Button className='btn btn-primary court-new__next' onClick={onNext}>
        下一步：核对
      </Button>
    </View>
  )
}
