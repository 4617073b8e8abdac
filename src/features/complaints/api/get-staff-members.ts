import type { StaffMembersResponse } from '@/contract/complaint-actions'
import { getJson } from '@/lib/http'

/** GET /api/staff/members: active association staff, for assigning a complaint to a colleague. */
export function getStaffMembers() {
  return getJson<StaffMembersResponse>('/staff/members')
}
