import type { AddMemberRequest, MemberPermissionsRequest, OrganizationAdminView, OrganizationMember } from '../../../../src/contract/organization-members'
import { maskPhone } from '../../../../src/contract/rules'
import { isUniqueViolation, type Db } from '../../db/database'
import { AppError } from '../../errors'
import { staffScope, type StaffScope } from '../organizations/organization-scope'
import { findOrganizationById, type OrganizationRow } from '../organizations/organizations.repository'
import { toOrganizationDto } from '../organizations/organizations.service'
import { findUserByPhone, insertUser, updateUserRole } from '../users/user.repository'
import { childrenOf, findMemberOf, lockOrganization, membersOfOrganization, otherManagers, stationsOfOrganization } from './memberships.repository'

/**
 * The organization a manager may manage: their own or one below it. Anything else is 404 (a sibling
 * or a parent is not even confirmed to exist); staff without 管理 get 403 for their own subtree.
 */
export async function managedOrganization(db: Db, scope: StaffScope, organizationId: string): Promise<OrganizationRow> {
  const organization = await findOrganizationById(db, organizationId)
  if (!organization || !organization.path.startsWith(scope.organization.path)) throw new AppError(404, 'ORGANIZATION_NOT_FOUND')
  if (!scope.canManage) throw new AppError(403, 'FORBIDDEN', '您没有管理本组织的权限')
  return organization
}

export async function organizationAdminView(db: Db, userId: string, organizationId: string): Promise<OrganizationAdminView> {
  const organization = await managedOrganization(db, await staffScope(db, userId), organizationId)
  const [members, stations, children] = await Promise.all([membersOfOrganization(db, organization.id), stationsOfOrganization(db, organization.id), childrenOf(db, organization.id)])
  return {
    organization: toOrganizationDto(organization),
    members: members.map(
      (row): OrganizationMember => ({
        userId: row.user_id,
        displayName: row.display_name,
        phone: row.phone ? maskPhone(row.phone) : null,
        canManage: Number(row.can_manage) === 1,
        canMediate: Number(row.can_mediate) === 1,
        canCreditFindings: Number(row.can_credit_findings) === 1,
        station: row.station_id && row.station_name ? { id: row.station_id, name: row.station_name } : null,
      }),
    ),
    stations,
    children: children.map(toOrganizationDto),
    me: userId,
  }
}

async function checkStation(db: Db, organizationId: string, stationId: string | null): Promise<void> {
  if (stationId === null) return
  const station = await db.selectFrom('organization_stations').select('id').where('id', '=', stationId).where('organization_id', '=', organizationId).executeTakeFirst()
  if (!station) throw new AppError(422, 'STATION_NOT_IN_ORGANIZATION')
}

function permissionColumns(request: MemberPermissionsRequest) {
  return {
    can_manage: request.canManage ? 1 : 0,
    can_mediate: request.canMediate ? 1 : 0,
    station_id: request.stationId,
    // 失信认定 is left as it is when the request does not mention it (older apps).
    ...(request.canCreditFindings === undefined ? {} : { can_credit_findings: request.canCreditFindings ? 1 : 0 }),
  }
}

/**
 * Adds a staff member by phone: a new account when the phone has none, a consumer account becomes
 * staff; staff of another organization, liaisons and volunteers are refused (409), nothing written.
 */
export async function addMember(db: Db, managerId: string, organizationId: string, request: AddMemberRequest, now: Date): Promise<void> {
  const organization = await managedOrganization(db, await staffScope(db, managerId), organizationId)
  await checkStation(db, organization.id, request.stationId)
  try {
    await db.transaction().execute(async (trx) => {
      const existing = await findUserByPhone(trx, request.phone)
      let userId: string
      if (!existing) {
        const displayName = request.displayName?.trim()
        if (!displayName) throw new AppError(400, 'VALIDATION_FAILED', '这个手机号还没有账号，请填写姓名以便新建')
        userId = (await insertUser(trx, { phone: request.phone, role: 'staff', displayName }, now.toISOString())).id
      } else if (existing.role === 'staff') {
        const membership = await trx.selectFrom('staff_memberships').select('organization_id').where('user_id', '=', existing.id).executeTakeFirst()
        if (membership?.organization_id === organization.id) throw new AppError(409, 'MEMBER_EXISTS')
        throw new AppError(409, 'STAFF_IN_OTHER_ORGANIZATION')
      } else if (existing.role === 'consumer') {
        userId = existing.id
        await updateUserRole(trx, userId, 'staff', null)
      } else {
        throw new AppError(409, 'ACCOUNT_HAS_OTHER_ROLE')
      }
      await trx
        .insertInto('staff_memberships')
        .values({ user_id: userId, organization_id: organization.id, ...permissionColumns(request), created_at: now.toISOString() })
        .execute()
    })
  } catch (error) {
    // The same phone added twice at once: the second finds the account or the membership taken.
    if (isUniqueViolation(error)) throw new AppError(409, 'MEMBER_EXISTS')
    throw error
  }
}

/** Changes what a member may do; the organization keeps at least one manager (409 LAST_MANAGER). */
export async function setMemberPermissions(db: Db, managerId: string, organizationId: string, userId: string, request: MemberPermissionsRequest): Promise<void> {
  const organization = await managedOrganization(db, await staffScope(db, managerId), organizationId)
  await checkStation(db, organization.id, request.stationId)
  await db.transaction().execute(async (trx) => {
    await lockOrganization(trx, organization.id)
    const member = await findMemberOf(trx, organization.id, userId)
    if (!member) throw new AppError(404, 'MEMBER_NOT_FOUND')
    if (Number(member.can_manage) === 1 && !request.canManage && (await otherManagers(trx, organization.id, userId)) === 0) throw new AppError(409, 'LAST_MANAGER')
    await trx.updateTable('staff_memberships').set(permissionColumns(request)).where('user_id', '=', userId).execute()
  })
}

/**
 * Removes a member: their account stays (as a consumer's, so it no longer opens staff pages) and
 * their open cases go back to the organization's unassigned queue. Never the last manager (409).
 */
export async function removeMember(db: Db, managerId: string, organizationId: string, userId: string, now: Date): Promise<void> {
  const organization = await managedOrganization(db, await staffScope(db, managerId), organizationId)
  await db.transaction().execute(async (trx) => {
    await lockOrganization(trx, organization.id)
    const member = await findMemberOf(trx, organization.id, userId)
    if (!member) throw new AppError(404, 'MEMBER_NOT_FOUND')
    if (Number(member.can_manage) === 1 && (await otherManagers(trx, organization.id, userId)) === 0) throw new AppError(409, 'LAST_MANAGER')
    await trx.deleteFrom('staff_memberships').where('user_id', '=', userId).execute()
    await updateUserRole(trx, userId, 'consumer', null)
    await trx
      .updateTable('complaints')
      .set((eb) => ({ assigned_staff_id: null, version: eb('version', '+', 1), updated_at: now.toISOString() }))
      .where('assigned_staff_id', '=', userId)
      .where('closed_at', 'is', null)
      .execute()
  })
}
