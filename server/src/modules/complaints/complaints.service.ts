import type { ComplaintDetail, ComplaintListQuery, ComplaintListResponse } from '../../../../src/contract/complaint'
import { isOpen } from '../../../../src/contract/complaint-status'
import { maskPhone } from '../../../../src/contract/rules'
import type { AppContext } from '../../context'
import { notFound } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { findEvidenceByComplaint } from '../evidence/evidence.repository'
import { complaintViewers, recordAccess } from '../privacy/access-log.service'
import { decodeCursor, encodeCursor } from '../../time-cursor'
import { toComplaintDetail, toComplaintSummary } from './complaint-dto'
import { findComplaintEvents } from './complaint-events.repository'
import { findComplaintVisibleTo } from './complaint-access'
import { listConsumerComplaints, type ComplaintRow } from './complaints.repository'
import { canTake } from '../../../../src/contract/complaint-workflow'
import { referralDestinations, referralOptions } from '../referrals/referrals.service'
import { sourceOfComplaint } from '../lawyers/qa-follow-up.repository'
import { sessionTitle } from '../../../../src/contract/lawyer-qa-rules'

const DEFAULT_PAGE_SIZE = 20

/** The complaint if this user may see it (findComplaintVisibleTo); otherwise 404, not 403, so ids cannot be probed. */
export async function findVisibleComplaint(ctx: AppContext, user: AuthUser, id: string): Promise<ComplaintRow> {
  const complaint = await findComplaintVisibleTo(ctx, user, id)
  if (!complaint) throw notFound('没有找到这件投诉')
  return complaint
}

/**
 * A liaison sees the consumer's phone only while the case is open with their enterprise on the ODR path
 * and the consumer agreed at filing to share the complaint with the business (PIPL art. 23).
 */
export function liaisonMaySeePhone(complaint: ComplaintRow, viewer: AuthUser): boolean {
  return (
    viewer.role === 'enterprise' &&
    complaint.consent_at !== null &&
    isOpen(complaint.status) &&
    complaint.path === 'odr' &&
    viewer.enterpriseId !== null &&
    complaint.enterprise_id === viewer.enterpriseId
  )
}

/** The detail as `viewer` may see it: an enterprise sees the consumer's phone masked unless liaisonMaySeePhone. */
export async function loadComplaintDetail(ctx: AppContext, complaint: ComplaintRow, viewer?: AuthUser): Promise<ComplaintDetail> {
  const [events, evidence] = await Promise.all([findComplaintEvents(ctx.db, complaint.id), findEvidenceByComplaint(ctx.db, complaint.id)])
  const [detail, consumer, source] = await Promise.all([
    toComplaintDetail(ctx, complaint, events, evidence),
    ctx.db.selectFrom('users').select(['display_name', 'deleted_at']).where('id', '=', complaint.consumer_id).executeTakeFirst(),
    sourceOfComplaint(ctx.db, complaint.id),
  ])
  if (consumer?.deleted_at) detail.consumerPseudonym = consumer.display_name
  if (source) detail.sourceQuestion = { questionId: source.question_id, sessionTitle: sessionTitle(Number(source.session_number)) }
  // Staff who may still refer the case get the bodies to choose from, the likely ones first.
  if (viewer?.role === 'staff' && canTake('refer', complaint.status, 'staff')) {
    const grounds = detail.rules.refusalGrounds.map((g) => g.code)
    detail.referral = { given: detail.referral?.given ?? null, options: referralOptions(await referralDestinations(ctx), complaint.industry, grounds) }
  }
  return viewer?.role === 'enterprise' && !liaisonMaySeePhone(complaint, viewer) ? { ...detail, contactPhone: maskPhone(detail.contactPhone) } : detail
}

export async function getComplaintDetail(ctx: AppContext, user: AuthUser, id: string): Promise<ComplaintDetail> {
  return readComplaintDetail(ctx, await findVisibleComplaint(ctx, user, id), user)
}

/**
 * The detail sent to `user` (a read, or the answer to their action): staff and liaison reads are
 * recorded, as the answer holds the consumer's details; the consumer also sees who opened the case (谁查看过).
 */
export async function readComplaintDetail(ctx: AppContext, complaint: ComplaintRow, user: AuthUser): Promise<ComplaintDetail> {
  const detail = await loadComplaintDetail(ctx, complaint, user)
  if (user.role === 'staff' || user.role === 'enterprise') {
    const phoneShown = detail.contactPhone !== '' && detail.contactPhone === complaint.contact_phone
    await recordAccess(ctx, user, phoneShown ? 'phone' : 'detail', complaint.id)
    return detail
  }
  return { ...detail, viewers: await complaintViewers(ctx, complaint.id) }
}

/** The consumer's complaints, newest first; the cursor stays valid while new complaints arrive. */
export async function listComplaints(ctx: AppContext, consumerId: string, query: ComplaintListQuery): Promise<ComplaintListResponse> {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE
  const rows = await listConsumerComplaints(ctx.db, {
    consumerId,
    state: query.state,
    after: query.cursor ? decodeCursor(query.cursor) : null,
    limit: limit + 1,
  })
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return {
    items: page.map(toComplaintSummary),
    nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
  }
}
