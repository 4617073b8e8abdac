import { randomUUID } from 'node:crypto'
import type { Selectable } from 'kysely'
import type { Db } from '../../db/database'
import type { AllianceTable } from '../../db/schema-organizations'
import { pathIds } from '../organizations/organizations.repository'

export type AllianceRow = Selectable<AllianceTable>

export function findAllianceById(db: Db, id: string): Promise<AllianceRow | undefined> {
  return db.selectFrom('alliances').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findAllianceByName(db: Db, name: string): Promise<AllianceRow | undefined> {
  return db.selectFrom('alliances').selectAll().where('name', '=', name).executeTakeFirst()
}

export async function insertAlliance(db: Db, name: string, now: string): Promise<AllianceRow> {
  const row = { id: randomUUID(), name, created_at: now }
  await db.insertInto('alliances').values(row).execute()
  return row
}

/** Adds a member; false when it already was one (the primary key decides, also under a race). */
export async function insertAllianceMember(db: Db, allianceId: string, organizationId: string, now: string): Promise<boolean> {
  const result = await db
    .insertInto('alliance_members')
    .values({ alliance_id: allianceId, organization_id: organizationId, created_at: now })
    .onConflict((oc) => oc.columns(['alliance_id', 'organization_id']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
}

/** The members of these alliances, with names, in name order (alliances are small). */
export function membersOf(db: Db, allianceIds: readonly string[]) {
  if (allianceIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('alliance_members')
    .innerJoin('organizations', 'organizations.id', 'alliance_members.organization_id')
    .select(['alliance_members.alliance_id', 'organizations.id', 'organizations.name', 'organizations.path'])
    .where('alliance_members.alliance_id', 'in', [...allianceIds])
    .orderBy('organizations.name')
    .execute()
}

export function listAllAlliances(db: Db): Promise<AllianceRow[]> {
  return db.selectFrom('alliances').selectAll().orderBy('name').limit(1000).execute()
}

/** The alliances one of these organizations belongs to (by alliance_members_organization). */
export function alliancesOfAny(db: Db, organizationIds: readonly string[]): Promise<AllianceRow[]> {
  if (organizationIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('alliances')
    .selectAll()
    .where('id', 'in', (eb) => eb.selectFrom('alliance_members').select('alliance_id').where('organization_id', 'in', [...organizationIds]))
    .orderBy('name')
    .execute()
}

/**
 * The alliance through which a case held at `fromPath` may go to `toId`: `toId` is a member and so is
 * the holder or one of the organizations above it. The first by name when several qualify.
 */
export function allianceBetween(db: Db, fromPath: string, toId: string): Promise<AllianceRow | undefined> {
  return db
    .selectFrom('alliances')
    .innerJoin('alliance_members as near', 'near.alliance_id', 'alliances.id')
    .innerJoin('alliance_members as far', 'far.alliance_id', 'alliances.id')
    .selectAll('alliances')
    .where('near.organization_id', 'in', pathIds(fromPath))
    .where('far.organization_id', '=', toId)
    .orderBy('alliances.name')
    .limit(1)
    .executeTakeFirst()
}

export function insertAllianceTransfer(
  db: Db,
  row: { allianceId: string; complaintId: string; fromId: string; toId: string; reason: string; now: string },
): Promise<unknown> {
  return db
    .insertInto('alliance_transfers')
    .values({ id: randomUUID(), alliance_id: row.allianceId, complaint_id: row.complaintId, from_organization_id: row.fromId, to_organization_id: row.toId, reason: row.reason, created_at: row.now })
    .execute()
}

/** The alliance's transfers, newest first, from alliance_transfers_list. */
export function allianceTransfersQuery(db: Db, allianceId: string, limit: number) {
  return db
    .selectFrom('alliance_transfers as t')
    .innerJoin('complaints as c', 'c.id', 't.complaint_id')
    .innerJoin('organizations as f', 'f.id', 't.from_organization_id')
    .innerJoin('organizations as o', 'o.id', 't.to_organization_id')
    .leftJoin('organizations as h', 'h.id', 'c.organization_id')
    .select([
      't.complaint_id',
      'c.number',
      'c.business_name',
      't.reason',
      't.created_at',
      'f.id as from_id',
      'f.name as from_name',
      'o.id as to_id',
      'o.name as to_name',
      'h.id as holder_id',
      'h.name as holder_name',
    ])
    .where('t.alliance_id', '=', allianceId)
    .orderBy('t.created_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(limit)
}
