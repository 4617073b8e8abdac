import type { AllianceList } from '@/contract/alliance'
import type { AllianceFinding, FindingFeed, MatchingFindings, PublishFindingRequest } from '@/contract/alliance-finding'
import { getJson, postJson } from '@/lib/http'

const findings = (allianceId: string) => `/staff/alliances/${encodeURIComponent(allianceId)}/findings`

/** GET /api/staff/alliances: the alliances that concern the caller's organization. */
export function getAlliances(): Promise<AllianceList> {
  return getJson<AllianceList>('/staff/alliances')
}

/** GET /api/staff/alliances/:id/findings: newest first; 404 when the caller's organization is not a member. */
export function getFindingFeed(allianceId: string, cursor?: string): Promise<FindingFeed> {
  return getJson<FindingFeed>(findings(allianceId), cursor ? { cursor } : undefined)
}

/** POST /api/staff/alliances/:id/findings: the same finding twice is 409 FINDING_ALREADY_PUBLISHED. */
export function publishFinding(allianceId: string, body: PublishFindingRequest): Promise<AllianceFinding> {
  return postJson<AllianceFinding>(findings(allianceId), body)
}

/** GET /api/complaints/:id/alliance-findings (staff). */
export function getComplaintFindings(complaintId: string): Promise<MatchingFindings> {
  return getJson<MatchingFindings>(`/complaints/${encodeURIComponent(complaintId)}/alliance-findings`)
}

/** GET /api/staff/groups/:id/alliance-findings. */
export function getGroupFindings(groupId: string): Promise<MatchingFindings> {
  return getJson<MatchingFindings>(`/staff/groups/${encodeURIComponent(groupId)}/alliance-findings`)
}
