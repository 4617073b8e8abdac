import type { AccessLogQuery, AccessLogResponse } from '@/contract/access-log'
import type { StaffMembersResponse } from '@/contract/complaint-actions'
import { getJson } from '@/lib/http'

/** GET /api/staff/access-log: who read consumers' personal details, newest first, a page at a time. */
export function getAccessLog(query: AccessLogQuery) {
  return getJson<AccessLogResponse>('/staff/access-log', { ...query })
}

/** The association's staff, to filter the log by one of them. */
export function getStaffMembers() {
  return getJson<StaffMembersResponse>('/staff/members')
}
