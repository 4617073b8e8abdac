import { sql, type Kysely } from 'kysely'
import { addNumericChecks, dropNumericChecks, type NumericRule } from './2026-12-03T0007-numeric-checks'

// Frozen in time once shipped: add a new migration instead of editing.
// Grassroots service stations (服务站, issue #15): the bare organization_stations table of 0021 gets
// what a consumer needs to find one and what it can do, and a location for "nearest first".

export const RULES: NumericRule[] = [
  ['organization_stations', 'active', 'integer', 0, 1],
  ['organization_stations', 'latitude', 'real', -90, 90],
  ['organization_stations', 'longitude', 'real', -180, 180],
]

export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter.constructor.name.startsWith('Sqlite')
  const bytewise = sqlite ? sql`` : sql`collate "C"`
  const table = () => db.schema.alterTable('organization_stations')

  // The holding organization's path, copied (organizations never move) so that "stations of this
  // region" is a range, as for complaints.
  await table().addColumn('organization_path', 'text', (c) => c.notNull().defaultTo('').modifyEnd(bytewise)).execute()
  await table().addColumn('host_kind', 'text', (c) => c.notNull().defaultTo('other').check(sql`host_kind in ('supermarket', 'community', 'media', 'market_regulator', 'other')`)).execute()
  await table().addColumn('host_name', 'text').execute()
  // GCJ-02, as WeChat's getLocation/openLocation use; both or neither (a station without one is listed by region only).
  await table().addColumn('latitude', 'double precision').execute()
  await table().addColumn('longitude', 'double precision', (c) => c.check(sql`(latitude is null) = (longitude is null)`)).execute()
  await table().addColumn('opening_hours', 'text', (c) => c.notNull().defaultTo('')).execute()
  await table().addColumn('phone', 'text').execute()
  // A JSON array of service codes (src/contract/station.ts).
  await table().addColumn('services', 'text', (c) => c.notNull().defaultTo('[]')).execute()
  await table().addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)).execute()
  await table().addColumn('updated_at', 'text').execute()
  await sql`update organization_stations set organization_path = (select path from organizations where organizations.id = organization_stations.organization_id)`.execute(db)

  // The public lists cover active stations only (partial indexes; queries write `active = 1` as a literal
  // so that SQLite, which cannot look into a bound parameter, sees they match).
  // Nearest first: a latitude band, longitude checked inside the index.
  await db.schema.createIndex('organization_stations_nearby').on('organization_stations').columns(['latitude', 'longitude']).where(sql.ref('active'), '=', sql.lit(1)).execute()
  // By region, in name order; the managers' list (active or not) below.
  await db.schema.createIndex('organization_stations_region').on('organization_stations').columns(['organization_path', 'name', 'id']).where(sql.ref('active'), '=', sql.lit(1)).execute()
  await db.schema.createIndex('organization_stations_subtree').on('organization_stations').columns(['organization_path', 'name', 'id']).execute()
  await addNumericChecks(db, RULES)
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropNumericChecks(db, RULES)
  for (const index of ['organization_stations_subtree', 'organization_stations_region', 'organization_stations_nearby']) await db.schema.dropIndex(index).execute()
  for (const column of ['updated_at', 'active', 'services', 'phone', 'opening_hours', 'longitude', 'latitude', 'host_name', 'host_kind', 'organization_path']) {
    await db.schema.alterTable('organization_stations').dropColumn(column).execute()
  }
}
