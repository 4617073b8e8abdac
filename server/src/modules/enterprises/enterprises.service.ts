import type { Updateable } from 'kysely'
import type { Db } from '../../db/database'
import type { EnterpriseTable } from '../../db/schema'
import { AppError, notFound } from '../../errors'
import { chinaToday, type Industry } from '../../../../src/contract/complaint-rules'
import type {
  CreateEnterpriseRequest,
  EnterpriseDetail,
  EnterpriseSearchQuery,
  EnterpriseSearchResponse,
  EnterpriseSummary,
  UpdateEnterpriseRequest,
} from '../../../../src/contract/enterprise'
import { ENTERPRISE_PAGE_SIZE } from '../../../../src/contract/enterprise-rules'
import type { AppContext } from '../../context'
import { enterpriseFigures } from './enterprise-figures'
import {
  createEnterprise,
  findEnterprise,
  findEnterpriseNamed,
  searchEnterprises,
  updateEnterprise,
  type EnterpriseRow,
} from './enterprises.repository'
import { parseTextList } from '../../json-text'

export function toEnterpriseSummary(row: EnterpriseRow): EnterpriseSummary {
  return {
    id: row.id,
    name: row.name,
    industry: row.industry as Industry,
    province: row.province,
    city: row.city,
    district: row.district,
    address: row.address,
    creditCode: row.credit_code,
    odr: Number(row.odr) === 1,
    odrSince: row.odr ? row.odr_since : null,
  }
}

export async function searchDirectory(db: Db, query: EnterpriseSearchQuery): Promise<EnterpriseSearchResponse> {
  const page = query.page ?? 1
  const { rows, total } = await searchEnterprises(
    db,
    { q: query.q, province: query.province, city: query.city, industry: query.industry, odr: query.odr === undefined ? undefined : query.odr === '1' },
    { offset: (page - 1) * ENTERPRISE_PAGE_SIZE, limit: ENTERPRISE_PAGE_SIZE },
  )
  return { items: rows.map(toEnterpriseSummary), total, page, pageSize: ENTERPRISE_PAGE_SIZE }
}

export async function getEnterpriseDetail(db: Db, id: string): Promise<EnterpriseDetail> {
  const row = await findEnterprise(db, id)
  if (!row) throw notFound('企业不存在或已被移除')
  return {
    ...toEnterpriseSummary(row),
    promises: parseTextList(row.promises),
    contactPhone: row.contact_phone,
    figures: await enterpriseFigures(db, id),
  }
}

const trimmed = (text: string | null | undefined) => (text === undefined ? undefined : text?.trim() || null)

/** The columns a create or edit changes; fields left out stay as they are. */
function columnsOf(body: UpdateEnterpriseRequest, today: string): Updateable<EnterpriseTable> {
  const columns: Updateable<EnterpriseTable> = {}
  if (body.name !== undefined) columns.name = body.name.trim()
  if (body.industry !== undefined) columns.industry = body.industry
  if (body.creditCode !== undefined) columns.credit_code = body.creditCode
  if (body.province !== undefined) columns.province = trimmed(body.province)
  if (body.city !== undefined) columns.city = trimmed(body.city)
  if (body.district !== undefined) columns.district = trimmed(body.district)
  if (body.address !== undefined) columns.address = trimmed(body.address)
  if (body.contactPhone !== undefined) columns.contact_phone = body.contactPhone
  if (body.promises !== undefined) columns.promises = JSON.stringify(body.promises.map((p) => p.trim()).filter(Boolean))
  if (body.odr !== undefined) {
    columns.odr = body.odr ? 1 : 0
    // Joining the green channel starts today unless told otherwise; leaving it forgets the date.
    columns.odr_since = body.odr ? (body.odrSince ?? today) : null
  } else if (body.odrSince !== undefined) {
    columns.odr_since = body.odrSince
  }
  return columns
}

async function assertNameFree(db: Db, name: string, exceptId?: string) {
  const same = await findEnterpriseNamed(db, name.trim())
  if (same && same.id !== exceptId) throw new AppError(400, 'VALIDATION_FAILED', `名录中已有「${same.name}」，请直接编辑它`)
}

function assertName(name: string) {
  if (Array.from(name.trim()).length < 2) throw new AppError(400, 'VALIDATION_FAILED', '企业名称至少 2 个字')
}

function assertOdrDate(odr: boolean | undefined, odrSince: string | null | undefined, wasOdr: boolean) {
  if (odrSince && !(odr ?? wasOdr)) throw new AppError(400, 'VALIDATION_FAILED', '未加入绿色通道的企业不能填写加入日期')
}

export async function createDirectoryEnterprise(ctx: AppContext, body: CreateEnterpriseRequest): Promise<EnterpriseDetail> {
  assertName(body.name)
  assertOdrDate(body.odr, body.odrSince, false)
  await assertNameFree(ctx.db, body.name)
  const now = ctx.now().toISOString()
  const columns = columnsOf(body, chinaToday(ctx.now()))
  const row = await createEnterprise(ctx.db, { ...columns, name: body.name.trim(), created_at: now, updated_at: now } as Parameters<typeof createEnterprise>[1])
  return getEnterpriseDetail(ctx.db, row.id)
}

export async function editDirectoryEnterprise(ctx: AppContext, id: string, body: UpdateEnterpriseRequest): Promise<EnterpriseDetail> {
  const row = await findEnterprise(ctx.db, id)
  if (!row) throw notFound('企业不存在或已被移除')
  if (body.name !== undefined) {
    assertName(body.name)
    await assertNameFree(ctx.db, body.name, id)
  }
  assertOdrDate(body.odr, body.odrSince, Number(row.odr) === 1)
  await updateEnterprise(ctx.db, id, { ...columnsOf(body, chinaToday(ctx.now())), updated_at: ctx.now().toISOString() })
  return getEnterpriseDetail(ctx.db, id)
}
