import type { Insertable, Selectable } from 'kysely'
import type { Db } from '../../db/database'
import type { WalkInFilingTable } from '../../db/schema-organizations'
import type { TimePosition } from '../../time-cursor'
import { subtreeEnd } from '../organizations/organization-scope'

export type WalkInRow = Selectable<WalkInFilingTable>

export async function insertWalkIn(db: Db, row: Insertable<WalkInFilingTable>): Promise<void> {
  await db.insertInto('walk_in_filings').values(row).execute()
}

/** A filing of this station; another station's is as good as absent. */
export function findStationWalkIn(db: Db, id: string, stationId: string) {
  return db.selectFrom('walk_in_filings').selectAll().where('id', '=', id).where('station_id', '=', stationId).executeTakeFirst()
}

/** Records the consent once: false when it was already recorded (a repeated request). */
export async function recordConsent(db: Db, id: string, consumerId: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('walk_in_filings')
    .set({ consented_at: at, consumer_id: consumerId })
    .where('id', '=', id)
    .where('consented_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Ties the filing to its complaint, once; the UNIQUE complaint_id and this condition refuse a second. */
export async function markFiled(db: Db, id: string, complaintId: string): Promise<boolean> {
  const result = await db.updateTable('walk_in_filings').set({ complaint_id: complaintId }).where('id', '=', id).where('complaint_id', 'is', null).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Links a counter photo to its filing (again is a no-op) and counts the filing's photos. */
export async function linkPhoto(db: Db, filingId: string, evidenceId: string): Promise<number> {
  await db.insertInto('walk_in_photos').values({ filing_id: filingId, evidence_id: evidenceId }).onConflict((oc) => oc.columns(['filing_id', 'evidence_id']).doNothing()).execute()
  const row = await db.selectFrom('walk_in_photos').select((eb) => eb.fn.countAll<number | string>().as('n')).where('filing_id', '=', filingId).executeTakeFirstOrThrow()
  return Number(row.n)
}

export function findStation(db: Db, id: string) {
  return db
    .selectFrom('organization_stations')
    .innerJoin('organizations', 'organizations.id', 'organization_stations.organization_id')
    .select(['organization_stations.id', 'organization_stations.name', 'organization_stations.organization_id', 'organizations.name as organization_name'])
    .where('organization_stations.id', '=', id)
    .executeTakeFirst()
}

export async function countFiling(db: Db, stationId: string, month: string): Promise<void> {
  await db
    .insertInto('station_month_rollups')
    .values({ station_id: stationId, month, n: 1 })
    .onConflict((oc) => oc.columns(['station_id', 'month']).doUpdateSet((eb) => ({ n: eb('station_month_rollups.n', '+', 1) })))
    .execute()
}

/** One page of the station's complaints, newest first (index complaints_station_filed). */
export function stationComplaintsQuery(db: Db, stationId: string, after: TimePosition | null, limit: number) {
  let query = db
    .selectFrom('complaints')
    .innerJoin('walk_in_filings', 'walk_in_filings.complaint_id', 'complaints.id')
    .innerJoin('users as operator', 'operator.id', 'walk_in_filings.operator_id')
    .select([
      'complaints.id',
      'complaints.number',
      'complaints.status',
      'complaints.business_name',
      'complaints.created_at',
      'walk_in_filings.person_name',
      'walk_in_filings.phone',
      'operator.display_name as operator_name',
    ])
    .where('complaints.station_id', '=', stationId)
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('complaints.created_at', '<', after.createdAt), eb.and([eb('complaints.created_at', '=', after.createdAt), eb('complaints.id', '<', after.id)])]),
    )
  }
  return query.orderBy('complaints.created_at', 'desc').orderBy('complaints.id', 'desc').limit(limit)
}

/**
 * The stations of an organization's subtree (or just one station) with their monthly counts from
 * `fromMonth` to `toMonth`: organizations by path range, their stations by organization, counts by primary key.
 */
export function stationMonthCountsQuery(db: Db, scope: { path: string | null; stationId: string | null }, fromMonth: string, toMonth: string) {
  let query = db
    .selectFrom('organization_stations')
    .innerJoin('organizations', 'organizations.id', 'organization_stations.organization_id')
    .leftJoin('station_month_rollups as r', (join) => join.onRef('r.station_id', '=', 'organization_stations.id').on('r.month', '>=', fromMonth).on('r.month', '<=', toMonth))
    .select(['organization_stations.id', 'organization_stations.name', 'organizations.name as organization_name', 'organizations.path', 'r.month', 'r.n'])
  if (scope.stationId) query = query.where('organization_stations.id', '=', scope.stationId)
  const path = scope.path
  if (path) query = query.where('organizations.path', '>=', path).where('organizations.path', '<', subtreeEnd(path))
  return query.orderBy('organizations.path').orderBy('organization_stations.name')
}
