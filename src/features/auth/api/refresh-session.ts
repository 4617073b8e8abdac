import type { RefreshRequest, Session } from '@/contract/auth'
import { postJson } from '@/lib/http'

export function refreshSession(body: RefreshRequest) {
  return postJson<Session>('/auth/refresh', body)
}
