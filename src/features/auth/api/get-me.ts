import type { UserProfile } from '@/contract/auth'
import { getJson } from '@/lib/http'

export function getMe() {
  return getJson<UserProfile>('/me')
}
