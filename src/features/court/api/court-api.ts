import type { CourtHandOff, CourtReferralFields, NewCourtCaseRequest, NewCourtCaseResponse } from '@/contract/court'
import type { MyOrganization } from '@/contract/organization'
import { getJson, postJson } from '@/lib/http'

const id = (complaintId: string) => encodeURIComponent(complaintId)

export const getCourtHandOff = (complaintId: string) => getJson<CourtHandOff>(`/complaints/${id(complaintId)}/court`)

export const registerCourtReferral = (complaintId: string, fields: CourtReferralFields) => postJson<CourtHandOff>(`/staff/complaints/${id(complaintId)}/court-referral`, fields)

export const issueLitigationLetter = (complaintId: string) => postJson<CourtHandOff>(`/staff/complaints/${id(complaintId)}/litigation-letter`, {})

export const letterPath = (complaintId: string) => `/complaints/${id(complaintId)}/litigation-letter/pdf`
export const packetPath = (complaintId: string) => `/staff/complaints/${id(complaintId)}/judicial-confirmation-packet`

/** A court-referred dispute never filed with us: files the complaint for the consumer's phone. */
export const registerNewCourtCase = (request: NewCourtCaseRequest) => postJson<NewCourtCaseResponse>('/staff/court-referrals', request)

/** Only staff who may mediate register a referral; the page says so before the form is filled in. */
export const getMyMediation = () => getJson<MyOrganization>('/staff/organizations/mine')
