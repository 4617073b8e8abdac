import type { Alliance, AllianceTransferList } from '../../../../src/contract/alliance'
import type { Db } from '../../db/database'
import { AppError } from '../../errors'
import { subtreeEnd, type StaffScope } from '../organizations/organization-scope'
import { pathIds, type OrganizationRow } from '../organizations/organizations.repository'
import {
  allianceTransfersQuery,
  alliancesOfAny,
  findAllianceByName,
  insertAlliance,
  insertAllianceMember,
  listAllAlliances,
  membersOf,
  type AllianceRow,
} from './alliances.repository'

const TRANSFER_PAGE = 100

export async function createAlliance(db: Db, name: string, now: Date): Promise<AllianceRow> {
  if (await findAllianceByName(db, name)) throw new AppError(409, 'ALLIANCE_NAME_TAKEN')
  return insertAlliance(db, name, now.toISOString())
}

/** Adds an organization to the alliance; true when it was not a member yet. */
export function addToAlliance(db: Db, alliance: AllianceRow, organization: OrganizationRow, now: Date): Promise<boolean> {
  return insertAllianceMember(db, alliance.id, organization.id, now.toISOString())
}

export async function toAllianceDtos(db: Db, rows: readonly AllianceRow[]): Promise<Alliance[]> {
  const members = await membersOf(db, rows.map((row) => row.id))
  return rows.map((row) => ({ id: row.id, name: row.name, members: members.filter((m) => m.alliance_id === row.id).map((m) => ({ id: m.id, name: m.name })) }))
}

export async function listAlliancesWithMembers(db: Db): Promise<Alliance[]> {
  return toAllianceDtos(db, await listAllAlliances(db))
}

/**
 * The alliances that concern a staff member: those their organization or one above it belongs to
 * (their cases may go across), and for an organization above members (a province over its city),
 * those of its subtree. The top sees every alliance.
 */
export async function alliancesFor(db: Db, scope: StaffScope): Promise<Alliance[]> {
  if (scope.organization.parent_id === null) return listAlliancesWithMembers(db)
  const below = await db
    .selectFrom('alliance_members')
    .innerJoin('organizations', 'organizations.id', 'alliance_members.organization_id')
    .select('alliance_members.alliance_id')
    .where('organizations.path', '>=', scope.organization.path)
    .where('organizations.path', '<', subtreeEnd(scope.organization.path))
    .execute()
  const onPath = await alliancesOfAny(db, pathIds(scope.organization.path))
  const ids = [...new Set([...onPath.map((a) => a.id), ...below.map((r) => r.alliance_id)])]
  if (ids.length === 0) return []
  return toAllianceDtos(db, await db.selectFrom('alliances').selectAll().where('id', 'in', ids).orderBy('name').execute())
}

/**
 * The cases moved across an alliance that the staff member's subtree sent or received, newest first
 * (the newest 100). An alliance that does not concern them is 404, as if it did not exist.
 */
export async function allianceTransfers(db: Db, scope: StaffScope, allianceId: string): Promise<AllianceTransferList> {
  const alliance = (await alliancesFor(db, scope)).find((a) => a.id === allianceId)
  if (!alliance) throw new AppError(404, 'ALLIANCE_NOT_FOUND')
  let query = allianceTransfersQuery(db, allianceId, TRANSFER_PAGE)
  if (scope.organization.parent_id !== null) {
    const { path } = scope.organization
    const end = subtreeEnd(path)
    query = query.where((eb) => eb.or([eb.and([eb('f.path', '>=', path), eb('f.path', '<', end)]), eb.and([eb('o.path', '>=', path), eb('o.path', '<', end)])]))
  }
  const rows = await query.execute()
  return {
    alliance,
    items: rows.map((row) => ({
      complaintId: row.complaint_id,
      number: row.number,
      businessName: row.business_name,
      from: { id: row.from_id, name: row.from_name },
      to: { id: row.to_id, name: row.to_name },
      holder: row.holder_id && row.holder_name ? { id: row.holder_id, name: row.holder_name } : null,
      reason: row.reason,
      at: row.created_at,
    })),
  }
}
