import type { Session, WechatLoginRequest } from '@/contract/auth'
import { postJson } from '@/lib/http'

export function loginWithWechat(body: WechatLoginRequest) {
  return postJson<Session>('/auth/wechat', body)
}
