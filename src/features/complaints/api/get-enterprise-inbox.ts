import type { WorkQueueResponse } from '@/contract/complaint-actions'
import { getJson } from '@/lib/http'

/** GET /api/enterprise/complaints: the liaison's inbox (only this enterprise's complaints), a page at a time. */
export function getEnterpriseInbox(cursor?: string) {
  return getJson<WorkQueueResponse>('/enterprise/complaints', cursor ? { cursor } : undefined)
}
