import { sql } from 'kysely'
import type { Db, Dialect } from '../../db/database'
import { chinaMonth } from '../../db/dialect-sql'
import { dueExpr, isOpenExpr } from '../workflow/queue-sql'

/**
 * Complaints submitted in [fromIso, toIso), counted by China month, status, path and industry, with
 * the sum of their recovered amounts. Read from index complaints_created_stats alone.
 */
export function countsCreatedBetween(db: Db, dialect: Dialect, fromIso: string, toIso: string) {
  const month = chinaMonth(dialect, 'created_at')
  return db
    .selectFrom('complaints')
    .select([month.as('month'), 'status', 'path', 'industry'])
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.sum<number | string | null>('recovered_amount_fen').as('recovered_fen')])
    .where('created_at', '>=', fromIso)
    .where('created_at', '<', toIso)
    .groupBy([month, 'status', 'path', 'industry'])
}

/** A business outside the directory is counted by the name the consumer typed. */
const unlistedName = sql<string | null>`case when enterprise_id is null then business_name end`

/** Complaints submitted in [fromIso, toIso), counted per enterprise (or per unlisted business name). */
export function countsPerEnterpriseCreatedBetween(db: Db, fromIso: string, toIso: string) {
  return db
    .selectFrom('complaints')
    .select(['enterprise_id', unlistedName.as('unlisted_name')])
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('created_at', '>=', fromIso)
    .where('created_at', '<', toIso)
    .groupBy(['enterprise_id', unlistedName])
}

export function enterpriseNames(db: Db, ids: readonly string[]) {
  return ids.length ? db.selectFrom('enterprises').select(['id', 'name']).where('id', 'in', ids).execute() : Promise.resolve([])
}

/** Where a page of the CSV export ends: the export is ordered by (created_at, number). */
export interface CsvPosition {
  createdAt: string
  number: string
}

/** One page of the complaints submitted in [fromIso, toIso), oldest first, with their enterprise's name. */
export function complaintsCreatedPage(db: Db, fromIso: string, toIso: string, after: CsvPosition | null, limit: number) {
  let query = db
    .selectFrom('complaints')
    .leftJoin('enterprises', 'enterprises.id', 'complaints.enterprise_id')
    .select([
      'complaints.number',
      'complaints.status',
      'complaints.path',
      'complaints.industry',
      'complaints.enterprise_id',
      'complaints.business_name',
      'complaints.amount_fen',
      'complaints.recovered_amount_fen',
      'complaints.created_at',
      'complaints.closed_at',
      'complaints.rating',
      'enterprises.name as enterprise_name',
    ])
    // One lower bound, the later of the two: given both, SQLite may seek by the earlier one and
    // read every page before this one again.
    .where('complaints.created_at', '>=', after && after.createdAt > fromIso ? after.createdAt : fromIso)
    .where('complaints.created_at', '<', toIso)
  if (after) query = query.where(sql<boolean>`(complaints.created_at, complaints.number) > (${after.createdAt}, ${after.number})`)
  return query.orderBy('complaints.created_at').orderBy('complaints.number').limit(limit)
}

export type StatisticsRow = Awaited<ReturnType<ReturnType<typeof complaintsCreatedPage>['execute']>>[number]

/** Open complaints whose current step is past its deadline, counted per step (index complaints_open_queue). */
export function overdueByKindQuery(db: Db, nowIso: string) {
  return db
    .selectFrom('complaints')
    .select(['due_kind'])
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(isOpenExpr)
    .where(dueExpr, '<', nowIso)
    .groupBy('due_kind')
}

export async function countOverdueByKind(db: Db, nowIso: string) {
  const rows = await overdueByKindQuery(db, nowIso).execute()
  return rows.map((row) => ({ dueKind: row.due_kind, count: Number(row.n) }))
}
