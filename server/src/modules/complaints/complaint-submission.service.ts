import { randomUUID } from 'node:crypto'
import type { ComplaintDetail, CreateComplaintRequest } from '../../../../src/contract/complaint'
import { chinaToday } from '../../../../src/contract/complaint-rules'
import { ComplaintStatus, HandlingPath } from '../../../../src/contract/complaint-status'
import type { AppContext } from '../../context'
import { isUniqueViolation, type Db } from '../../db/database'
import { AppError } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { attachEvidence } from '../evidence/evidence.repository'
import { findEnterpriseById } from '../users/enterprise.repository'
import { organizationForComplaint } from '../organizations/jurisdiction'
import type { OrganizationRow } from '../organizations/organizations.repository'
import { groupKeyOf } from '../groups/group-key'
import { detectGroup } from '../groups/group-formation.service'
import { rulesForFiling, stepDeadline, type CaseRules } from '../rules/rule-sets.service'
import { checkComplaintSource, linkComplaintToQuestion } from '../lawyers/qa-complaint.service'
import { linkOfQuestion } from '../lawyers/qa-follow-up.repository'
import { checkComplaint } from './complaint-checks'
import { insertComplaintEvent } from './complaint-events.repository'
import { nextComplaintNumber } from './complaint-number'
import { findComplaintByIdempotencyKey, insertComplaint, type ComplaintRow } from './complaints.repository'
import { loadComplaintDetail } from './complaints.service'
import { findMerge, findOpenRepeat, mergedAnswer, mergeRepeat, reloadComplaint, repeatKeyOf, sameFacts } from './repeat-complaints'
import { requestHash } from './request-hash'
import { recordConsent } from '../published-cases/consent.service'
import { attachCommitment } from '../return-commitments/complaint-link'

export interface Submission {
  /** 201 when this request filed the complaint, 200 when it repeats one already filed. */
  statusCode: 200 | 201
  complaint: ComplaintDetail
}

/**
 * Files a complaint exactly once per idempotency key: a retry after a timeout, or a second request
 * racing the first, gets the complaint the first one made.
 */
export async function submitComplaint(
  ctx: AppContext,
  consumer: AuthUser,
  idempotencyKey: string | undefined,
  request: CreateComplaintRequest,
): Promise<Submission> {
  if (!idempotencyKey) throw new AppError(400, 'IDEMPOTENCY_KEY_REQUIRED')
  const key = idempotencyKey.toLowerCase()
  const hash = requestHash(request)
  // Before the checks: a retry must succeed even though its photos are now attached (to it).
  const earlier = await findComplaintByIdempotencyKey(ctx.db, consumer.id, key)
  if (earlier) return repeat(ctx, earlier, hash)
  const merged = await findMerge(ctx.db, consumer.id, key)
  if (merged) return repeatMerge(ctx, merged, hash)

  const now = ctx.now()
  const { enterpriseId, enterprise, path } = await checkFiling(ctx, request, now)
  // 一键投诉 from a lawyer's answer: only the asker, once per question; never merged into another case.
  const sourceQuestionId = request.sourceQuestionId
  if (sourceQuestionId) await checkComplaintSource(ctx, consumer, sourceQuestionId)
  const repeatKey = repeatKeyOf(request, enterpriseId)
  const open = await findOpenRepeat(ctx.db, consumer.id, repeatKey)
  if (open && !sourceQuestionId && sameFacts(open.description, request.description)) {
    const answer = await tryMerge(ctx, { consumer, target: open, key, hash, request })
    if (answer) return answer
  }
  // Another dispute that only shares the date and amount is a case of its own, without the repeat key
  // (the open one holds it).
  const organization = await organizationForComplaint(ctx.db, { enterprise, businessRegion: request.business.region })
  const file = (withKey: string | null) => fileNew(ctx, { consumer, key, hash, request, enterpriseId, path, now, repeatKey: withKey, organization })
  try {
    return await file(open ? null : repeatKey)
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    // A concurrent request with the same key committed first: answer with its complaint.
    const winner = await findComplaintByIdempotencyKey(ctx.db, consumer.id, key)
    if (winner) return repeat(ctx, winner, hash)
    // Two filings from one question at once (another key): the first keeps it.
    if (sourceQuestionId && (await linkOfQuestion(ctx.db, sourceQuestionId))) throw new AppError(409, 'QA_COMPLAINT_EXISTS')
    if (sourceQuestionId) return file(null)
    const mergedMeanwhile = await findMerge(ctx.db, consumer.id, key)
    if (mergedMeanwhile) return repeatMerge(ctx, mergedMeanwhile, hash)
    // The same dispute filed at once under another key: the first became the case, this one joins it.
    const first = await findOpenRepeat(ctx.db, consumer.id, repeatKey)
    if (!first) throw error
    if (!sameFacts(first.description, request.description)) return file(null)
    const answer = await tryMerge(ctx, { consumer, target: first, key, hash, request })
    if (!answer) throw error
    return answer
  }
}

/** The request's own checks, its directory enterprise and its handling path; 422 when the enterprise is unknown. */
export async function checkFiling(ctx: AppContext, request: CreateComplaintRequest, now: Date) {
  checkComplaint(request, chinaToday(now))
  const enterpriseId = request.business.enterpriseId ?? null
  const enterprise = enterpriseId ? await findEnterpriseById(ctx.db, enterpriseId) : undefined
  if (enterpriseId && !enterprise) {
    throw new AppError(422, 'VALIDATION_FAILED', '所选的商家不存在，请重新选择或直接填写商家名称')
  }
  // The ODR green channel only when asked for and the enterprise takes part; otherwise the association.
  const path = request.path === HandlingPath.Odr && Number(enterprise?.odr ?? 0) === 1 ? HandlingPath.Odr : HandlingPath.Association
  return { enterpriseId, enterprise, path }
}

async function fileNew(ctx: AppContext, args: Omit<Parameters<typeof fileComplaint>[1], 'rules'>): Promise<Submission> {
  // The receiving organization's rules in force on the filing date, recorded on the case and kept for
  // its whole life (a later transfer does not change them).
  const rules = await rulesForFiling(ctx, ctx.db, args.now, args.organization)
  const complaint = await ctx.db.transaction().execute((trx) => fileComplaint(trx, { ...args, rules }))
  // After the filing committed: a group forming never undoes a complaint.
  await detectGroup(ctx, complaint, args.organization)
  return { statusCode: 201, complaint: await loadComplaintDetail(ctx, complaint) }
}

async function tryMerge(ctx: AppContext, args: Parameters<typeof mergeRepeat>[1]): Promise<Submission | null> {
  try {
    if (!(await mergeRepeat(ctx, args))) return null
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    // A retry of this very request merged first.
    const merged = await findMerge(ctx.db, args.consumer.id, args.key)
    if (!merged) throw error
    return repeatMerge(ctx, merged, args.hash)
  }
  return { statusCode: 200, complaint: await mergedAnswer(ctx, await reloadComplaint(ctx, args.target.id)) }
}

async function repeatMerge(ctx: AppContext, merge: { request_hash: string; complaint_id: string }, hash: string): Promise<Submission> {
  if (merge.request_hash !== hash) throw new AppError(409, 'IDEMPOTENCY_KEY_REUSED')
  return { statusCode: 200, complaint: await mergedAnswer(ctx, await reloadComplaint(ctx, merge.complaint_id)) }
}

async function repeat(ctx: AppContext, complaint: ComplaintRow, hash: string): Promise<Submission> {
  if (complaint.request_hash !== hash) throw new AppError(409, 'IDEMPOTENCY_KEY_REUSED')
  return { statusCode: 200, complaint: await loadComplaintDetail(ctx, complaint) }
}

/** Filed at a station counter by an operator for the person (代办): the operator's photos become the person's. */
export interface WalkInFiling {
  /** The station, for a counter filing; null when staff file for someone elsewhere (a court referral). */
  stationId: string | null
  operator: AuthUser
  /** The 'submitted' event's note: where, by whom, and when the person confirmed. */
  note: string
}

/** The complaint, its 'submitted' event and its photo links: all or nothing. */
export async function fileComplaint(
  trx: Db,
  args: {
    consumer: Pick<AuthUser, 'id' | 'role'>
    walkIn?: WalkInFiling
    key: string
    hash: string
    request: CreateComplaintRequest
    enterpriseId: string | null
    path: HandlingPath
    now: Date
    rules: CaseRules
    repeatKey: string | null
    organization: OrganizationRow
  },
): Promise<ComplaintRow> {
  const { consumer, request, now } = args
  const at = now.toISOString()
  const odr = args.path === HandlingPath.Odr
  const status = odr ? ComplaintStatus.EnterpriseHandling : ComplaintStatus.AwaitingReview
  const dueKind = odr ? 'enterprise_response' : 'review'
  const number = await nextComplaintNumber(trx, now)
  const creditCode = request.business.creditCode?.trim().toUpperCase() || null
  // The complaint row next: a duplicate key fails here, before the photos are touched.
  const complaint = await insertComplaint(trx, {
    id: randomUUID(),
    number,
    consumer_id: consumer.id,
    status,
    path: args.path,
    enterprise_id: args.enterpriseId,
    business_name: request.business.name,
    business_address: request.business.address || null,
    business_region: request.business.region || null,
    business_credit_code: creditCode,
    industry: request.industry,
    incident_date: request.incidentDate,
    amount_fen: request.amountFen,
    demands: JSON.stringify(request.demands),
    demand_detail: request.demandDetail?.trim() ? request.demandDetail : null,
    description: request.description,
    contact_phone: request.contactPhone,
    consent_at: at,
    idempotency_key: args.key,
    request_hash: args.hash,
    created_at: at,
    updated_at: at,
    closed_at: null,
    ...stepDeadline(args.rules, dueKind, now),
    rule_set_id: args.rules.row.id,
    repeat_key: args.repeatKey,
    organization_id: args.organization.id,
    organization_path: args.organization.path,
    station_id: args.walkIn?.stationId ?? null,
    filed_by: args.walkIn?.operator.id ?? null,
    group_key: groupKeyOf({ enterpriseId: args.enterpriseId, creditCode, name: request.business.name, region: request.business.region || null }),
    group_id: null,
  })
  const eventId = randomUUID()
  await insertComplaintEvent(trx, {
    id: eventId,
    complaint_id: complaint.id,
    type: 'submitted',
    actor_id: args.walkIn?.operator.id ?? consumer.id,
    actor_role: args.walkIn?.operator.role ?? consumer.role,
    note: args.walkIn?.note ?? null,
    from_status: null,
    to_status: status,
    created_at: at,
  })
  const attached = await attachEvidence(trx, {
    ids: request.evidenceIds,
    ownerId: args.walkIn?.operator.id ?? consumer.id,
    newOwnerId: consumer.id,
    complaintId: complaint.id,
    eventId,
    now: at,
  })
  if (!attached) throw new AppError(422, 'EVIDENCE_INVALID')
  if (request.sourceQuestionId) await linkComplaintToQuestion(trx, { questionId: request.sourceQuestionId, complaintId: complaint.id, now: at })
  // 个案公示: the separate consent asked at filing (issue #19), recorded only when answered.
  const publication = request.publicationConsent
  if (publication) await recordConsent(trx, { complaintId: complaint.id, consumerId: consumer.id, stage: 'filing', publish: publication.publish, photos: publication.photos, at })
  if (request.returnCommitmentId) {
    await attachCommitment(trx, { complaintId: complaint.id, commitmentId: request.returnCommitmentId, enterpriseId: args.enterpriseId, at })
  }
  return complaint
}
