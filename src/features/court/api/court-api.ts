import type { CourtHandOff, CourtReferralFields } from '@/contract/court'
import { getJson, postJson } from '@/lib/http'

const id = (complaintId: string) => encodeURIComponent(complaintId)

export const getCourtHandOff = (complaintId: string) => getJson<CourtHandOff>(`/complaints/${id(complaintId)}/court`)

export const registerCourtReferral = (complaintId: string, fields: CourtReferralFields) => postJson<CourtHandOff>(`/staff/complaints/${id(complaintId)}/court-referral`, fields)

export const issueLitigationLetter = (complaintId: string) => postJson<CourtHandOff>(`/staff/complaints/${id(complaintId)}/litigation-letter`, {})

export const letterPath = (complaintId: string) => `/complaints/${id(complaintId)}/litigation-letter/pdf`
export const packetPath = (complaintId: string) => `/staff/complaints/${id(complaintId)}/judicial-confirmation-packet`
