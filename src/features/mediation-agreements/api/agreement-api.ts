import type { AgreementDraft, AgreementResponse, AgreementVerification, SigningCodeResponse } from '@/contract/mediation-agreement'
import { getJson, http, postJson } from '@/lib/http'

const base = (complaintId: string) => `/complaints/${encodeURIComponent(complaintId)}/agreement`

export const getAgreement = (complaintId: string) => getJson<AgreementResponse>(base(complaintId))

export const draftAgreement = (complaintId: string, draft: AgreementDraft) => postJson<AgreementResponse>(`/staff${base(complaintId)}`, draft)

export async function editAgreement(complaintId: string, baseVersion: number, draft: AgreementDraft) {
  return (await http.put<AgreementResponse>(`/staff${base(complaintId)}`, { baseVersion, draft })).data
}

/** The code goes to the caller's own phone; the hash is the text on the screen. */
export const requestSigningCode = (complaintId: string, textSha256: string) => postJson<SigningCodeResponse>(`${base(complaintId)}/signing-code`, { textSha256 })

export const signAgreement = (complaintId: string, textSha256: string, code: string) => postJson<AgreementResponse>(`${base(complaintId)}/signature`, { textSha256, code })

export const verifyAgreement = (sha256: string) => getJson<AgreementVerification>(`/agreement-verifications/${encodeURIComponent(sha256)}`)

export const pdfPath = (complaintId: string) => `${base(complaintId)}/pdf`
