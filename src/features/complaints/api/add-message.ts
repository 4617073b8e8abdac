import type { AddMessageRequest, ComplaintDetail } from '@/contract/complaint'
import { postJson } from '@/lib/http'

export function addMessage(id: string, body: AddMessageRequest) {
  return postJson<ComplaintDetail>(`/complaints/${encodeURIComponent(id)}/messages`, body)
}
