import type { WorkQueueResponse } from '@/contract/complaint-actions'
import { getJson } from '@/lib/http'

/** GET /api/enterprise/complaints: the liaison's inbox (only this enterprise's complaints). */
export function getEnterpriseInbox() {
  return getJson<WorkQueueResponse>('/enterprise/complaints')
}
