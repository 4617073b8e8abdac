import type { PhoneLoginRequest, Session } from '@/contract/auth'
import { postJson } from '@/lib/http'

export function loginWithPhone(body: PhoneLoginRequest) {
  return postJson<Session>('/auth/phone', body)
}
