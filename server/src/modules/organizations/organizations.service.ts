import type { CreateOrganizationRequest, Organization, OrganizationLevel } from '../../../../src/contract/organization'
import type { Db } from '../../db/database'
import { AppError } from '../../errors'
import { findUserById } from '../users/user.repository'
import { findOrganizationById, findOrganizationByName, insertOrganization, upsertMembership, type OrganizationRow } from './organizations.repository'
import { regionName } from './regions'

const CODE_LENGTH: Record<OrganizationLevel, number> = { province: 2, city: 4, county: 6 }

export function toOrganizationDto(row: OrganizationRow): Organization {
  return { id: row.id, name: row.name, level: row.level, regionCode: row.region_code, parentId: row.parent_id, depth: Number(row.depth) }
}

/** Names of the organizations holding a page of complaints, in one query. */
export async function organizationNames(db: Db, ids: ReadonlyArray<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))]
  if (wanted.length === 0) return new Map()
  const rows = await db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', wanted).execute()
  return new Map(rows.map((row) => [row.id, row.name]))
}

/**
 * A new organization under `parentId`. Its region code has the level's length (province 2, city 4,
 * county 6), is a real GB/T 2260 code, and lies inside the parent's region when the parent has one.
 */
export async function createOrganization(db: Db, request: CreateOrganizationRequest, now: Date, id?: string): Promise<OrganizationRow> {
  const parent = await findOrganizationById(db, request.parentId)
  if (!parent) throw new AppError(404, 'ORGANIZATION_NOT_FOUND', '没有找到上级组织')
  if (request.regionCode.length !== CODE_LENGTH[request.level]) throw new AppError(422, 'VALIDATION_FAILED', '行政区划代码与级别不符（省 2 位、市 4 位、县 6 位）')
  if (!regionName(request.regionCode)) throw new AppError(422, 'VALIDATION_FAILED', '没有这个行政区划代码')
  if (parent.region_code && !request.regionCode.startsWith(parent.region_code)) throw new AppError(422, 'VALIDATION_FAILED', '下级组织的地区必须在上级组织的地区之内')
  if (parent.region_code && parent.region_code.length >= request.regionCode.length) throw new AppError(422, 'VALIDATION_FAILED', '下级组织的级别必须低于上级组织')
  if (await findOrganizationByName(db, request.name.trim())) throw new AppError(409, 'ORGANIZATION_NAME_TAKEN')
  return insertOrganization(db, { parent, name: request.name.trim(), level: request.level, regionCode: request.regionCode, now: now.toISOString(), id })
}

export interface StaffPermissions {
  canManage: boolean
  canMediate: boolean
  stationId?: string | null
}

/** Puts a staff member into an organization (moving them if they belonged to another). */
export async function addStaffToOrganization(db: Db, userId: string, organizationId: string, permissions: StaffPermissions, now: Date): Promise<void> {
  const user = await findUserById(db, userId)
  if (!user || user.role !== 'staff') throw new AppError(422, 'VALIDATION_FAILED', '只有消协工作人员可以加入组织')
  if (!(await findOrganizationById(db, organizationId))) throw new AppError(404, 'ORGANIZATION_NOT_FOUND')
  await upsertMembership(db, {
    user_id: userId,
    organization_id: organizationId,
    station_id: permissions.stationId ?? null,
    can_manage: permissions.canManage ? 1 : 0,
    can_mediate: permissions.canMediate ? 1 : 0,
    created_at: now.toISOString(),
  })
}
