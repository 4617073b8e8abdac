import { randomUUID } from 'node:crypto'
import { LEGAL_AID_CONSENT_TEXT, LEGAL_AID_KIND_LABELS, type LegalAid, type LegalAidList, type NewLegalAidRequest } from '../../../../src/contract/legal-aid'
import type { AppContext } from '../../context'
import { isUniqueViolation } from '../../db/database'
import { AppError, notFound } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { findComplaintVisibleTo } from '../complaints/complaint-access'
import { findConsumerComplaint } from '../complaints/complaints.repository'
import { staffIds } from '../notifications/complaint-notifications'
import { notify } from '../notifications/notify'
import { toLegalAidDtos } from './legal-aid-dto'
import { aidOfComplaintQuery, findLegalAid } from './legal-aid.repository'

export const STAFF_AID_LINK = '/packages/lawyers/pages/staff/index?tab=aid'
export const CONSUMER_AID_LINK = '/packages/lawyers/pages/aid/index?complaintId='

/**
 * The consumer asks for legal aid on their own case, ticking the consent: its text and time are
 * recorded with the request. One active request per case and kind (a unique key decides between two
 * at once: the second gets 409). The staff who handle the case are told in the same transaction.
 */
export async function requestLegalAid(ctx: AppContext, consumer: AuthUser, complaintId: string, body: NewLegalAidRequest): Promise<LegalAid> {
  const complaint = await findConsumerComplaint(ctx.db, complaintId, consumer.id)
  if (!complaint) throw notFound('没有找到这件投诉')
  if (body.consent !== true) throw new AppError(400, 'LEGAL_AID_CONSENT_REQUIRED')
  const description = body.description.trim()
  if (description.length < 5) throw new AppError(400, 'VALIDATION_FAILED', '请写清楚需要律师帮什么（至少 5 个字）')
  if (complaint.status === 'withdrawn') throw new AppError(409, 'LEGAL_AID_COMPLAINT_WITHDRAWN')
  const now = ctx.now()
  const at = now.toISOString()
  const id = randomUUID()
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('legal_aid_requests')
        .values({
          id,
          complaint_id: complaint.id,
          consumer_id: consumer.id,
          kind: body.kind,
          description,
          status: 'open',
          active_key: `${complaint.id}:${body.kind}`,
          consent_text: LEGAL_AID_CONSENT_TEXT,
          consented_at: at,
          lawyer_id: null,
          assigned_by: null,
          assigned_at: null,
          finished_at: null,
          withdrawn_at: null,
          created_at: at,
          updated_at: at,
        })
        .execute()
      for (const staffId of await staffIds(trx, complaint)) {
        await notify(trx, {
          recipientId: staffId,
          type: 'complaint_assigned',
          title: '消费者申请法律援助',
          body: `${complaint.business_name}（${complaint.number}）：申请${LEGAL_AID_KIND_LABELS[body.kind]}，请指派律师。`,
          link: STAFF_AID_LINK,
          complaintId: complaint.id,
          sourceKey: `legal-aid:${id}:requested:${staffId}`,
          now,
        })
      }
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'LEGAL_AID_EXISTS')
    throw error
  }
  return (await toLegalAidDtos(ctx.db, [(await findLegalAid(ctx.db, id))!]))[0]!
}

/** A case's requests for the consumer who filed it and staff who see it; anyone else 404. */
export async function legalAidOfComplaint(ctx: AppContext, viewer: AuthUser, complaintId: string): Promise<LegalAidList> {
  const complaint = await findComplaintVisibleTo(ctx, viewer, complaintId)
  if (!complaint) throw notFound('没有找到这件投诉')
  return { items: await toLegalAidDtos(ctx.db, await aidOfComplaintQuery(ctx.db, complaint.id).execute()) }
}

/**
 * The consumer withdraws a request (and with it the consent) while it is not finished: a
 * conditional update, so the lawyer's access ends with this commit. An assigned lawyer is told.
 */
export async function withdrawLegalAid(ctx: AppContext, consumer: AuthUser, id: string): Promise<LegalAid> {
  const row = await findLegalAid(ctx.db, id)
  if (!row || row.consumer_id !== consumer.id) throw new AppError(404, 'LEGAL_AID_NOT_FOUND')
  const now = ctx.now()
  const at = now.toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('legal_aid_requests')
      .set({ status: 'withdrawn', active_key: null, withdrawn_at: at, updated_at: at })
      .where('id', '=', id)
      .where('status', 'in', ['open', 'assigned'])
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError(409, 'LEGAL_AID_NOT_OPEN')
    if (row.status === 'assigned' && row.lawyer_id) {
      await notify(trx, {
        recipientId: row.lawyer_id,
        type: 'complaint_status',
        title: '消费者撤回了法律援助申请',
        body: `${row.business_name}（${row.number}）：申请已撤回，您不能再查阅本案材料。`,
        link: '/packages/lawyers/pages/lawyer/index',
        sourceKey: `legal-aid:${id}:withdrawn`,
        now,
      })
    }
  })
  return (await toLegalAidDtos(ctx.db, [(await findLegalAid(ctx.db, id))!]))[0]!
}
