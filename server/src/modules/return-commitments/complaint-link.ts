import type { ComplaintReturnCommitmentAnswer, ReturnCommitmentTerms } from '../../../../src/contract/return-commitment'
import type { AppContext } from '../../context'
import type { Db } from '../../db/database'
import { AppError } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { findComplaintVisibleTo } from '../complaints/complaint-access'
import { termsOf } from './commitment-dto'
import { findCommitment } from './return-commitments.repository'

/**
 * 一键投诉: inside the filing transaction, the complaint keeps the store's commitment and its terms as they
 * are today, and goes to the front of the staff queue (complaints.queue_priority). The business must be the
 * committing enterprise and the commitment still in force.
 */
export async function attachCommitment(trx: Db, args: { complaintId: string; commitmentId: string; enterpriseId: string | null; at: string }) {
  const row = await findCommitment(trx, args.commitmentId)
  if (!row) throw new AppError(422, 'RETURN_COMMITMENT_NOT_FOUND')
  if (row.status !== 'active') throw new AppError(422, 'RETURN_COMMITMENT_NOT_ACTIVE')
  if (args.enterpriseId !== row.enterprise_id) throw new AppError(422, 'VALIDATION_FAILED', '被投诉的商家与承诺门店所属企业不一致，请从门店页面重新发起一键投诉')
  const snapshot = { storeName: row.store_name, storeAddress: row.store_address, enterpriseName: row.enterprise_name, signedAt: row.signed_at, terms: termsOf(row) }
  await trx.insertInto('return_commitment_complaints').values({ complaint_id: args.complaintId, commitment_id: row.id, terms: JSON.stringify(snapshot), created_at: args.at, upheld_at: null, upheld_by: null }).execute()
  await trx.updateTable('complaints').set({ queue_priority: 1 }).where('id', '=', args.complaintId).execute()
}

interface Snapshot {
  storeName: string
  storeAddress: string
  enterpriseName: string
  signedAt: string
  terms: ReturnCommitmentTerms
}

/** The commitment a complaint carries, for whoever may open the complaint (consumer, enterprise on ODR, staff). */
export async function complaintCommitment(ctx: AppContext, user: AuthUser, complaintId: string): Promise<ComplaintReturnCommitmentAnswer> {
  const complaint = await findComplaintVisibleTo(ctx, user, complaintId)
  if (!complaint) throw new AppError(404, 'NOT_FOUND', '没有找到这件投诉')
  const link = await ctx.db.selectFrom('return_commitment_complaints').selectAll().where('complaint_id', '=', complaintId).executeTakeFirst()
  if (!link) return { commitment: null }
  const snapshot = JSON.parse(link.terms) as Snapshot
  return { commitment: { commitmentId: link.commitment_id, ...snapshot, upheldAt: link.upheld_at } }
}
