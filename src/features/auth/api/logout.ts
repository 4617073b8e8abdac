import type { OkResponse } from '@/contract/auth'
import { postJson } from '@/lib/http'

export function logout() {
  return postJson<OkResponse>('/auth/logout')
}
