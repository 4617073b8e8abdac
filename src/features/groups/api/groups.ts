import type { ConsumerGroupView, GroupActionRequest, GroupActionResult, StaffGroupDetail, StaffGroupList, StaffGroupSummary } from '@/contract/complaint-group'
import { getJson, postJson } from '@/lib/http'

const id = (value: string) => encodeURIComponent(value)

/** GET /api/staff/groups (staff): 重点督办, the groups of the caller's organization and those below it. */
export async function listStaffGroups(): Promise<StaffGroupSummary[]> {
  return (await getJson<StaffGroupList>('/staff/groups')).items
}

/** GET /api/staff/groups/:id (staff): members, total, progress and the enterprise's replies. */
export function getStaffGroup(groupId: string): Promise<StaffGroupDetail> {
  return getJson<StaffGroupDetail>(`/staff/groups/${id(groupId)}`)
}

/** POST /api/staff/groups/:id/notes (staff): one 督办 note on every member's case, each with its own amount. */
export function addGroupNote(groupId: string, note: string): Promise<StaffGroupDetail> {
  return postJson<StaffGroupDetail>(`/staff/groups/${id(groupId)}/notes`, { note })
}

/** POST /api/staff/groups/:id/actions (staff): 集体投诉统一处理, each member with their own amount. */
export function applyGroupAction(groupId: string, request: GroupActionRequest): Promise<GroupActionResult> {
  return postJson<GroupActionResult>(`/staff/groups/${id(groupId)}/actions`, request)
}

/** POST /api/staff/groups/:id/close (staff): 已办结. */
export function closeGroup(groupId: string, note: string): Promise<StaffGroupDetail> {
  return postJson<StaffGroupDetail>(`/staff/groups/${id(groupId)}/close`, { note })
}

/** GET /api/complaints/:id/group (the complainant): the group the complaint is in, or one it may join. */
export async function getComplaintGroup(complaintId: string): Promise<ConsumerGroupView['group']> {
  return (await getJson<ConsumerGroupView>(`/complaints/${id(complaintId)}/group`)).group
}

/** POST /api/groups/:id/join (the complainant): 集体投诉 in one tap. */
export async function joinGroup(groupId: string, complaintId: string): Promise<ConsumerGroupView['group']> {
  return (await postJson<ConsumerGroupView>(`/groups/${id(groupId)}/join`, { complaintId })).group
}
