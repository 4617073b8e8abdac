import { randomUUID } from 'node:crypto'
import type { AddMessageRequest, ComplaintDetail } from '../../../../src/contract/complaint'
import { MAX_PHOTOS_PER_COMPLAINT } from '../../../../src/contract/complaint-rules'
import { isOpen } from '../../../../src/contract/complaint-status'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { attachEvidence } from '../evidence/evidence.repository'
import { checkMessage } from './complaint-checks'
import { insertComplaintEvent, nextEventTime } from './complaint-events.repository'
import { countComplaintPhotos, findComplaintById, lockOpenComplaint, touchComplaint } from './complaints.repository'
import { findVisibleComplaint, loadComplaintDetail } from './complaints.service'

/**
 * The consumer adds words and/or photos to an open complaint. Photos: at most 9 per message and
 * MAX_PHOTOS_PER_COMPLAINT (30) over the whole complaint, so a long dispute can grow its evidence
 * without a complaint becoming an unbounded album.
 */
export async function addComplaintMessage(ctx: AppContext, consumer: AuthUser, id: string, request: AddMessageRequest): Promise<ComplaintDetail> {
  const complaint = await findVisibleComplaint(ctx, consumer, id)
  checkMessage(request)
  if (!isOpen(complaint.status)) throw new AppError(409, 'COMPLAINT_NOT_OPEN')
  const evidenceIds = request.evidenceIds ?? []
  const hasText = request.text.trim() !== ''

  await ctx.db.transaction().execute(async (trx) => {
    // Locked first: a withdrawal committing meanwhile is seen here, and the photo count cannot race.
    if (!(await lockOpenComplaint(trx, complaint.id))) throw new AppError(409, 'COMPLAINT_NOT_OPEN')
    const photos = await countComplaintPhotos(trx, complaint.id)
    if (photos + evidenceIds.length > MAX_PHOTOS_PER_COMPLAINT) {
      const left = Math.max(0, MAX_PHOTOS_PER_COMPLAINT - photos)
      throw new AppError(400, 'TOO_MANY_PHOTOS', `一件投诉最多 ${MAX_PHOTOS_PER_COMPLAINT} 张照片，还可以添加 ${left} 张`)
    }
    const at = await nextEventTime(trx, complaint.id, ctx.now())
    const eventId = randomUUID()
    await insertComplaintEvent(trx, {
      id: eventId,
      complaint_id: complaint.id,
      type: hasText ? 'message' : 'evidence_added',
      actor_id: consumer.id,
      actor_role: consumer.role,
      note: hasText ? request.text : null,
      from_status: null,
      to_status: null,
      created_at: at,
    })
    const attached = await attachEvidence(trx, { ids: evidenceIds, ownerId: consumer.id, complaintId: complaint.id, eventId, now: at })
    if (!attached) throw new AppError(422, 'EVIDENCE_INVALID')
    await touchComplaint(trx, complaint.id, at)
  })
  return loadComplaintDetail(ctx, (await findComplaintById(ctx.db, complaint.id))!)
}
