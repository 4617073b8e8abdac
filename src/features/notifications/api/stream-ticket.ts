import { postJson } from '@/lib/http'

/** EventSource cannot send an Authorization header: the stream URL carries this short-lived ticket. */
export function createStreamTicket() {
  return postJson<{ ticket: string; expiresInSeconds: number }>('/notifications/stream-ticket')
}
