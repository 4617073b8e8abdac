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

/** An organization's subtree as a range of organization_path [from, to); null for the whole network. */
export interface PathRange {
  from: string
  to: string
}

/**
 * Complaints submitted in the span, counted by period, current status, path and industry, with the
 * sum of their recovered amounts: rows of complaint_rollups (the whole network) or of
 * org_complaint_rollups (a subtree), read by the primary key.
 */
export function complaintCountsIn(db: Db, span: RollupSpan, subtree: PathRange | null = null) {
  if (subtree) {
    return db
      .selectFrom('org_complaint_rollups')
      .select(['period', 'status', 'path', 'industry'])
      .select((eb) => [eb.fn.sum<number | string>('n').as('n'), eb.fn.sum<number | string>('recovered_fen').as('recovered_fen')])
      .where('grain', '=', span.grain)
      .where('organization_path', '>=', subtree.from)
      .where('organization_path', '<', subtree.to)
      .where('period', '>=', span.from)
      .where('period', '<=', span.to)
      .where('n', '>', 0)
      .groupBy(['period', 'status', 'path', 'industry'])
  }
  return db
    .selectFrom('complaint_rollups')
    .select(['period', 'status', 'path', 'industry', 'n', 'recovered_fen'])
    .where('grain', '=', span.grain)
    .where('period', '>=', span.from)
    .where('period', '<=', span.to)
    .where('n', '>', 0)
}

/** Complaints submitted in the span, counted per enterprise ('' when unlisted) and per unlisted business name. */
export function businessCountsIn(db: Db, span: RollupSpan, subtree: PathRange | null = null) {
  let query = db
    .selectFrom(subtree ? 'org_business_rollups' : 'business_rollups')
    .select(['enterprise_id', 'unlisted_name'])
    .select((eb) => eb.fn.sum<number | string>('n').as('n'))
    .where('grain', '=', span.grain)
  if (subtree) query = query.where('organization_path', '>=', subtree.from).where('organization_path', '<', subtree.to)
  return query.where('period', '>=', span.from).where('period', '<=', span.to).groupBy(['enterprise_id', 'unlisted_name'])
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
  // Staff below the top export only their organization's subtree (complaintsHeldBy).
  if (visible) query = query.where(visible)
  return query.orderBy('complaints.created_at').orderBy('complaints.number').limit(limit)
}

export type StatisticsRow = Awaited<ReturnType<ReturnType<typeof complaintsCreatedPage>['execute']>>[number]

/** Open complaints due before today (UTC), counted per step: open_due_rollups (or org_open_due_rollups for a subtree), read by its primary key. */
export function overdueBeforeTodayQuery(db: Db, nowIso: string, subtree: PathRange | null = null) {
  let query = db
    .selectFrom(subtree ? 'org_open_due_rollups' : 'open_due_rollups')
    .select('due_kind')
    .select((eb) => eb.fn.sum<number | string>('n').as('n'))
  if (subtree) query = query.where('organization_path', '>=', subtree.from).where('organization_path', '<', subtree.to)
  return query.where('due_day', '<', nowIso.slice(0, 10)).groupBy('due_kind')
}

/** Open complaints due today (UTC) before now, counted per step (index complaints_open_queue): a day's deadlines at most. */
export function overdueTodayQuery(db: Db, nowIso: string, subtree: PathRange | null = null) {
  let query = db
    .selectFrom('complaints')
    .select(['due_kind'])
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(isOpenExpr)
    .where(dueExpr, '>=', `${nowIso.slice(0, 10)}T00:00:00.000Z`)
    .where(dueExpr, '<', nowIso)
  // Filtered after the deadline range: the day's open deadlines of the whole network are read, no more.
  if (subtree) query = query.where('organization_path', '>=', subtree.from).where('organization_path', '<', subtree.to)
  return query.groupBy('due_kind')
}

export async function countOverdueByKind(db: Db, nowIso: string, subtree: PathRange | null = null) {
  const rows = [...(await overdueBeforeTodayQuery(db, nowIso, subtree).execute()), ...(await overdueTodayQuery(db, nowIso, subtree).execute())]
  return rows.map((row) => ({ dueKind: row.due_kind, count: Number(row.n) }))
}
