import type {
  ConsentRequest,
  ConsentState,
  EnterpriseCaseList,
  ModerateReplyRequest,
  PendingReplyList,
  ProposeRequest,
  PublicCase,
  PublicCaseList,
  PublishRequest,
  StaffPublication,
} from '@/contract/published-case'
import { getJson, http, postJson } from '@/lib/http'

const id = (value: string) => encodeURIComponent(value)

/** GET /api/published-cases (public): newest, one enterprise's, or a 2+ character search. */
export const listCases = (query: { q?: string; enterpriseId?: string } = {}) => getJson<PublicCaseList>('/published-cases', query)
export const getCase = (caseId: string) => getJson<PublicCase>(`/published-cases/${id(caseId)}`)

export const getConsent = (complaintId: string) => getJson<ConsentState>(`/complaints/${id(complaintId)}/publication-consent`)
export const answerConsent = async (complaintId: string, body: ConsentRequest) => (await http.put<ConsentState>(`/complaints/${id(complaintId)}/publication-consent`, body)).data

export const getStaffPublication = (complaintId: string) => getJson<StaffPublication>(`/staff/complaints/${id(complaintId)}/publication`)
export const proposePublication = (complaintId: string, body: ProposeRequest) => postJson<StaffPublication>(`/staff/complaints/${id(complaintId)}/publication/proposal`, body)
export const publishCase = (complaintId: string, body: PublishRequest) => postJson<StaffPublication>(`/staff/complaints/${id(complaintId)}/publication/publish`, body)
export const moderateReply = (complaintId: string, body: ModerateReplyRequest) => postJson<StaffPublication>(`/staff/complaints/${id(complaintId)}/publication/reply-moderation`, body)
export const pendingReplies = () => getJson<PendingReplyList>('/staff/published-case-replies')

export const enterpriseCases = () => getJson<EnterpriseCaseList>('/enterprise/published-cases')
export const replyToCase = (caseId: string, text: string) => postJson<EnterpriseCaseList>(`/enterprise/published-cases/${id(caseId)}/reply`, { text })
