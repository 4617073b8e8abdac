import { randomUUID } from 'node:crypto'
import type { Selectable } from 'kysely'
import type { OrganizationLevel } from '../../../../src/contract/organization'
import type { RuleSetFamily } from '../../../../src/contract/rule-text'
import type { Db } from '../../db/database'
import { DEFAULT_ORGANIZATION_ID } from '../../db/migrations/2026-12-04T0021-organizations'
import type { OrganizationTable, StaffMembershipTable } from '../../db/schema-organizations'

export { DEFAULT_ORGANIZATION_ID }
export type OrganizationRow = Selectable<OrganizationTable>
export type MembershipRow = Selectable<StaffMembershipTable>

export function findOrganizationById(db: Db, id: string): Promise<OrganizationRow | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findOrganizationByName(db: Db, name: string): Promise<OrganizationRow | undefined> {
  return db.selectFrom('organizations').selectAll().where('name', '=', name).executeTakeFirst()
}

export async function hasChildren(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('organizations').select('id').where('parent_id', '=', id).limit(1).executeTakeFirst()) !== undefined
}

/** Every organization, in tree order (a parent before its children); the network is small. */
export function listOrganizations(db: Db): Promise<OrganizationRow[]> {
  return db.selectFrom('organizations').selectAll().orderBy('path').limit(5000).execute()
}

/** The organization whose region code is the longest of `codes` (a county before its city before its province). */
export function mostSpecificOrganization(db: Db, codes: readonly string[]): Promise<OrganizationRow | undefined> {
  if (codes.length === 0) return Promise.resolve(undefined)
  return db
    .selectFrom('organizations')
    .selectAll()
    .where('region_code', 'in', [...codes])
    .orderBy((eb) => eb.fn('length', ['region_code']), 'desc')
    .orderBy('depth', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst()
}

export async function insertOrganization(
  db: Db,
  args: { parent: OrganizationRow; name: string; level: OrganizationLevel; regionCode: string; now: string; id?: string },
): Promise<OrganizationRow> {
  const id = args.id ?? randomUUID()
  const row = {
    id,
    parent_id: args.parent.id,
    level: args.level,
    region_code: args.regionCode,
    name: args.name,
    path: `${args.parent.path}${id}/`,
    depth: Number(args.parent.depth) + 1,
    rule_family: null,
    group_threshold: null,
    group_window_days: null,
    created_at: args.now,
  }
  await db.insertInto('organizations').values(row).execute()
  return row
}

/**
 * The rule family chosen nearest to an organization: its own, else its closest ancestor's; null when
 * nobody on the way up chose one. The path names every ancestor, so this is one primary-key lookup.
 */
export async function chosenRuleFamily(db: Db, path: string): Promise<RuleSetFamily | null> {
  const row = await chosenRuleFamilyQuery(db, path).executeTakeFirst()
  return row?.rule_family ?? null
}

export function chosenRuleFamilyQuery(db: Db, path: string) {
  const ids = path.split('/').filter(Boolean)
  return db
    .selectFrom('organizations')
    .select('rule_family')
    .where('id', 'in', ids)
    .where('rule_family', 'is not', null)
    .orderBy('depth', 'desc')
    .limit(1)
}

/** Sets (or with null, clears) an organization's own choice; its subtree follows unless it chose too. */
export async function setRuleFamily(db: Db, id: string, family: RuleSetFamily | null): Promise<void> {
  await db.updateTable('organizations').set({ rule_family: family }).where('id', '=', id).execute()
}

/** Group complaints: how many complaints within how many days form a group here; null for the defaults. */
export async function setGroupThreshold(db: Db, id: string, threshold: number | null, windowDays: number | null): Promise<void> {
  await db.updateTable('organizations').set({ group_threshold: threshold, group_window_days: windowDays }).where('id', '=', id).execute()
}

export function findMembership(db: Db, userId: string): Promise<MembershipRow | undefined> {
  return db.selectFrom('staff_memberships').selectAll().where('user_id', '=', userId).executeTakeFirst()
}

/** A staff member belongs to one organization: joining another moves them. */
export async function upsertMembership(db: Db, row: Omit<MembershipRow, 'can_credit_findings'>): Promise<void> {
  await db
    .insertInto('staff_memberships')
    .values(row)
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ organization_id: row.organization_id, station_id: row.station_id, can_manage: row.can_manage, can_mediate: row.can_mediate }))
    .execute()
}

/**
 * The active staff of these organizations. Staff without a membership row (made before the network
 * existed, or by hand) count as members of the default organization.
 */
export async function staffOfOrganizations(db: Db, organizationIds: readonly string[]): Promise<string[]> {
  if (organizationIds.length === 0) return []
  const includeUnattached = organizationIds.includes(DEFAULT_ORGANIZATION_ID)
  const rows = await db
    .selectFrom('users')
    .leftJoin('staff_memberships', 'staff_memberships.user_id', 'users.id')
    .select('users.id')
    .where('users.role', '=', 'staff')
    .where('users.disabled', '=', 0)
    .where((eb) =>
      includeUnattached
        ? eb.or([eb('staff_memberships.organization_id', 'in', [...organizationIds]), eb('staff_memberships.user_id', 'is', null)])
        : eb('staff_memberships.organization_id', 'in', [...organizationIds]),
    )
    // Not a station operator who neither mediates nor manages: they see only their station's cases (complaintsVisibleTo).
    .where((eb) => eb.or([eb('staff_memberships.station_id', 'is', null), eb('staff_memberships.can_mediate', '=', 1), eb('staff_memberships.can_manage', '=', 1)]))
    .execute()
  return rows.map((row) => row.id)
}

/** The ids on a path, root first: '/a/b/c/' → [a, b, c]. */
export function pathIds(path: string): string[] {
  return path.split('/').filter(Boolean)
}
