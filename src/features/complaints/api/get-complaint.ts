import type { ComplaintDetail } from '@/contract/complaint'
import { getJson } from '@/lib/http'

export function getComplaint(id: string) {
  return getJson<ComplaintDetail>(`/complaints/${encodeURIComponent(id)}`)
}
