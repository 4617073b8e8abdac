import { randomUUID } from 'node:crypto'
import type { CreateComplaintRequest } from '../../../../src/contract/complaint'
import { maskPhone } from '../../../../src/contract/rules'
import { WALK_IN_CONSENT_HOURS, type MyStation, type StationRecordList, type WalkIn, type WalkInPhotos } from '../../../../src/contract/walk-in'
import { requestSmsCode, useSmsCode, type AuthUser } from '../auth/auth.service'
import { chinaDate, chinaDateTime } from '../../china-time'
import type { AppContext } from '../../context'
import { isUniqueViolation } from '../../db/database'
import { AppError } from '../../errors'
import { decodeCursor, encodeCursor } from '../../time-cursor'
import { checkFiling, fileComplaint } from '../complaints/complaint-submission.service'
import { findComplaintById, findComplaintByIdempotencyKey, type ComplaintRow } from '../complaints/complaints.repository'
import { requestHash } from '../complaints/request-hash'
import { COMPLAINT_LINKS } from '../notifications/complaint-notifications'
import { notify } from '../notifications/notify'
import { organizationForComplaint } from '../organizations/jurisdiction'
import { staffScope } from '../organizations/organization-scope'
import { rulesForFiling } from '../rules/rule-sets.service'
import { findOrCreateUserByPhone, findUserByPhone } from '../users/user.repository'
import * as repo from './walk-ins.repository'

const PAGE = 20
const COMPLAINANT_ROLES = new Set(['consumer', 'volunteer'])

/** A consent code confirms this one filing: it cannot log in, nor confirm another filing. */
const consentScope = (filingId: string) => ({ purpose: 'walk_in_consent' as const, subject: filingId })

type Station = NonNullable<Awaited<ReturnType<typeof repo.findStation>>>

/** The station the caller operates; anyone else (staff without a station included) is refused. */
export async function operatorStation(ctx: AppContext, user: AuthUser): Promise<Station> {
  const scope = await staffScope(ctx.db, user.id)
  const station = scope.stationId ? await repo.findStation(ctx.db, scope.stationId) : undefined
  if (!station || station.organization_id !== scope.organization.id) throw new AppError(403, 'NOT_A_STATION_OPERATOR')
  return station
}

/** The caller's station, or null for staff who work at none (asked on every staff workspace visit). */
export async function myStation(ctx: AppContext, user: AuthUser): Promise<MyStation> {
  const scope = await staffScope(ctx.db, user.id)
  const station = scope.stationId ? await repo.findStation(ctx.db, scope.stationId) : undefined
  if (!station || station.organization_id !== scope.organization.id) {
    return { station: null, organization: { id: scope.organization.id, name: scope.organization.name } }
  }
  return { station: { id: station.id, name: station.name }, organization: { id: station.organization_id, name: station.organization_name } }
}

async function stationWalkIn(ctx: AppContext, station: Station, id: string) {
  const row = await repo.findStationWalkIn(ctx.db, id, station.id)
  if (!row) throw new AppError(404, 'WALK_IN_NOT_FOUND')
  return row
}

function toWalkIn(row: repo.WalkInRow, station: Station, complaint: ComplaintRow | undefined): WalkIn {
  return {
    id: row.id,
    station: { id: station.id, name: station.name },
    phone: row.phone,
    personName: row.person_name,
    createdAt: row.created_at,
    consentedAt: row.consented_at,
    complaint: complaint
      ? { id: complaint.id, number: complaint.number, status: complaint.status, businessName: complaint.business_name, createdAt: complaint.created_at }
      : null,
  }
}

/** The phone must be (or become) a complainant's: a staff or enterprise account cannot have cases filed for it. */
async function refuseNonComplainant(ctx: AppContext, phone: string) {
  const user = await findUserByPhone(ctx.db, phone)
  if (user && !COMPLAINANT_ROLES.has(user.role)) throw new AppError(422, 'WALK_IN_PHONE_NOT_CONSUMER')
  if (user?.disabled) throw new AppError(403, 'ACCOUNT_DISABLED')
}

/** Opens a filing and texts the person a code that confirms their consent to this filing only. */
export async function startWalkIn(ctx: AppContext, operator: AuthUser, body: { phone: string; personName: string }, ip: string): Promise<WalkIn> {
  const station = await operatorStation(ctx, operator)
  await refuseNonComplainant(ctx, body.phone)
  const row = { id: randomUUID(), station_id: station.id, operator_id: operator.id, phone: body.phone, person_name: body.personName.trim(), created_at: ctx.now().toISOString() }
  await repo.insertWalkIn(ctx.db, row)
  let sent: Awaited<ReturnType<typeof requestSmsCode>>
  try {
    sent = await requestSmsCode(ctx, body.phone, ip, consentScope(row.id))
  } catch (error) {
    // Nothing to confirm without a code: the filing goes too.
    await ctx.db.deleteFrom('walk_in_filings').where('id', '=', row.id).execute()
    throw error
  }
  const full = { ...row, consented_at: null, consumer_id: null, complaint_id: null }
  return { ...toWalkIn(full, station, undefined), resendAfterSeconds: sent.resendAfterSeconds }
}

/** The person read their code out: it is spent, their consent and their account are recorded. */
export async function confirmWalkIn(ctx: AppContext, operator: AuthUser, id: string, code: string): Promise<WalkIn> {
  const station = await operatorStation(ctx, operator)
  const filing = await stationWalkIn(ctx, station, id)
  if (filing.consented_at) return toWalkIn(filing, station, filing.complaint_id ? await findComplaintById(ctx.db, filing.complaint_id) : undefined)
  await refuseNonComplainant(ctx, filing.phone)
  await useSmsCode(ctx, filing.phone, code, consentScope(filing.id))
  // The same account the person gets when they later log in with this phone.
  const person = await findOrCreateUserByPhone(ctx.db, filing.phone, filing.person_name)
  await repo.recordConsent(ctx.db, filing.id, person.id, ctx.now().toISOString())
  return toWalkIn((await repo.findStationWalkIn(ctx.db, id, station.id))!, station, undefined)
}

/**
 * Records that a photo the operator just uploaded was taken for this filing, so that it goes with the
 * filing if the complaint is never submitted (retention, or the person deleting their account).
 */
export async function linkCounterPhoto(ctx: AppContext, operator: AuthUser, id: string, evidenceId: string): Promise<WalkInPhotos> {
  const station = await operatorStation(ctx, operator)
  const filing = await stationWalkIn(ctx, station, id)
  if (filing.complaint_id) throw new AppError(409, 'WALK_IN_ALREADY_FILED')
  if (!filing.consented_at) throw new AppError(409, 'WALK_IN_CONSENT_REQUIRED')
  const photo = await ctx.db.selectFrom('evidence').select(['owner_id', 'attached_at']).where('id', '=', evidenceId).executeTakeFirst()
  if (!photo || photo.owner_id !== operator.id || photo.attached_at !== null) throw new AppError(422, 'EVIDENCE_INVALID')
  return { photoCount: await repo.linkPhoto(ctx.db, filing.id, evidenceId) }
}

/**
 * Files the complaint for the person who consented, once per filing: the filing id is the complaint's
 * idempotency key under the person's account, so a double tap or a retry answers with the first one.
 */
export async function fileWalkIn(
  ctx: AppContext,
  operator: AuthUser,
  id: string,
  request: CreateComplaintRequest,
): Promise<{ statusCode: 200 | 201; walkIn: WalkIn }> {
  const station = await operatorStation(ctx, operator)
  const filing = await stationWalkIn(ctx, station, id)
  const hash = requestHash(request)
  const repeat = (complaint: ComplaintRow) => {
    if (complaint.request_hash !== hash) throw new AppError(409, 'IDEMPOTENCY_KEY_REUSED')
    return { statusCode: 200 as const, walkIn: toWalkIn({ ...filing, complaint_id: complaint.id }, station, complaint) }
  }
  if (filing.complaint_id) return repeat((await findComplaintById(ctx.db, filing.complaint_id))!)
  if (!filing.consented_at || !filing.consumer_id) throw new AppError(409, 'WALK_IN_CONSENT_REQUIRED')
  const now = ctx.now()
  if (now.getTime() - Date.parse(filing.consented_at) > WALK_IN_CONSENT_HOURS * 3600_000) throw new AppError(409, 'WALK_IN_CONSENT_EXPIRED')
  const consumerId = filing.consumer_id
  const person = await ctx.db.selectFrom('users').select(['id', 'role']).where('id', '=', consumerId).executeTakeFirstOrThrow()

  const { enterpriseId, enterprise, path } = await checkFiling(ctx, request, now)
  // Routed by the business's region like any complaint: the station is where the person walked in,
  // not the association with jurisdiction over the business.
  const organization = await organizationForComplaint(ctx.db, { enterprise, businessRegion: request.business.region })
  const rules = await rulesForFiling(ctx, ctx.db, now, organization)
  const operatorName = (await ctx.db.selectFrom('users').select('display_name').where('id', '=', operator.id).executeTakeFirstOrThrow()).display_name
  const note = `在${station.name}由工作人员${operatorName}代办；投诉人已于 ${chinaDateTime(filing.consented_at)} 用手机 ${maskPhone(filing.phone)} 收到的短信验证码确认同意`
  try {
    const complaint = await ctx.db.transaction().execute(async (trx) => {
      const filed = await fileComplaint(trx, {
        consumer: person,
        walkIn: { stationId: station.id, operator, note },
        key: filing.id,
        hash,
        request,
        enterpriseId,
        path,
        now,
        rules,
        // Never merged into the person's other cases: the answer would show the operator one of them.
        repeatKey: null,
        organization,
      })
      if (!(await repo.markFiled(trx, filing.id, filed.id))) throw new AppError(409, 'IDEMPOTENCY_KEY_REUSED')
      await repo.countFiling(trx, station.id, chinaDate(now).slice(0, 7))
      await notify(trx, {
        recipientId: consumerId,
        type: 'complaint_status',
        title: '已为您代办投诉',
        body: `${station.name}已为您提交投诉，编号 ${filed.number}。用本手机号登录维权通即可查看进度。`,
        link: COMPLAINT_LINKS.consumer + filed.id,
        complaintId: filed.id,
        sourceKey: `walk-in:${filing.id}`,
        now,
      })
      return filed
    })
    return { statusCode: 201, walkIn: toWalkIn({ ...filing, complaint_id: complaint.id }, station, complaint) }
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    // The same filing submitted twice at once: the first one's complaint is the answer.
    const winner = await findComplaintByIdempotencyKey(ctx.db, consumerId, filing.id)
    if (!winner) throw error
    return repeat(winner)
  }
}

/** 本站代办记录: what was filed at the caller's station, and nothing else of those people. */
export async function listStationRecords(ctx: AppContext, operator: AuthUser, cursor: string | undefined): Promise<StationRecordList> {
  const station = await operatorStation(ctx, operator)
  const rows = await repo.stationComplaintsQuery(ctx.db, station.id, cursor ? decodeCursor(cursor) : null, PAGE + 1).execute()
  const page = rows.slice(0, PAGE)
  const last = page.at(-1)
  return {
    items: page.map((row) => ({
      complaintId: row.id,
      number: row.number,
      status: row.status,
      businessName: row.business_name,
      personName: row.person_name,
      phone: maskPhone(row.phone),
      operatorName: row.operator_name,
      filedAt: row.created_at,
    })),
    nextCursor: rows.length > PAGE && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
  }
}
