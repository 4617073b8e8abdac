import type { ComplaintDetail, WithdrawRequest } from '../../../../src/contract/complaint'
import { ComplaintStatus, isOpen } from '../../../../src/contract/complaint-status'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { changeStatus } from './complaint-transition'
import { findComplaintById } from './complaints.repository'
import { findVisibleComplaint, loadComplaintDetail } from './complaints.service'

/** The consumer ends their own open complaint; the reason, if any, goes on the timeline. */
export async function withdrawComplaint(ctx: AppContext, consumer: AuthUser, id: string, request: WithdrawRequest): Promise<ComplaintDetail> {
  const complaint = await findVisibleComplaint(ctx, consumer, id)
  if (!isOpen(complaint.status)) throw new AppError(409, 'COMPLAINT_NOT_OPEN')
  const note = request.reason?.trim() ? request.reason : null
  await ctx.db.transaction().execute((trx) => changeStatus(trx, { complaint, to: ComplaintStatus.Withdrawn, actor: consumer, note, now: ctx.now() }))
  return loadComplaintDetail(ctx, (await findComplaintById(ctx.db, complaint.id))!)
}
