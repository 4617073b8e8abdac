import type { ComplaintListQuery, ComplaintListResponse } from '@/contract/complaint'
import { getJson } from '@/lib/http'

export const COMPLAINT_PAGE_SIZE = 20

export function listComplaints(query: ComplaintListQuery) {
  return getJson<ComplaintListResponse>('/complaints', { limit: COMPLAINT_PAGE_SIZE, ...query })
}
