import type { Db } from '../../db/database'
import { isPostgres } from '../../db/dialect-sql'

/** The members of one organization with their names and stations (staff_memberships_organization). */
export function membersOfOrganization(db: Db, organizationId: string) {
  return membersQuery(db, organizationId).execute()
}

export function membersQuery(db: Db, organizationId: string) {
  return db
    .selectFrom('staff_memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('organization_stations as s', 's.id', 'm.station_id')
    .select(['m.user_id', 'u.display_name', 'u.phone', 'm.can_manage', 'm.can_mediate', 'm.can_credit_findings', 's.id as station_id', 's.name as station_name'])
    .where('m.organization_id', '=', organizationId)
    .orderBy('m.user_id')
    .limit(500)
}

export function stationsOfOrganization(db: Db, organizationId: string) {
  return db.selectFrom('organization_stations').select(['id', 'name']).where('organization_id', '=', organizationId).orderBy('name').limit(500).execute()
}

export function childrenOf(db: Db, organizationId: string) {
  return db.selectFrom('organizations').selectAll().where('parent_id', '=', organizationId).orderBy('name').limit(500).execute()
}

/**
 * Serialises changes to one organization's members: on PostgreSQL the organization's row is locked
 * until the transaction ends (two "remove a manager" at once cannot both see the other still there);
 * SQLite runs one write transaction at a time anyway.
 */
export async function lockOrganization(trx: Db, organizationId: string): Promise<void> {
  if (isPostgres(trx)) await trx.selectFrom('organizations').select('id').where('id', '=', organizationId).forUpdate().execute()
}

export function findMemberOf(trx: Db, organizationId: string, userId: string) {
  return trx.selectFrom('staff_memberships').selectAll().where('user_id', '=', userId).where('organization_id', '=', organizationId).executeTakeFirst()
}

/** How many managers the organization has besides `userId`. */
export async function otherManagers(trx: Db, organizationId: string, userId: string): Promise<number> {
  const row = await trx
    .selectFrom('staff_memberships')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('organization_id', '=', organizationId)
    .where('can_manage', '=', 1)
    .where('user_id', '!=', userId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
