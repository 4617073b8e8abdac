import type { StaffQueueQuery, WorkQueueResponse } from '@/contract/complaint-actions'
import { getJson } from '@/lib/http'

/** GET /api/staff/complaints: the association's queue; no filter means every open complaint it has. */
export function getStaffQueue(query: StaffQueueQuery = {}, cursor?: string) {
  return getJson<WorkQueueResponse>('/staff/complaints', cursor ? { ...query, cursor } : { ...query })
}
