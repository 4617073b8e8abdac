import type { AllianceList } from '@/contract/alliance'
import type { ComplaintDetail } from '@/contract/complaint'
import type { MyOrganization, OrganizationList, TransferKind, TransferRequest } from '@/contract/organization'
import { getJson, postJson } from '@/lib/http'

/** GET /api/staff/organizations (staff): the whole network, parents before children. */
export function getOrganizations(): Promise<OrganizationList> {
  return getJson<OrganizationList>('/staff/organizations')
}

/** GET /api/staff/organizations/mine (staff): where the caller works and may they mediate. */
export function getMyOrganization(): Promise<MyOrganization> {
  return getJson<MyOrganization>('/staff/organizations/mine')
}

/** GET /api/complaints/:id: the case's holding organization and status (also read by the case page itself). */
export function getCase(id: string): Promise<ComplaintDetail> {
  return getJson<ComplaintDetail>(`/complaints/${encodeURIComponent(id)}`)
}

const PATHS: Record<TransferKind, string> = { transfer: 'transfer', hand_down: 'hand-down', take_up: 'take-up', alliance: 'alliance-transfer' }

/** GET /api/staff/alliances: the alliances of the caller's organization (联盟移送 partners). */
export function getAlliances(): Promise<AllianceList> {
  return getJson<AllianceList>('/staff/alliances')
}

/** POST /api/complaints/:id/{transfer|hand-down|take-up|alliance-transfer} (staff whose organization holds the case). */
export function moveCase(id: string, kind: TransferKind, body: TransferRequest): Promise<ComplaintDetail> {
  return postJson<ComplaintDetail>(`/complaints/${encodeURIComponent(id)}/${PATHS[kind]}`, body)
}
