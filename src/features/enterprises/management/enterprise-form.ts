import type { CreateEnterpriseRequest, EnterpriseDetail } from '@/contract/enterprise'
import { BUSINESS_NAME_MAX, CREDIT_CODE_PATTERN, type Industry } from '@/contract/complaint-rules'
import { CONTACT_PHONE_PATTERN, PROMISE_MAX, PROMISES_MAX } from '@/contract/enterprise-rules'
import { PHONE_PATTERN } from '@/contract/rules'

/** The enterprise form as typed: every field a string (or a flag), checked on save. */
export interface EnterpriseFormValues {
  name: string
  industry: Industry | ''
  province: string
  city: string
  district: string
  address: string
  creditCode: string
  contactPhone: string
  odr: boolean
  /** YYYY-MM-DD; empty means "today" when the green channel is switched on. */
  odrSince: string
  /** One promise per line. */
  promises: string
}

export type EnterpriseFormErrors = Partial<Record<keyof EnterpriseFormValues, string>>

export const EMPTY_ENTERPRISE_FORM: EnterpriseFormValues = {
  name: '',
  industry: '',
  province: '',
  city: '',
  district: '',
  address: '',
  creditCode: '',
  contactPhone: '',
  odr: false,
  odrSince: '',
  promises: '',
}

export function formFromEnterprise(e: EnterpriseDetail): EnterpriseFormValues {
  return {
    name: e.name,
    industry: e.industry,
    province: e.province ?? '',
    city: e.city ?? '',
    district: e.district ?? '',
    address: e.address ?? '',
    creditCode: e.creditCode ?? '',
    contactPhone: e.contactPhone ?? '',
    odr: e.odr,
    odrSince: e.odrSince ?? '',
    promises: e.promises.join('\n'),
  }
}

const orNull = (value: string) => (value.trim() ? value.trim() : null)

function promiseList(text: string): string[] {
  return [...new Set(text.split('\n').map((line) => line.trim()).filter(Boolean))]
}

/**
 * The request body for POST /enterprises (and, being a full set of fields, PATCH), or the errors
 * to show beside the fields. Mirrors the server's schema so a person learns what is wrong before sending.
 */
export function enterpriseRequest(values: EnterpriseFormValues): { body: CreateEnterpriseRequest } | { errors: EnterpriseFormErrors } {
  const errors: EnterpriseFormErrors = {}
  const name = values.name.trim()
  if (Array.from(name).length < 2) errors.name = '请填写企业名称，至少 2 个字'
  else if (Array.from(name).length > BUSINESS_NAME_MAX) errors.name = `企业名称最多 ${BUSINESS_NAME_MAX} 个字`
  if (!values.industry) errors.industry = '请选择行业'
  const creditCode = values.creditCode.trim().toUpperCase()
  if (creditCode && !CREDIT_CODE_PATTERN.test(creditCode)) errors.creditCode = '统一社会信用代码应为 18 位数字或大写字母'
  const phone = values.contactPhone.trim()
  if (phone && !CONTACT_PHONE_PATTERN.test(phone)) errors.contactPhone = '请填写座机（如 010-65001234）、400 电话或手机号'
  for (const [key, label] of [['province', '省'], ['city', '市'], ['district', '区县']] as const) {
    if (Array.from(values[key].trim()).length > 20) errors[key] = `${label}最多 20 个字`
  }
  const promises = promiseList(values.promises)
  if (promises.length > PROMISES_MAX) errors.promises = `最多 ${PROMISES_MAX} 条承诺`
  else if (promises.some((p) => Array.from(p).length > PROMISE_MAX)) errors.promises = `每条承诺最多 ${PROMISE_MAX} 个字`
  if (Object.keys(errors).length) return { errors }
  return {
    body: {
      name,
      industry: values.industry as Industry,
      creditCode: creditCode || null,
      province: orNull(values.province),
      city: orNull(values.city),
      district: orNull(values.district),
      address: orNull(values.address),
      contactPhone: phone || null,
      odr: values.odr,
      odrSince: values.odr ? orNull(values.odrSince) : null,
      promises,
    },
  }
}

/** The liaison form: the phone they sign in with, and their name for a new account. */
export function liaisonErrors(phone: string, name: string): { phone?: string; name?: string } {
  const errors: { phone?: string; name?: string } = {}
  if (!PHONE_PATTERN.test(phone.trim())) errors.phone = '请输入 11 位手机号'
  if (!name.trim()) errors.name = '请填写联络员姓名'
  else if (Array.from(name.trim()).length > 20) errors.name = '姓名最多 20 个字'
  return errors
}
