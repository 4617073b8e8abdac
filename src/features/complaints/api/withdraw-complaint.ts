import type { ComplaintDetail, WithdrawRequest } from '@/contract/complaint'
import { postJson } from '@/lib/http'

export function withdrawComplaint(id: string, body: WithdrawRequest = {}) {
  return postJson<ComplaintDetail>(`/complaints/${encodeURIComponent(id)}/withdraw`, body)
}
