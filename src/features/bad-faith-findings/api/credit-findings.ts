import type {
  AppealFindingRequest,
  DecideFindingRequest,
  Finding,
  FindingCaseCandidates,
  FindingList,
  LiftFindingRequest,
  ProposeFindingRequest,
  PublicFindingList,
} from '@/contract/bad-faith-finding'
import type { EnterpriseSearchResponse } from '@/contract/enterprise'
import { getJson, postJson } from '@/lib/http'

const id = (value: string) => encodeURIComponent(value)

/** GET /api/credit-findings (public): published findings still in their period. */
export const publicFindings = () => getJson<PublicFindingList>('/credit-findings')
/** GET /api/enterprises/:id/credit-findings (public). */
export const enterprisePublicFindings = (enterpriseId: string) => getJson<PublicFindingList>(`/enterprises/${id(enterpriseId)}/credit-findings`)

export const staffFindings = () => getJson<FindingList>('/staff/credit-findings')
export const caseCandidates = (enterpriseId: string) => getJson<FindingCaseCandidates>('/staff/credit-findings/cases', { enterpriseId })
export const proposeFinding = (body: ProposeFindingRequest) => postJson<Finding>('/staff/credit-findings', body)
export const decideFinding = (findingId: string, body: DecideFindingRequest) => postJson<Finding>(`/staff/credit-findings/${id(findingId)}/decision`, body)
export const liftFinding = (findingId: string, body: LiftFindingRequest) => postJson<Finding>(`/staff/credit-findings/${id(findingId)}/lift`, body)
/** GET /api/enterprises (public directory): picking the enterprise a finding is about. */
export const searchDirectory = (q: string) => getJson<EnterpriseSearchResponse>('/enterprises', { q: q.trim() })

export const myEnterpriseFindings = () => getJson<FindingList>('/enterprise/credit-findings')
export const appealFinding = (findingId: string, body: AppealFindingRequest) => postJson<Finding>(`/enterprise/credit-findings/${id(findingId)}/appeal`, body)
