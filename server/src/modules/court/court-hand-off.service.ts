import { isOpen } from '../../../../src/contract/complaint-status'
import type { CourtHandOff, CourtReferral } from '../../../../src/contract/court'
import { chinaDate, chinaMidnight, DAY_MS } from '../../china-time'
import type { AppContext } from '../../context'
import { notFound } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { findComplaintVisibleTo } from '../complaints/complaint-access'
import type { ComplaintRow } from '../complaints/complaints.repository'
import { findAgreementByComplaint } from '../mediation-agreements/mediation-agreements.repository'
import { staffScope } from '../organizations/organization-scope'
import { findLetter, findReferral, type CourtReferralRow } from './court.repository'

/** The consumer who filed it and staff who may see it; a liaison has no part in the court hand-off (404). */
export async function openCourtCase(ctx: AppContext, user: AuthUser, complaintId: string): Promise<ComplaintRow> {
  const complaint = user.role === 'enterprise' ? undefined : await findComplaintVisibleTo(ctx, user, complaintId)
  if (!complaint) throw notFound('没有找到这件投诉')
  return complaint
}

export const mediationFailed = (complaint: ComplaintRow) => complaint.status === 'mediation_failed' || complaint.mediation_result === 'failed'

export function toCourtReferral(row: CourtReferralRow, now: Date): CourtReferral {
  return {
    courtName: row.court_name,
    courtCaseNumber: row.court_case_number,
    receivedOn: row.received_on,
    courtDeadline: row.court_deadline,
    courtDaysLeft: Math.round((chinaMidnight(row.court_deadline).getTime() - chinaMidnight(chinaDate(now)).getTime()) / DAY_MS),
    registeredAt: row.created_at,
  }
}

/** What the case has of the court hand-off, and (for staff) which step can be taken now. */
export async function courtHandOff(ctx: AppContext, user: AuthUser, complaintId: string): Promise<CourtHandOff> {
  const complaint = await openCourtCase(ctx, user, complaintId)
  const [referral, letter, agreement] = await Promise.all([findReferral(ctx.db, complaint.id), findLetter(ctx.db, complaint.id), findAgreementByComplaint(ctx.db, complaint.id)])
  const canMediate = user.role === 'staff' && (await staffScope(ctx.db, user.id)).canMediate
  const open = isOpen(complaint.status)
  return {
    complaintId: complaint.id,
    complaintNumber: complaint.number,
    referral: referral ? toCourtReferral(referral, ctx.now()) : null,
    letter: letter
      ? { number: letter.number, issuedAt: letter.issued_at, issuerName: letter.issuer_name, organizationName: letter.organization_name, pdfSha256: letter.pdf_sha256 }
      : null,
    canIssueLetter: canMediate && !letter && mediationFailed(complaint),
    canExportPacket: user.role === 'staff' && agreement?.status === 'effective',
    canRegisterReferral: canMediate && !referral && open,
  }
}
