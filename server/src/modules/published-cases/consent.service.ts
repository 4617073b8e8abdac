import { randomUUID } from 'node:crypto'
import type { ConsentRequest, ConsentState } from '../../../../src/contract/published-case'
import { CONSENT_TEXT_VERSION, type ConsentStage } from '../../../../src/contract/published-case-rules'
import type { AppContext } from '../../context'
import type { Db } from '../../db/database'
import type { ComplaintRow } from '../complaints/complaints.repository'
import { findComplaintById } from '../complaints/complaints.repository'
import { AppError } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { consumerPhotos, latestConsentQuery, findPublicationByComplaint } from './published-cases.repository'
import { unpublish } from './case-terms'

/** Only a case that ended with a result can be published (not one withdrawn, refused or referred). */
export const PUBLISHABLE_STATUSES: ReadonlySet<string> = new Set(['resolved', 'closed'])

export async function latestConsent(db: Db, complaintId: string) {
  return latestConsentQuery(db, complaintId).executeTakeFirst()
}

/** One answer of the consumer, with the text version they read. Call in the transaction that needs it. */
export async function recordConsent(trx: Db, args: { complaintId: string; consumerId: string; stage: ConsentStage; publish: boolean; photos: boolean; at: string }) {
  await trx
    .insertInto('publication_consents')
    .values({
      id: randomUUID(),
      complaint_id: args.complaintId,
      consumer_id: args.consumerId,
      stage: args.stage,
      publish: args.publish ? 1 : 0,
      photos: args.publish && args.photos ? 1 : 0,
      text_version: CONSENT_TEXT_VERSION,
      created_at: args.at,
    })
    .execute()
}

async function ownComplaint(ctx: AppContext, user: AuthUser, id: string): Promise<ComplaintRow> {
  const complaint = await findComplaintById(ctx.db, id)
  if (!complaint || complaint.consumer_id !== user.id) throw new AppError(404, 'NOT_FOUND', '没有找到这件投诉')
  return complaint
}

async function stateOf(ctx: AppContext, complaint: ComplaintRow): Promise<ConsentState> {
  const consent = await latestConsent(ctx.db, complaint.id)
  const publication = await findPublicationByComplaint(ctx.db, complaint.id)
  const endedAt = PUBLISHABLE_STATUSES.has(complaint.status) ? (complaint.closed_at ?? complaint.updated_at) : null
  return {
    publish: Number(consent?.publish ?? 0) === 1,
    photos: Number(consent?.photos ?? 0) === 1,
    stage: consent?.stage ?? null,
    answeredAt: consent?.created_at ?? null,
    textVersion: consent?.text_version ?? null,
    askNow: endedAt !== null && (!consent || consent.created_at < endedAt),
    published: publication?.status === 'published',
    hasPhotos: (await consumerPhotos(ctx.db, complaint.id, complaint.consumer_id)).length > 0,
  }
}

/** The consumer's consent on their own case. */
export async function consentState(ctx: AppContext, user: AuthUser, id: string): Promise<ConsentState> {
  return stateOf(ctx, await ownComplaint(ctx, user, id))
}

/**
 * The consumer answers (同意公示 / 不同意) or changes their mind. Saying no withdraws at once: a
 * publication (proposed or on the public list) is taken down in the same transaction.
 */
export async function answerConsent(ctx: AppContext, user: AuthUser, id: string, request: ConsentRequest): Promise<ConsentState> {
  const complaint = await ownComplaint(ctx, user, id)
  if (!request.publish && request.photos) throw new AppError(400, 'VALIDATION_FAILED', '不同意公示时，照片也不会公示')
  const ended = PUBLISHABLE_STATUSES.has(complaint.status)
  const before = await latestConsent(ctx.db, complaint.id)
  const endedAt = complaint.closed_at ?? complaint.updated_at
  const stage: ConsentStage = ended && (!before || before.created_at < endedAt) ? 'closure' : 'change'
  const at = ctx.now().toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    await recordConsent(trx, { complaintId: complaint.id, consumerId: user.id, stage, publish: request.publish, photos: request.photos, at })
    if (!request.publish) await unpublish(trx, complaint.id, at)
    else if (!request.photos) await trx.deleteFrom('published_case_photos').where('published_case_id', 'in', trx.selectFrom('published_cases').select('id').where('complaint_id', '=', complaint.id)).execute()
  })
  return stateOf(ctx, complaint)
}
