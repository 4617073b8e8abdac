import { randomUUID } from 'node:crypto'
import sanitizeHtml from 'sanitize-html'
import { COMPLAINT_EVENT_LABELS } from '../../../../src/contract/complaint-events'
import { MOVE_EVENT_LABELS } from '../../../../src/contract/complaint-moves'
import { COMPLAINT_STATUS_LABELS } from '../../../../src/contract/complaint-status'
import { DEMAND_LABELS, type Demand } from '../../../../src/contract/complaint-rules'
import { LEGAL_AID_KIND_LABELS, OPINION_MIN, type LegalAid, type LegalAidCase, type LegalAidList, type OpinionRequest } from '../../../../src/contract/legal-aid'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { findComplaintEvents, insertComplaintEvent, nextEventTime } from '../complaints/complaint-events.repository'
import { findComplaintById } from '../complaints/complaints.repository'
import { findEvidenceByComplaint } from '../evidence/evidence.repository'
import { requireActiveLawyer } from '../lawyers/lawyer-team.service'
import { notify } from '../notifications/notify'
import { toLegalAidDtos } from './legal-aid-dto'
import { aidOfLawyerQuery, findLegalAid, type LegalAidListRow } from './legal-aid.repository'

const EVENT_LABELS: Record<string, string> = { ...COMPLAINT_EVENT_LABELS, ...MOVE_EVENT_LABELS }

/** An opinion is plain text: markup removed (with any script's content), entities shown as the characters they stand for. */
export function plainOpinion(text: string): string {
  const plain = sanitizeHtml(text, { allowedTags: [], allowedAttributes: {}, nonTextTags: ['script', 'style', 'textarea', 'noscript', 'iframe', 'template'] })
  const decoded = plain.replace(/&(lt|gt|quot|#39|amp);/g, (entity) => ({ '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' })[entity] ?? entity)
  return decoded.replace(/[<>]/g, '').trim()
}

/** The lawyer's requests: those in hand, then those finished. A suspended lawyer: 403. */
export async function lawyerLegalAid(ctx: AppContext, user: AuthUser): Promise<LegalAidList> {
  await requireActiveLawyer(ctx.db, user.id)
  const [assigned, finished] = await Promise.all([aidOfLawyerQuery(ctx.db, user.id, 'assigned').execute(), aidOfLawyerQuery(ctx.db, user.id, 'finished').execute()])
  return { items: await toLegalAidDtos(ctx.db, [...assigned, ...finished]) }
}

/** The request in hand of this active lawyer; another lawyer's, a withdrawn or finished one: 404. */
async function requestInHand(ctx: AppContext, user: AuthUser, id: string): Promise<LegalAidListRow> {
  await requireActiveLawyer(ctx.db, user.id)
  const row = await findLegalAid(ctx.db, id)
  if (!row || row.lawyer_id !== user.id || row.status !== 'assigned') throw new AppError(404, 'LEGAL_AID_NOT_FOUND')
  return row
}

/**
 * The case record for the assigned lawyer while the request is in hand (the consent stands):
 * facts, timeline, and the photos' ids, which the lawyer opens through GET /evidence/:id.
 */
export async function legalAidCase(ctx: AppContext, user: AuthUser, id: string): Promise<LegalAidCase> {
  const row = await requestInHand(ctx, user, id)
  const [complaint, events, photos] = await Promise.all([findComplaintById(ctx.db, row.complaint_id), findComplaintEvents(ctx.db, row.complaint_id), findEvidenceByComplaint(ctx.db, row.complaint_id)])
  if (!complaint) throw new AppError(404, 'LEGAL_AID_NOT_FOUND')
  const demands = (JSON.parse(complaint.demands) as Demand[]).map((demand) => DEMAND_LABELS[demand] ?? demand)
  return {
    request: (await toLegalAidDtos(ctx.db, [row]))[0]!,
    complaint: {
      number: complaint.number,
      businessName: complaint.business_name,
      status: complaint.status,
      incidentDate: complaint.incident_date,
      amountFen: Number(complaint.amount_fen),
      description: complaint.description,
      demands: complaint.demand_detail ? [...demands, complaint.demand_detail] : demands,
    },
    timeline: events.map((event) => ({
      type: event.type,
      label: event.type === 'status_changed' && event.to_status ? COMPLAINT_STATUS_LABELS[event.to_status] : (EVENT_LABELS[event.type] ?? event.type),
      note: event.note,
      createdAt: event.created_at,
    })),
    photoIds: photos.map((photo) => photo.id),
  }
}

/**
 * The lawyer's opinion becomes a 律师意见 event of the case (the consumer and staff read it on the
 * timeline and are told). Counted on the request in the same transaction, only while it is in hand.
 */
export async function writeOpinion(ctx: AppContext, user: AuthUser, id: string, body: OpinionRequest): Promise<LegalAid> {
  const row = await requestInHand(ctx, user, id)
  const text = plainOpinion(body.text)
  if (text.length < OPINION_MIN) throw new AppError(400, 'VALIDATION_FAILED', '法律意见至少写 10 个字（不含网页标记）')
  const lawyer = await requireActiveLawyer(ctx.db, user.id)
  const now = ctx.now()
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('legal_aid_requests')
      .set((eb) => ({ opinion_count: eb('opinion_count', '+', 1), updated_at: now.toISOString() }))
      .where('id', '=', id)
      .where('lawyer_id', '=', user.id)
      .where('status', '=', 'assigned')
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError(404, 'LEGAL_AID_NOT_FOUND')
    await insertComplaintEvent(trx, {
      id: randomUUID(),
      complaint_id: row.complaint_id,
      type: 'lawyer_opinion',
      actor_id: user.id,
      actor_role: user.role,
      note: text,
      from_status: null,
      to_status: null,
      created_at: await nextEventTime(trx, row.complaint_id, now),
      data: JSON.stringify({ legalAidId: id, kind: row.kind, kindLabel: LEGAL_AID_KIND_LABELS[row.kind], lawyerName: lawyer.display_name, firm: lawyer.firm }),
    })
  })
  return (await toLegalAidDtos(ctx.db, [(await findLegalAid(ctx.db, id))!]))[0]!
}

/** The lawyer finishes the request once they wrote at least one opinion; the consumer is told. Access ends with it. */
export async function finishLegalAid(ctx: AppContext, user: AuthUser, id: string): Promise<LegalAid> {
  const row = await requestInHand(ctx, user, id)
  const now = ctx.now()
  const at = now.toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('legal_aid_requests')
      .set({ status: 'finished', active_key: null, finished_at: at, updated_at: at })
      .where('id', '=', id)
      .where('lawyer_id', '=', user.id)
      .where('status', '=', 'assigned')
      .where('opinion_count', '>', 0)
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError(409, 'LEGAL_AID_NO_OPINION')
    await notify(trx, {
      recipientId: row.consumer_id,
      type: 'complaint_status',
      title: '法律援助已完成',
      body: `${row.business_name}（${row.number}）的${LEGAL_AID_KIND_LABELS[row.kind]}已完成，律师意见在投诉进度中。`,
      link: `/packages/complaint/pages/detail/index?id=${row.complaint_id}`,
      complaintId: row.complaint_id,
      sourceKey: `legal-aid:${id}:finished`,
      now,
    })
  })
  return (await toLegalAidDtos(ctx.db, [(await findLegalAid(ctx.db, id))!]))[0]!
}
