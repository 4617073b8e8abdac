import type { AllianceList, AllianceTransferList } from '@/contract/alliance'
import type { CreateOrganizationRequest, MyOrganization, Organization } from '@/contract/organization'
import type { AddMemberRequest, MemberPermissionsRequest, OrganizationAdminView } from '@/contract/organization-members'
import { getJson, http, postJson } from '@/lib/http'

const members = (organizationId: string) => `/staff/organizations/${encodeURIComponent(organizationId)}/members`

/** GET /api/staff/organizations/mine: the caller's organization (the page starts there). */
export function getMine(): Promise<MyOrganization> {
  return getJson<MyOrganization>('/staff/organizations/mine')
}

/** GET /api/staff/organizations/:id/members (managers): members, stations and child organizations. */
export function getOrganizationAdmin(organizationId: string): Promise<OrganizationAdminView> {
  return getJson<OrganizationAdminView>(members(organizationId))
}

/** POST …/members: add by phone (a new account when the phone has none). */
export function addMember(organizationId: string, body: AddMemberRequest): Promise<OrganizationAdminView> {
  return postJson<OrganizationAdminView>(members(organizationId), body)
}

/** PUT …/members/:userId: 管理, 调解, 站点值守. */
export async function setPermissions(organizationId: string, userId: string, body: MemberPermissionsRequest): Promise<OrganizationAdminView> {
  return (await http.put<OrganizationAdminView>(`${members(organizationId)}/${encodeURIComponent(userId)}`, body)).data
}

/** DELETE …/members/:userId: the account stays, as a consumer's. */
export async function removeMember(organizationId: string, userId: string): Promise<void> {
  await http.delete(`${members(organizationId)}/${encodeURIComponent(userId)}`)
}

/** POST /api/staff/organizations: a child organization (county under a city). */
export function createChild(body: CreateOrganizationRequest): Promise<Organization> {
  return postJson<Organization>('/staff/organizations', body)
}

/** GET /api/staff/alliances: the alliances that concern the caller's organization. */
export function getAlliances(): Promise<AllianceList> {
  return getJson<AllianceList>('/staff/alliances')
}

/** GET /api/staff/alliances/:id/transfers: cases the caller's organization sent across or received. */
export function getAllianceTransfers(allianceId: string): Promise<AllianceTransferList> {
  return getJson<AllianceTransferList>(`/staff/alliances/${encodeURIComponent(allianceId)}/transfers`)
}
