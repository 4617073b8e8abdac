import { sql, type Selectable } from 'kysely'
import type { Db } from '../../db/database'
import type { OrganizationStationTable } from '../../db/schema-organizations'
import { subtreeEnd } from '../organizations/organization-scope'

export type StationRow = Selectable<OrganizationStationTable>
export type StationRowWithOrganization = StationRow & { organization_name: string }

/** A latitude/longitude box in degrees. */
export interface Box {
  south: number
  north: number
  west: number
  east: number
}

/** Where a region page stopped: the last station's organization path, name and id. */
export interface RegionPosition {
  path: string
  name: string
  id: string
}

/** A literal, not a parameter: the partial indexes are on `active = 1`. */
const ACTIVE = sql<number>`1`

const withOrganization = (db: Db) =>
  db.selectFrom('organization_stations').innerJoin('organizations', 'organizations.id', 'organization_stations.organization_id').selectAll('organization_stations').select('organizations.name as organization_name')

export function findStationById(db: Db, id: string): Promise<StationRowWithOrganization | undefined> {
  return withOrganization(db).where('organization_stations.id', '=', id).executeTakeFirst()
}

/**
 * The active stations inside a box, read as a latitude band of organization_stations_nearby with
 * the longitude checked inside the index; at most `cap` of them (the caller shrinks the box when full).
 */
export function stationsInBoxQuery(db: Db, box: Box, cap: number) {
  return withOrganization(db)
    .where('organization_stations.active', '=', ACTIVE)
    .where('organization_stations.latitude', '>=', box.south)
    .where('organization_stations.latitude', '<=', box.north)
    .where('organization_stations.longitude', '>=', box.west)
    .where('organization_stations.longitude', '<=', box.east)
    .limit(cap)
}

/** The active stations of an organization's subtree, by organization then name, from organization_stations_region. */
export function regionStationsQuery(db: Db, path: string, after: RegionPosition | null, limit: number) {
  let query = withOrganization(db)
    .where('organization_stations.active', '=', ACTIVE)
    .where('organization_stations.organization_path', '>=', path)
    .where('organization_stations.organization_path', '<', subtreeEnd(path))
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('organization_stations.organization_path', '>', after.path),
        eb.and([eb('organization_stations.organization_path', '=', after.path), eb('organization_stations.name', '>', after.name)]),
        eb.and([eb('organization_stations.organization_path', '=', after.path), eb('organization_stations.name', '=', after.name), eb('organization_stations.id', '>', after.id)]),
      ]),
    )
  }
  return query.orderBy('organization_stations.organization_path').orderBy('organization_stations.name').orderBy('organization_stations.id').limit(limit)
}

/** Every station (active or not) of an organization's subtree, for its managers, from organization_stations_subtree. */
export function managedStationsQuery(db: Db, path: string, limit: number) {
  return withOrganization(db)
    .where('organization_stations.organization_path', '>=', path)
    .where('organization_stations.organization_path', '<', subtreeEnd(path))
    .orderBy('organization_stations.organization_path')
    .orderBy('organization_stations.name')
    .orderBy('organization_stations.id')
    .limit(limit)
}

export async function insertStation(db: Db, row: StationRow): Promise<void> {
  await db.insertInto('organization_stations').values(row).execute()
}

export async function updateStation(db: Db, id: string, changes: Partial<Omit<StationRow, 'id' | 'organization_id' | 'organization_path' | 'created_at'>>): Promise<void> {
  await db.updateTable('organization_stations').set(changes).where('id', '=', id).execute()
}

/** By name across the network (the CLI names stations); several organizations may each have one so named. */
export function stationsNamed(db: Db, name: string): Promise<StationRowWithOrganization[]> {
  return withOrganization(db).where('organization_stations.name', '=', name).limit(20).execute()
}

/** An organization and every one below it, parents first, from the unique index on organizations.path. */
export function subtreeOrganizationsQuery(db: Db, path: string) {
  return db.selectFrom('organizations').selectAll().where('path', '>=', path).where('path', '<', subtreeEnd(path)).orderBy('path').limit(5000)
}
