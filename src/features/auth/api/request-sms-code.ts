import type { SmsCodeRequest, SmsCodeResponse } from '@/contract/auth'
import { postJson } from '@/lib/http'

export function requestSmsCode(body: SmsCodeRequest) {
  return postJson<SmsCodeResponse>('/auth/sms-code', body)
}
