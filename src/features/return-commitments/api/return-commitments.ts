import type { StationRegion } from '@/contract/station'
import type {
  ComplaintReturnCommitmentAnswer,
  RecordReturnsRequest,
  ReturnCommitment,
  ReturnCommitmentList,
  RevokeReturnCommitmentRequest,
  SignReturnCommitmentRequest,
  StaffReturnCommitment,
  StaffReturnCommitmentList,
} from '@/contract/return-commitment'
import { getJson, http, postJson } from '@/lib/http'

const id = (value: string) => encodeURIComponent(value)

/** GET /api/return-commitments (public): a region's committed stores, page by page. */
export const storesOfRegion = (organizationId: string | null, cursor?: string | null) =>
  getJson<ReturnCommitmentList>('/return-commitments', { ...(organizationId ? { organizationId } : {}), ...(cursor ? { cursor } : {}) })
/** Every commitment of one enterprise, revoked ones with their reason. */
export const storesOfEnterprise = (enterpriseId: string) => getJson<ReturnCommitmentList>('/return-commitments', { enterpriseId })
export const getStore = (commitmentId: string) => getJson<ReturnCommitment>(`/return-commitments/${id(commitmentId)}`)

export const myStores = () => getJson<StaffReturnCommitmentList>('/enterprise/return-commitments')
export const signCommitment = (body: SignReturnCommitmentRequest) => postJson<ReturnCommitment>('/enterprise/return-commitments', body)
export const recordReturns = async (commitmentId: string, body: RecordReturnsRequest) =>
  (await http.put<StaffReturnCommitment>(`/enterprise/return-commitments/${id(commitmentId)}/returns`, body)).data

export const staffStores = (status: 'active' | 'revoked', cursor?: string | null) =>
  getJson<StaffReturnCommitmentList>('/staff/return-commitments', { status, ...(cursor ? { cursor } : {}) })
export const revokeStore = (commitmentId: string, body: RevokeReturnCommitmentRequest) => postJson<StaffReturnCommitment>(`/staff/return-commitments/${id(commitmentId)}/revoke`, body)
export const upholdRefusal = (complaintId: string) => postJson<StaffReturnCommitment>(`/staff/return-refusals/${id(complaintId)}/uphold`)

export const commitmentOfComplaint = (complaintId: string) => getJson<ComplaintReturnCommitmentAnswer>(`/complaints/${id(complaintId)}/return-commitment`)

/** The association tree (省 → 市 → 县) the finder picks a region from; the stations' public list of it. */
export const regions = () => getJson<{ items: StationRegion[] }>('/stations/regions')
