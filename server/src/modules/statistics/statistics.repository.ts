import { sql, type Expression, type SqlBool } from 'kysely'
import type { Db } from '../../db/database'
import type { RollupGrain } from '../../db/schema-rollups'
import { dueExpr, isOpenExpr } from '../workflow/queue-sql'

/** A stretch of China days or whole China months, both ends included, read from the rollups of that grain. */
export interface RollupSpan {
  grain: RollupGrain
  from: string
  to: string
}

/**
 * Complaints submitted in the span, counted by period, current status, path and industry, with the
 * sum of their recovered amounts: rows of complaint_rollups, read by its primary key.
 */
export function complaintCountsIn(db: Db, span: RollupSpan) {
  return db
    .selectFrom('complaint_rollups')
    .select(['period', 'status', 'path', 'industry', 'n', 'recovered_fen'])
    .where('grain', '=', span.grain)
    .where('period', '>=', span.from)
    .where('period', '<=', span.to)
    .where('n', '>', 0)
}

/** Complaints submitted in the span, counted per enterprise ('' when unlisted) and per unlisted business name. */
export function businessCountsIn(db: Db, span: RollupSpan) {
  return db
    .selectFrom('business_rollups')
    .select(['enterprise_id', 'unlisted_name'])
    .select((eb) => eb.fn.sum<number | string>('n').as('n'))
    .where('grain', '=', span.grain)
    .where('period', '>=', span.from)
    .where('period', '<=', span.to)
    .groupBy(['enterprise_id', 'unlisted_name'])
}

export function enterpriseNames(db: Db, ids: readonly string[]) {
  return ids.length ? db.selectFrom('enterprises').select(['id', 'name']).where('id', 'in', ids).execute() : Promise.resolve([])
}

/** Where a page of the CSV export ends: the export is ordered by (created_at, number). */
export interface CsvPosition {
  createdAt: string
  number: string
}

/** One page of the complaints submitted in [fromIso, toIso), oldest first, with their enterprise's name, from index complaints_csv_export alone. */
export function complaintsCreatedPage(db: Db, fromIso: string, toIso: string, after: CsvPosition | null, limit: number, visible: Expression<SqlBool> | null = null) {
  let query = db
    .selectFrom('complaints')
    .leftJoin('enterprises', 'enterprises.id', 'complaints.enterprise_id')
    // 已引导: the body the consumer was sent to, by its primary key.
    .leftJoin('referral_destinations', 'referral_destinations.code', 'complaints.referred_to')
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
      'referral_destinations.name as referred_to_name',
    ])
    // One lower bound, the later of the two: given both, SQLite may seek by the earlier one and
    // read every page before this one again.
    .where('complaints.created_at', '>=', after && after.createdAt > fromIso ? after.createdAt : fromIso)
    .where('complaints.created_at', '<', toIso)
  if (after) query = query.where(sql<boolean>`(complaints.created_at, complaints.number) > (${after.createdAt}, ${after.number})`)
  // Staff below the top export only their organization's subtree (complaintsVisibleTo).
  if (visible) query = query.where(visible)
  return query.orderBy('complaints.created_at').orderBy('complaints.number').limit(limit)
}

export type StatisticsRow = Awaited<ReturnType<ReturnType<typeof complaintsCreatedPage>['execute']>>[number]

/** Open complaints due before today (UTC), counted per step: open_due_rollups, read by its primary key. */
export function overdueBeforeTodayQuery(db: Db, nowIso: string) {
  return db
    .selectFrom('open_due_rollups')
    .select('due_kind')
    .select((eb) => eb.fn.sum<number | string>('n').as('n'))
    .where('due_day', '<', nowIso.slice(0, 10))
    .groupBy('due_kind')
}

/** Open complaints due today (UTC) before now, counted per step (index complaints_open_queue): a day's deadlines at most. */
export function overdueTodayQuery(db: Db, nowIso: string) {
  return db
    .selectFrom('complaints')
    .select(['due_kind'])
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(isOpenExpr)
    .where(dueExpr, '>=', `${nowIso.slice(0, 10)}T00:00:00.000Z`)
    .where(dueExpr, '<', nowIso)
    .groupBy('due_kind')
}

export async function countOverdueByKind(db: Db, nowIso: string) {
  const rows = [...(await overdueBeforeTodayQuery(db, nowIso).execute()), ...(await overdueTodayQuery(db, nowIso).execute())]
  return rows.map((row) => ({ dueKind: row.due_kind, count: Number(row.n) }))
}
