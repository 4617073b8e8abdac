import type { AgreementParty } from '../../../../src/contract/mediation-agreement'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { findComplaintVisibleTo } from '../complaints/complaint-access'
import { findComplaintById, type ComplaintRow } from '../complaints/complaints.repository'
import { staffScope } from '../organizations/organization-scope'

export interface AgreementCase {
  complaint: ComplaintRow
  /** The caller's side in the agreement, or null for staff. */
  side: AgreementParty | null
  /** A mediator of the organization holding (or above) the case. */
  canEdit: boolean
}

/**
 * Who may open a case's agreement: whoever may open the complaint, plus the liaisons of the business
 * it names on the association path too (the business is a party to the mediation there as well).
 * Everyone else gets 404, as if the case did not exist.
 */
export async function openAgreementCase(ctx: AppContext, user: AuthUser, complaintId: string): Promise<AgreementCase> {
  if (user.role === 'enterprise') {
    const complaint = user.enterpriseId ? await findComplaintById(ctx.db, complaintId) : undefined
    if (!complaint || complaint.enterprise_id !== user.enterpriseId) throw new AppError(404, 'NOT_FOUND')
    return { complaint, side: 'business', canEdit: false }
  }
  const complaint = await findComplaintVisibleTo(ctx, user, complaintId)
  if (!complaint) throw new AppError(404, 'NOT_FOUND')
  if (user.role === 'staff') return { complaint, side: null, canEdit: (await staffScope(ctx.db, user.id)).canMediate }
  return { complaint, side: 'consumer', canEdit: false }
}

export async function openForMediator(ctx: AppContext, user: AuthUser, complaintId: string): Promise<ComplaintRow> {
  const opened = await openAgreementCase(ctx, user, complaintId)
  if (!opened.canEdit) throw new AppError(403, 'FORBIDDEN', '只有本案所在组织的调解员才能起草或修改调解协议书')
  return opened.complaint
}

export async function openForParty(ctx: AppContext, user: AuthUser, complaintId: string): Promise<{ complaint: ComplaintRow; side: AgreementParty }> {
  const opened = await openAgreementCase(ctx, user, complaintId)
  if (!opened.side) throw new AppError(403, 'AGREEMENT_NOT_A_PARTY')
  return { complaint: opened.complaint, side: opened.side }
}
