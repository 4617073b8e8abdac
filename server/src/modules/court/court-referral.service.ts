import { randomUUID } from 'node:crypto'
import { isOpen } from '../../../../src/contract/complaint-status'
import { COURT_CASE_NUMBER, normalizeCourtCaseNumber, type CourtReferralFields, type NewCourtCaseRequest, type NewCourtCaseResponse, type CourtHandOff } from '../../../../src/contract/court'
import { chinaDate } from '../../china-time'
import type { AppContext } from '../../context'
import { isUniqueViolation, type Db } from '../../db/database'
import { AppError, notFound } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { findComplaintVisibleTo } from '../complaints/complaint-access'
import { insertComplaintEvent, nextEventTime } from '../complaints/complaint-events.repository'
import { checkFiling, fileComplaint } from '../complaints/complaint-submission.service'
import { requestHash } from '../complaints/request-hash'
import { staffScope } from '../organizations/organization-scope'
import { rulesForFiling } from '../rules/rule-sets.service'
import { findOrCreateUserByPhone, findUserByPhone } from '../users/user.repository'
import { courtHandOff } from './court-hand-off.service'
import { findReferral, insertReferral } from './court.repository'

/** The referral as entered, checked: a real-looking case number, dates that make sense. */
function checkReferral(fields: CourtReferralFields, now: Date) {
  const courtCaseNumber = normalizeCourtCaseNumber(fields.courtCaseNumber)
  if (!COURT_CASE_NUMBER.test(courtCaseNumber)) throw new AppError(422, 'COURT_CASE_NUMBER_INVALID')
  const courtName = fields.courtName.trim()
  if (courtName.length < 4 || !courtName.endsWith('法院')) throw new AppError(422, 'VALIDATION_FAILED', '请填写委托法院的全称，如 杭州市西湖区人民法院')
  if (fields.receivedOn > chinaDate(now) || fields.courtDeadline < fields.receivedOn || Number.isNaN(Date.parse(fields.receivedOn)) || Number.isNaN(Date.parse(fields.courtDeadline))) {
    throw new AppError(422, 'COURT_REFERRAL_DATES_INVALID')
  }
  return { courtName, courtCaseNumber, receivedOn: fields.receivedOn, courtDeadline: fields.courtDeadline }
}

async function mayMediate(ctx: AppContext, user: AuthUser) {
  if (!(await staffScope(ctx.db, user.id)).canMediate) throw new AppError(403, 'FORBIDDEN', '只有有调解权限的工作人员才能登记法院委托')
}

/** Writes the referral, its copy on the complaint and the timeline event, in the caller's transaction. */
async function recordReferral(trx: Db, ctx: AppContext, user: AuthUser, complaintId: string, referral: ReturnType<typeof checkReferral>) {
  const now = ctx.now().toISOString()
  await insertReferral(trx, {
    complaint_id: complaintId,
    court_name: referral.courtName,
    court_case_number: referral.courtCaseNumber,
    received_on: referral.receivedOn,
    court_deadline: referral.courtDeadline,
    registered_by: user.id,
    created_at: now,
  })
  await insertComplaintEvent(trx, {
    id: randomUUID(),
    complaint_id: complaintId,
    type: 'court_referred',
    actor_id: user.id,
    actor_role: user.role,
    note: `${referral.courtName}委托调解，案号 ${referral.courtCaseNumber}，法院确定的调解期限 ${referral.courtDeadline}`,
    from_status: null,
    to_status: null,
    created_at: await nextEventTime(trx, complaintId, ctx.now()),
    data: JSON.stringify(referral),
  })
}

/** A taken case number or an already-referred case, told apart after the unique index refused the insert. */
async function explainDuplicate(ctx: AppContext, complaintId: string | null): Promise<AppError> {
  if (complaintId && (await findReferral(ctx.db, complaintId))) return new AppError(409, 'COURT_REFERRAL_EXISTS')
  return new AppError(409, 'COURT_CASE_NUMBER_TAKEN')
}

/** 诉前委托调解 on a complaint already filed with us (one the caller may see; others 404). */
export async function referExistingComplaint(ctx: AppContext, user: AuthUser, complaintId: string, fields: CourtReferralFields): Promise<CourtHandOff> {
  const complaint = await findComplaintVisibleTo(ctx, user, complaintId)
  if (!complaint) throw notFound('没有找到这件投诉')
  await mayMediate(ctx, user)
  const referral = checkReferral(fields, ctx.now())
  if (!isOpen(complaint.status)) throw new AppError(409, 'COURT_REFERRAL_CASE_CLOSED')
  if (await findReferral(ctx.db, complaint.id)) throw new AppError(409, 'COURT_REFERRAL_EXISTS')
  try {
    await ctx.db.transaction().execute((trx) => recordReferral(trx, ctx, user, complaint.id, referral))
  } catch (error) {
    if (isUniqueViolation(error)) throw await explainDuplicate(ctx, complaint.id)
    throw error
  }
  return courtHandOff(ctx, user, complaint.id)
}

/**
 * 诉前委托调解 of a dispute never filed with us: a complaint is filed for the consumer (their account
 * by phone, made if new) with the caller's organization, the one the court referred it to, and it
 * waits for acceptance like any association case. All or nothing: a taken case number files nothing.
 */
export async function referNewCase(ctx: AppContext, user: AuthUser, body: NewCourtCaseRequest): Promise<NewCourtCaseResponse> {
  await mayMediate(ctx, user)
  const now = ctx.now()
  const referral = checkReferral(body.referral, now)
  const existing = await findUserByPhone(ctx.db, body.consumer.phone)
  if (existing && !['consumer', 'volunteer'].includes(existing.role)) throw new AppError(422, 'WALK_IN_PHONE_NOT_CONSUMER')
  const request = {
    business: body.business,
    industry: body.industry,
    incidentDate: body.incidentDate,
    amountFen: body.amountFen,
    description: body.description,
    demands: body.demands,
    evidenceIds: [],
    contactPhone: body.consumer.phone,
    consentToShare: true as const,
    path: 'association' as const,
  }
  const { enterpriseId } = await checkFiling(ctx, request, now)
  const scope = await staffScope(ctx.db, user.id)
  const rules = await rulesForFiling(ctx, ctx.db, now, scope.organization)
  const operatorName = (await ctx.db.selectFrom('users').select('display_name').where('id', '=', user.id).executeTakeFirstOrThrow()).display_name
  // Checked before an account is made for the phone; the unique index still decides a race.
  const taken = await ctx.db.selectFrom('court_referrals').select('complaint_id').where('court_case_number', '=', referral.courtCaseNumber).executeTakeFirst()
  if (taken) throw new AppError(409, 'COURT_CASE_NUMBER_TAKEN')
  // The account the person gets when they log in with this phone (outside the transaction: a race on a
  // new phone is settled by its unique index, which on PostgreSQL would abort a surrounding transaction).
  const person = existing ?? (await findOrCreateUserByPhone(ctx.db, body.consumer.phone, body.consumer.name.trim()))
  try {
    const complaint = await ctx.db.transaction().execute(async (trx) => {
      const filed = await fileComplaint(trx, {
        consumer: { id: person.id, role: person.role },
        walkIn: { stationId: null, operator: user, note: `${referral.courtName}诉前委托调解（案号 ${referral.courtCaseNumber}），由工作人员${operatorName}登记` },
        key: `court:${randomUUID()}`,
        hash: requestHash(request),
        request,
        enterpriseId,
        path: 'association',
        now,
        rules,
        repeatKey: null,
        organization: scope.organization,
      })
      await recordReferral(trx, ctx, user, filed.id, referral)
      return filed
    })
    return { complaintId: complaint.id, complaintNumber: complaint.number, handOff: await courtHandOff(ctx, user, complaint.id) }
  } catch (error) {
    if (isUniqueViolation(error)) throw await explainDuplicate(ctx, null)
    throw error
  }
}
