import { randomUUID } from 'node:crypto'
import { chinaToday } from '../../../../src/contract/complaint-rules'
import { maskDigitRuns } from '../../../../src/contract/lawyer-qa-rules'
import {
  CONDITIONS_MAX,
  EXCLUSION_NOTE_MAX,
  REFUSAL_WINDOW_MONTHS,
  REFUSALS_TO_REVOKE,
  RESIGN_AFTER_DAYS,
  REVOKE_REASON_MAX,
  STORE_ADDRESS_MAX,
  STORE_NAME_MAX,
  STORES_PAGE,
  textLength,
  type RecordReturnsRequest,
  type ReturnCommitmentList,
  type ReturnCommitmentSearchQuery,
  type RevokeReturnCommitmentRequest,
  type SignReturnCommitmentRequest,
  type StaffReturnCommitment,
  type StaffReturnCommitmentList,
} from '../../../../src/contract/return-commitment'
import type { AppContext } from '../../context'
import { isUniqueViolation, type Db } from '../../db/database'
import { AppError, badRequest } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { organizationForComplaint } from '../organizations/jurisdiction'
import { DEFAULT_ORGANIZATION_ID, findOrganizationById } from '../organizations/organizations.repository'
import { organizationNames } from '../organizations/organizations.service'
import { staffScope } from '../organizations/organization-scope'
import { decodeStoreCursor, encodeStoreCursor, toCommitmentDto } from './commitment-dto'
import {
  enterpriseCommitmentsQuery,
  findCommitment,
  insertCommitment,
  latestOfStoreQuery,
  monthsOfQuery,
  refusalsOfQuery,
  regionStoresQuery,
  upheldSinceQuery,
  type CommitmentRow,
} from './return-commitments.repository'

const DAY = 86_400_000
const ENTERPRISE_MAX = 100
const REFUSALS_SHOWN = 50

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)
const storeKeyOf = (enterpriseId: string, storeName: string) => `${enterpriseId}|${storeName.replace(/\s+/g, '')}`
const notFound = () => new AppError(404, 'RETURN_COMMITMENT_NOT_FOUND')

function checkText(value: string, label: string, min: number, max: number): string {
  const length = textLength(value)
  if (length < min || length > max) throw badRequest('VALIDATION_FAILED', `${label}请填写 ${min}–${max} 个字`)
  return value.trim()
}

/** A liaison signs for the enterprise or one of its stores; one active commitment per store. */
export async function signCommitment(ctx: AppContext, liaison: AuthUser, body: SignReturnCommitmentRequest) {
  const enterpriseId = liaison.enterpriseId
  if (!enterpriseId) throw new AppError(403, 'FORBIDDEN', '您的账号还没有关联企业')
  const storeName = checkText(body.storeName, '门店名称', 2, STORE_NAME_MAX)
  const storeAddress = checkText(body.storeAddress, '门店地址', 4, STORE_ADDRESS_MAX)
  const region = checkText(body.region, '所在地区', 2, 60)
  const conditions = checkText(body.conditions, '退货条件', 2, CONDITIONS_MAX)
  const note = body.exclusionNote?.trim() ? checkText(body.exclusionNote, '其他不适用的商品', 1, EXCLUSION_NOTE_MAX) : null
  const hasLat = body.latitude !== undefined && body.latitude !== null
  const hasLng = body.longitude !== undefined && body.longitude !== null
  if (hasLat !== hasLng) throw badRequest('VALIDATION_FAILED', '门店位置要同时有经度和纬度')
  const now = ctx.now()
  const today = chinaToday(now)
  if (body.startsOn < today || body.startsOn > addDays(today, 365)) throw badRequest('VALIDATION_FAILED', '开始日期要在今天到一年之内')
  const storeKey = storeKeyOf(enterpriseId, storeName)
  const latest = await latestOfStoreQuery(ctx.db, storeKey).executeTakeFirst()
  if (latest?.status === 'active') throw new AppError(409, 'RETURN_COMMITMENT_EXISTS')
  if (latest?.resign_on && latest.resign_on > today) {
    throw new AppError(409, 'RETURN_COMMITMENT_RESIGN_TOO_SOON', `这家门店的承诺已被撤销，${latest.resign_on} 起才能重新签署`)
  }
  const organization = await organizationForComplaint(ctx.db, { businessRegion: region })
  const id = randomUUID()
  const at = now.toISOString()
  try {
    await insertCommitment(ctx.db, {
      id,
      enterprise_id: enterpriseId,
      store_name: storeName,
      store_address: storeAddress,
      region,
      latitude: hasLat ? body.latitude! : null,
      longitude: hasLng ? body.longitude! : null,
      organization_id: organization.id,
      organization_path: organization.path,
      days: body.days,
      conditions,
      exclusions: JSON.stringify(body.exclusions),
      exclusion_note: note,
      starts_on: body.startsOn,
      status: 'active',
      signed_by: liaison.id,
      signed_at: at,
      revoked_at: null,
      revoked_by: null,
      revoked_reason: null,
      resign_on: null,
      store_key: storeKey,
    })
  } catch (error) {
    // Two signings of one store at once: the partial unique index lets one through.
    if (isUniqueViolation(error)) throw new AppError(409, 'RETURN_COMMITMENT_EXISTS')
    throw error
  }
  return toCommitmentDto((await findCommitment(ctx.db, id))!)
}

/** Public: the committed stores of a region (and below), or every commitment of one enterprise with revocations. */
export async function searchCommitments(ctx: AppContext, query: ReturnCommitmentSearchQuery): Promise<ReturnCommitmentList> {
  if (query.enterpriseId) {
    const rows = await enterpriseCommitmentsQuery(ctx.db, query.enterpriseId, ENTERPRISE_MAX).execute()
    return { items: rows.map(toCommitmentDto), nextCursor: null }
  }
  const organization = await findOrganizationById(ctx.db, query.organizationId ?? DEFAULT_ORGANIZATION_ID)
  if (!organization) throw badRequest('VALIDATION_FAILED', '没有这个地区，请重新选择')
  const after = query.cursor ? decodeStoreCursor(query.cursor) : null
  if (query.cursor && !after) throw badRequest('VALIDATION_FAILED', '列表位置已失效，请从头刷新')
  const rows = await regionStoresQuery(ctx.db, organization.path, after, STORES_PAGE + 1).execute()
  const shown = rows.slice(0, STORES_PAGE)
  return { items: shown.map(toCommitmentDto), nextCursor: rows.length > STORES_PAGE ? encodeStoreCursor(shown.at(-1)!) : null }
}

export async function getCommitment(ctx: AppContext, id: string) {
  const row = await findCommitment(ctx.db, id)
  if (!row) throw notFound()
  return toCommitmentDto(row)
}

/** The day REFUSAL_WINDOW_MONTHS months back, as an ISO time. */
function windowStart(now: Date): string {
  const start = new Date(now)
  start.setUTCMonth(start.getUTCMonth() - REFUSAL_WINDOW_MONTHS)
  return start.toISOString()
}

async function storeView(ctx: AppContext, row: CommitmentRow, names: ReadonlyMap<string, string>, staff: boolean): Promise<StaffReturnCommitment> {
  const [months, refusals, upheld] = await Promise.all([
    monthsOfQuery(ctx.db, row.id).execute(),
    refusalsOfQuery(ctx.db, row.id, REFUSALS_SHOWN).execute(),
    upheldSinceQuery(ctx.db, row.id, windowStart(ctx.now())).executeTakeFirst(),
  ])
  const upheldRecently = Number(upheld?.n ?? 0)
  return {
    commitment: toCommitmentDto(row),
    organizationName: names.get(row.organization_id) ?? '',
    months: months.map((m) => ({ month: m.month, returnsCount: Number(m.returns_count), amountFen: Number(m.amount_fen) })),
    returnsCount: months.reduce((sum, m) => sum + Number(m.returns_count), 0),
    returnsAmountFen: months.reduce((sum, m) => sum + Number(m.amount_fen), 0),
    refusals: refusals.map((r) => ({ complaintId: r.complaint_id, number: r.number, status: r.status, createdAt: r.created_at, upheldAt: r.upheld_at })),
    upheldRecently,
    canRevoke: staff && row.status === 'active' && upheldRecently >= REFUSALS_TO_REVOKE,
  }
}

async function storeViews(ctx: AppContext, rows: CommitmentRow[], staff: boolean) {
  const names = await organizationNames(ctx.db, rows.map((row) => row.organization_id))
  return Promise.all(rows.map((row) => storeView(ctx, row, names, staff)))
}

/** Staff: the stores their organization and those below it oversee. */
export async function staffCommitments(ctx: AppContext, staff: AuthUser, status: 'active' | 'revoked', cursor: string | undefined): Promise<StaffReturnCommitmentList> {
  const scope = await staffScope(ctx.db, staff.id)
  const after = cursor ? decodeStoreCursor(cursor) : null
  if (cursor && !after) throw badRequest('VALIDATION_FAILED', '列表位置已失效，请从头刷新')
  const page = 20
  const rows = await regionStoresQuery(ctx.db, scope.organization.path, after, page + 1, status).execute()
  const shown = rows.slice(0, page)
  return { items: await storeViews(ctx, shown, true), nextCursor: rows.length > page ? encodeStoreCursor(shown.at(-1)!) : null }
}

export async function enterpriseCommitments(ctx: AppContext, liaison: AuthUser): Promise<StaffReturnCommitmentList> {
  if (!liaison.enterpriseId) return { items: [], nextCursor: null }
  const rows = await enterpriseCommitmentsQuery(ctx.db, liaison.enterpriseId, ENTERPRISE_MAX).execute()
  return { items: await storeViews(ctx, rows, false), nextCursor: null }
}

async function ownCommitment(ctx: AppContext, liaison: AuthUser, id: string) {
  const row = await findCommitment(ctx.db, id)
  if (!row || row.enterprise_id !== liaison.enterpriseId) throw notFound()
  return row
}

/** The enterprise records the returns a store honoured in a month (again to correct it). */
export async function recordReturns(ctx: AppContext, liaison: AuthUser, id: string, body: RecordReturnsRequest): Promise<StaffReturnCommitment> {
  const row = await ownCommitment(ctx, liaison, id)
  const now = ctx.now()
  if (body.month > chinaToday(now).slice(0, 7)) throw badRequest('VALIDATION_FAILED', '不能登记还没到的月份')
  if (body.month < row.starts_on.slice(0, 7)) throw badRequest('VALIDATION_FAILED', '这个月份在承诺开始之前')
  const at = now.toISOString()
  await ctx.db
    .insertInto('return_commitment_months')
    .values({ commitment_id: id, month: body.month, returns_count: body.returnsCount, amount_fen: body.amountFen, recorded_by: liaison.id, recorded_at: at })
    .onConflict((oc) => oc.columns(['commitment_id', 'month']).doUpdateSet({ returns_count: body.returnsCount, amount_fen: body.amountFen, recorded_by: liaison.id, recorded_at: at }))
    .execute()
  const names = await organizationNames(ctx.db, [row.organization_id])
  return storeView(ctx, row, names, false)
}

/** A commitment held by the staff member's organization or one below it; 404 otherwise. */
async function heldCommitment(db: Db, staff: AuthUser, id: string) {
  const [row, scope] = await Promise.all([findCommitment(db, id), staffScope(db, staff.id)])
  if (!row || !row.organization_path.startsWith(scope.organization.path)) throw notFound()
  return row
}

/** Staff take the badge away after repeated upheld refusals; the reason is shown publicly. */
export async function revokeCommitment(ctx: AppContext, staff: AuthUser, id: string, body: RevokeReturnCommitmentRequest): Promise<StaffReturnCommitment> {
  const row = await heldCommitment(ctx.db, staff, id)
  // Shown publicly: phone, ID and card numbers never (published-cases/pii.ts is another engineer's; the digit-run mask of the Q&A archive here).
  const reason = maskDigitRuns(checkText(body.reason, '撤销理由', 5, REVOKE_REASON_MAX))
  if (row.status !== 'active') throw new AppError(409, 'RETURN_COMMITMENT_NOT_ACTIVE')
  const now = ctx.now()
  const upheld = Number((await upheldSinceQuery(ctx.db, id, windowStart(now)).executeTakeFirst())?.n ?? 0)
  if (upheld < REFUSALS_TO_REVOKE) {
    throw new AppError(409, 'RETURN_REFUSALS_TOO_FEW', `近 ${REFUSAL_WINDOW_MONTHS} 个月经核实的拒绝退货投诉有 ${upheld} 件，满 ${REFUSALS_TO_REVOKE} 件才能撤销`)
  }
  const result = await ctx.db
    .updateTable('return_commitments')
    .set({ status: 'revoked', revoked_at: now.toISOString(), revoked_by: staff.id, revoked_reason: reason, resign_on: addDays(chinaToday(now), RESIGN_AFTER_DAYS) })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) throw new AppError(409, 'RETURN_COMMITMENT_NOT_ACTIVE')
  const fresh = (await findCommitment(ctx.db, id))!
  return storeView(ctx, fresh, await organizationNames(ctx.db, [fresh.organization_id]), true)
}

/** Staff find a refusal real (拒绝退货属实): it counts toward revoking the badge. */
export async function upholdRefusal(ctx: AppContext, staff: AuthUser, complaintId: string): Promise<StaffReturnCommitment> {
  const link = await ctx.db.selectFrom('return_commitment_complaints').select(['commitment_id', 'upheld_at']).where('complaint_id', '=', complaintId).executeTakeFirst()
  if (!link) throw new AppError(404, 'NOT_FOUND', '没有找到这件拒绝退货投诉')
  const row = await heldCommitment(ctx.db, staff, link.commitment_id)
  if (link.upheld_at) throw new AppError(409, 'RETURN_REFUSAL_ALREADY_UPHELD')
  const result = await ctx.db
    .updateTable('return_commitment_complaints')
    .set({ upheld_at: ctx.now().toISOString(), upheld_by: staff.id })
    .where('complaint_id', '=', complaintId)
    .where('upheld_at', 'is', null)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) throw new AppError(409, 'RETURN_REFUSAL_ALREADY_UPHELD')
  return storeView(ctx, row, await organizationNames(ctx.db, [row.organization_id]), true)
}
