import type { Evidence } from '@/contract/evidence'
import type { AssignLawyerRequest, LegalAid, LegalAidCase, LegalAidList, NewLegalAidRequest, OpinionRequest, StaffLegalAidList } from '@/contract/legal-aid'
import { getJson, postJson } from '@/lib/http'

const id = (value: string) => encodeURIComponent(value)

/** The consumer's requests on one case; asking (with consent) and withdrawing. */
export const aidOfComplaint = (complaintId: string) => getJson<LegalAidList>(`/complaints/${id(complaintId)}/legal-aid`)
export const requestAid = (complaintId: string, body: NewLegalAidRequest) => postJson<LegalAid>(`/complaints/${id(complaintId)}/legal-aid`, body)
export const withdrawAid = (aidId: string) => postJson<LegalAid>(`/legal-aid/${id(aidId)}/withdraw`)

/** Staff: the requests waiting and in hand, and assigning a lawyer. */
export const staffAid = () => getJson<StaffLegalAidList>('/staff/legal-aid')
export const assignLawyer = (aidId: string, body: AssignLawyerRequest) => postJson<LegalAid>(`/staff/legal-aid/${id(aidId)}/assign`, body)

/** The lawyer: their requests, a case record, an opinion, finishing. */
export const lawyerAid = () => getJson<LegalAidList>('/lawyer/legal-aid')
export const aidCase = (aidId: string) => getJson<LegalAidCase>(`/lawyer/legal-aid/${id(aidId)}`)
export const writeOpinion = (aidId: string, body: OpinionRequest) => postJson<LegalAid>(`/lawyer/legal-aid/${id(aidId)}/opinion`, body)
export const finishAid = (aidId: string) => postJson<LegalAid>(`/lawyer/legal-aid/${id(aidId)}/finish`)
/** A photo of the case, through the evidence access rules (an assigned lawyer only while the request stands). */
export const casePhoto = (evidenceId: string) => getJson<Evidence>(`/evidence/${id(evidenceId)}`)
