import {
  amountError,
  businessNameError,
  chinaToday,
  DEMANDS,
  descriptionError,
  incidentDateError,
  yuanToFen,
  type Demand,
  type Industry,
} from '@/contract/complaint-rules'
import { COURT_CASE_NUMBER, normalizeCourtCaseNumber, type NewCourtCaseRequest } from '@/contract/court'
import { phoneError } from '@/contract/rules'

/** What the staff member types in, as typed (amount in 元). */
export interface CourtCaseDraft {
  courtName: string
  caseNumber: string
  receivedOn: string
  courtDeadline: string
  phone: string
  name: string
  business: string
  region: string
  industry: Industry | null
  incidentDate: string
  amount: string
  description: string
  demands: Demand[]
}

export type CourtCaseField = keyof CourtCaseDraft
export type CourtCaseErrors = Partial<Record<CourtCaseField | 'general', string>>

/** 其他 needs a written demand, which this request has no field for. */
export const COURT_CASE_DEMANDS = DEMANDS.filter((d) => d !== 'other')

export function emptyDraft(today = chinaToday()): CourtCaseDraft {
  return { courtName: '', caseNumber: '', receivedOn: today, courtDeadline: '', phone: '', name: '', business: '', region: '', industry: null, incidentDate: '', amount: '', description: '', demands: [] }
}

/** The server's checks (court-referral.service, complaint-checks), so the form says it before sending. */
export const courtNameError = (name: string) => (name.trim().length >= 4 && name.trim().endsWith('法院') ? null : '请填写委托法院的全称，如 杭州市西湖区人民法院')
export const caseNumberError = (value: string) => (COURT_CASE_NUMBER.test(normalizeCourtCaseNumber(value)) ? null : '案号格式不对：应含年份、省简称、法院代码、“民诉前调”和序号，以“号”结尾')

export function draftErrors(d: CourtCaseDraft, today = chinaToday()): CourtCaseErrors {
  const found: CourtCaseErrors = {
    courtName: courtNameError(d.courtName) ?? undefined,
    caseNumber: caseNumberError(d.caseNumber) ?? undefined,
    receivedOn: d.receivedOn > today ? '收到委托的日期不能晚于今天' : undefined,
    courtDeadline: !d.courtDeadline ? '请选择法院确定的调解期限' : d.courtDeadline < d.receivedOn ? '法院期限不能早于收到委托的日期' : undefined,
    phone: phoneError(d.phone.trim()) ?? undefined,
    name: d.name.trim() ? (d.name.trim().length > 20 ? '称呼不超过 20 个字' : undefined) : '请填写消费者的称呼，如 王女士',
    business: businessNameError(d.business) ?? undefined,
    industry: d.industry ? undefined : '请选择行业',
    incidentDate: incidentDateError(d.incidentDate, today) ?? undefined,
    amount: amountError(d.amount) ?? undefined,
    description: descriptionError(d.description) ?? undefined,
    demands: d.demands.length ? undefined : '请至少选择一项诉求',
  }
  return Object.fromEntries(Object.entries(found).filter(([, text]) => text)) as CourtCaseErrors
}

export function toRequest(d: CourtCaseDraft): NewCourtCaseRequest {
  return {
    referral: { courtName: d.courtName.trim(), courtCaseNumber: normalizeCourtCaseNumber(d.caseNumber), receivedOn: d.receivedOn, courtDeadline: d.courtDeadline },
    consumer: { phone: d.phone.trim(), name: d.name.trim() },
    business: { name: d.business.trim(), ...(d.region.trim() ? { region: d.region.trim() } : {}) },
    industry: d.industry ?? 'other',
    incidentDate: d.incidentDate,
    amountFen: yuanToFen(d.amount) ?? 0,
    description: d.description.trim(),
    demands: d.demands,
  }
}

const FIELD_OF_CODE: Partial<Record<string, CourtCaseField>> = {
  COURT_CASE_NUMBER_INVALID: 'caseNumber',
  COURT_CASE_NUMBER_TAKEN: 'caseNumber',
  COURT_REFERRAL_DATES_INVALID: 'courtDeadline',
}

/** Where a refusal from the server belongs on the form; the message is the server's (Chinese). */
export function placeServerError(code: string, message: string): CourtCaseErrors {
  if (code === 'WALK_IN_PHONE_NOT_CONSUMER') return { phone: '这个手机号是工作人员或企业的账号，不能为它立案' }
  const field = FIELD_OF_CODE[code] ?? (code === 'VALIDATION_FAILED' ? validationField(message) : undefined)
  return field ? { [field]: message } : { general: message }
}

function validationField(message: string): CourtCaseField | undefined {
  if (message.includes('法院')) return 'courtName'
  if (message.includes('商家')) return 'business'
  if (message.includes('日期')) return 'incidentDate'
  if (message.includes('描述') || message.includes('经过') || message.includes('字')) return 'description'
  if (message.includes('诉求')) return 'demands'
  return undefined
}
