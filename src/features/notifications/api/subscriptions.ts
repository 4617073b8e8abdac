import { getJson, postJson } from '@/lib/http'

export function getSubscribeConfig() {
  return getJson<{ templateIds: string[] }>('/notifications/subscribe-config')
}

/** Each accepted template id is one message the server may send the user later. */
export function recordSubscriptions(accepted: string[]) {
  return postJson<{ ok: true }>('/notifications/subscriptions', { accepted })
}
