import { randomUUID } from 'node:crypto'
import type { ModerateReplyRequest, PendingReplyList, ProposeRequest, PublishRequest, StaffPublication } from '../../../../src/contract/published-case'
import { REPLY_WINDOW_DAYS } from '../../../../src/contract/published-case-rules'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { findComplaintById, type ComplaintRow } from '../complaints/complaints.repository'
import { notify } from '../notifications/notify'
import { holdsComplaint, staffScope } from '../organizations/organization-scope'
import { EVIDENCE_URL_TTL_SECONDS } from '../evidence/evidence.service'
import { syncCaseTerms } from './case-terms'
import { latestConsent, PUBLISHABLE_STATUSES } from './consent.service'
import { describeFinds, findPii } from './pii'
import { consumerPhotos, findPublicationByComplaint, findReply, liaisonsOf, pendingRepliesQuery, publishedPhotos } from './published-cases.repository'
import { draftSummary } from './summary-draft'

const DAY_MS = 86_400_000

/** The case, when the staff member's organization (or one above it) holds it; 404 otherwise. */
async function heldCase(ctx: AppContext, staff: AuthUser, complaintId: string): Promise<ComplaintRow> {
  const complaint = await findComplaintById(ctx.db, complaintId)
  if (!complaint || !holdsComplaint(await staffScope(ctx.db, staff.id), complaint)) throw new AppError(404, 'NOT_FOUND', '没有找到这件投诉')
  return complaint
}

async function consumerName(ctx: AppContext, complaint: ComplaintRow): Promise<string> {
  const row = await ctx.db.selectFrom('users').select('display_name').where('id', '=', complaint.consumer_id).executeTakeFirst()
  return row?.display_name ?? ''
}

/** 400 when the text still carries a phone, ID, card number, address or the consumer's name. */
export function assertNoPii(text: string, names: readonly string[]): void {
  const finds = findPii(text, { names })
  if (finds.length > 0) throw new AppError(400, 'PUBLICATION_PII_FOUND', `公示内容里还有${describeFinds(finds)}，请去掉后再提交`)
}

async function assertConsent(ctx: AppContext, complaintId: string) {
  const consent = await latestConsent(ctx.db, complaintId)
  if (!consent || Number(consent.publish) !== 1) throw new AppError(409, 'PUBLICATION_NO_CONSENT')
  return consent
}

export async function staffPublication(ctx: AppContext, staff: AuthUser, complaintId: string): Promise<StaffPublication> {
  const complaint = await heldCase(ctx, staff, complaintId)
  const [consent, publication, name] = await Promise.all([latestConsent(ctx.db, complaint.id), findPublicationByComplaint(ctx.db, complaint.id), consumerName(ctx, complaint)])
  const photosAllowed = Number(consent?.photos ?? 0) === 1 && Number(consent?.publish ?? 0) === 1
  const photos = photosAllowed ? await consumerPhotos(ctx.db, complaint.id, complaint.consumer_id) : []
  const reply = publication ? await findReply(ctx.db, publication.id) : undefined
  const chosen = publication ? await publishedPhotos(ctx.db, publication.id) : []
  return {
    complaintId: complaint.id,
    complaintNumber: complaint.number,
    ended: PUBLISHABLE_STATUSES.has(complaint.status),
    id: publication?.id ?? null,
    status: publication?.status ?? null,
    consent: { publish: Number(consent?.publish ?? 0) === 1, photos: photosAllowed, answeredAt: consent?.created_at ?? null },
    draftSummary: draftSummary(complaint, name),
    summary: publication?.summary ?? null,
    notifiedAt: publication?.notified_at ?? null,
    replyWindowEndsAt: publication?.reply_window_ends_at ?? null,
    publishedAt: publication?.published_at ?? null,
    photos: await Promise.all(photos.map(async (photo) => ({ evidenceId: photo.id, url: await ctx.storage.signedUrl(photo.display_key, EVIDENCE_URL_TTL_SECONDS) }))),
    publishedPhotoIds: chosen.map((photo) => photo.id),
    reply: reply ? { text: reply.text, status: reply.status, createdAt: reply.created_at } : null,
  }
}

/**
 * 提议公示: staff of the holding organization (or above) propose to publish an ended case the consumer
 * agreed to, with an anonymous summary; the enterprise is told now and its reply window starts.
 * Proposing again edits the summary (the window keeps running from the first notice).
 */
export async function proposePublication(ctx: AppContext, staff: AuthUser, complaintId: string, request: ProposeRequest): Promise<StaffPublication> {
  const complaint = await heldCase(ctx, staff, complaintId)
  if (!PUBLISHABLE_STATUSES.has(complaint.status)) throw new AppError(409, 'PUBLICATION_CASE_NOT_ENDED')
  await assertConsent(ctx, complaint.id)
  const summary = request.summary.trim()
  assertNoPii(summary, [await consumerName(ctx, complaint)])
  const now = ctx.now()
  const at = now.toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('published_cases').select(['id', 'status']).where('complaint_id', '=', complaint.id).executeTakeFirst()
    if (existing) {
      // A withdrawn publication comes back as a proposal (the consumer agreed again); a published one keeps its status.
      const status = existing.status === 'withdrawn' ? 'proposed' : existing.status
      await trx.updateTable('published_cases').set({ summary, status, withdrawn_at: null, updated_at: at }).where('id', '=', existing.id).execute()
      const row = await trx.selectFrom('published_cases').selectAll().where('id', '=', existing.id).executeTakeFirstOrThrow()
      await syncCaseTerms(trx, row)
      return
    }
    const id = randomUUID()
    await trx
      .insertInto('published_cases')
      .values({
        id,
        complaint_id: complaint.id,
        enterprise_id: complaint.enterprise_id,
        business_name: complaint.business_name,
        industry: complaint.industry,
        organization_path: complaint.organization_path ?? '/',
        status: 'proposed',
        summary,
        proposed_by: staff.id,
        notified_at: at,
        reply_window_ends_at: new Date(now.getTime() + REPLY_WINDOW_DAYS * DAY_MS).toISOString(),
        published_by: null,
        published_at: null,
        withdrawn_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute()
    if (complaint.enterprise_id) {
      for (const liaison of await liaisonsOf(trx, complaint.enterprise_id)) {
        await notify(trx, {
          recipientId: liaison.id,
          type: 'case_publication',
          title: '消协拟公示一件关于贵企业的投诉',
          body: `投诉 ${complaint.number} 已结案，消协拟匿名公示。贵企业可以在回复期内提交一次回复，审核后显示在案例旁边。`,
          link: '/packages/enterprise/pages/workspace/index',
          sourceKey: `case-publication:${id}`,
          now,
        })
      }
    }
  })
  return staffPublication(ctx, staff, complaint.id)
}

/**
 * 公示: after the reply window, with consent (checked again), the summary re-checked for personal
 * details, and only photos the consumer allowed and staff reviewed one by one.
 */
export async function publishCase(ctx: AppContext, staff: AuthUser, complaintId: string, request: PublishRequest): Promise<StaffPublication> {
  const complaint = await heldCase(ctx, staff, complaintId)
  const publication = await findPublicationByComplaint(ctx.db, complaint.id)
  if (!publication || publication.status === 'withdrawn') throw new AppError(409, publication ? 'PUBLICATION_NO_CONSENT' : 'PUBLICATION_NOT_PROPOSED')
  const consent = await assertConsent(ctx, complaint.id)
  const now = ctx.now()
  if (now.toISOString() < publication.reply_window_ends_at) throw new AppError(409, 'PUBLICATION_REPLY_WINDOW_OPEN')
  const summary = request.summary.trim()
  assertNoPii(summary, [await consumerName(ctx, complaint)])
  if (request.photoIds.length > 0 && Number(consent.photos) !== 1) throw new AppError(409, 'PUBLICATION_PHOTOS_NOT_ALLOWED')
  const own = new Set((await consumerPhotos(ctx.db, complaint.id, complaint.consumer_id)).map((photo) => photo.id))
  if (request.photoIds.some((id) => !own.has(id))) throw new AppError(400, 'VALIDATION_FAILED', '只能公示消费者本人在本案上传的照片')
  const at = now.toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    // Compare-and-swap on the status: a withdrawal committed meanwhile leaves it 'withdrawn' and this fails.
    const updated = await trx
      .updateTable('published_cases')
      .set((eb) => ({ status: 'published', summary, published_by: staff.id, published_at: eb.fn.coalesce('published_at', eb.val(at)), updated_at: at }))
      .where('id', '=', publication.id)
      .where('status', 'in', ['proposed', 'published'])
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError(409, 'PUBLICATION_NO_CONSENT')
    await trx.deleteFrom('published_case_photos').where('published_case_id', '=', publication.id).execute()
    if (request.photoIds.length > 0) {
      await trx
        .insertInto('published_case_photos')
        .values(request.photoIds.map((evidenceId, position) => ({ published_case_id: publication.id, evidence_id: evidenceId, position, reviewed_by: staff.id })))
        .execute()
    }
    const row = await trx.selectFrom('published_cases').selectAll().where('id', '=', publication.id).executeTakeFirstOrThrow()
    await syncCaseTerms(trx, row)
  })
  return staffPublication(ctx, staff, complaint.id)
}

/** Staff of the holding organization approve or reject the enterprise's reply (once). */
export async function moderateReply(ctx: AppContext, staff: AuthUser, complaintId: string, request: ModerateReplyRequest): Promise<StaffPublication> {
  const complaint = await heldCase(ctx, staff, complaintId)
  const publication = await findPublicationByComplaint(ctx.db, complaint.id)
  const reply = publication && (await findReply(ctx.db, publication.id))
  if (!publication || !reply) throw new AppError(404, 'PUBLICATION_NOT_FOUND', '这个案例还没有商家回复')
  const at = ctx.now().toISOString()
  const updated = await ctx.db
    .updateTable('published_case_replies')
    .set({ status: request.decision === 'approve' ? 'approved' : 'rejected', moderated_by: staff.id, moderated_at: at })
    .where('published_case_id', '=', publication.id)
    .where('status', '=', 'pending')
    .executeTakeFirst()
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError(409, 'PUBLICATION_REPLY_NOT_PENDING')
  return staffPublication(ctx, staff, complaint.id)
}

/** Enterprises' replies waiting for this staff member's organization (or one below it). */
export async function pendingReplies(ctx: AppContext, staff: AuthUser): Promise<PendingReplyList> {
  const scope = await staffScope(ctx.db, staff.id)
  const rows = await pendingRepliesQuery(ctx.db, scope.organization.parent_id === null ? null : scope.organization.path).execute()
  return { items: rows.map((row) => ({ publicationId: row.published_case_id, complaintId: row.complaint_id, businessName: row.business_name, text: row.text, createdAt: row.created_at })) }
}
