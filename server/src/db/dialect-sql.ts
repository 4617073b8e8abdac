import { PostgresAdapter, sql, type ExpressionBuilder, type RawBuilder, type SelectQueryBuilder } from 'kysely'
import type { Db, Dialect } from './database'

export const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter

/**
 * How batch jobs claim work when several workers run: on PostgreSQL the selected rows are locked
 * until the claiming transaction ends and rows another worker has locked are passed over
 * (FOR UPDATE SKIP LOCKED), so concurrent workers take disjoint batches. SQLite has one writer at a
 * time, so the claim (one conditional statement or one transaction) is atomic as it stands.
 */
/**
 * `column IN (claiming subquery)`. On PostgreSQL the subquery runs once as an array: as a plain IN,
 * a row another worker changed meanwhile makes PostgreSQL re-run it during the recheck, claiming
 * more rows than its LIMIT.
 */
export function inClaimed<DB, TB extends keyof DB>(db: Db, column: string, subquery: SelectQueryBuilder<DB, TB, { id: string }>) {
  return (eb: ExpressionBuilder<DB, TB>) =>
    isPostgres(db) ? sql<boolean>`${sql.ref(column)} = any(array(${subquery}))` : eb(sql.ref(column), 'in', subquery)
}

export function skipLocked<DB, TB extends keyof DB, O>(db: Db, query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O> {
  return isPostgres(db) ? query.forUpdate().skipLocked() : query
}

// The date expressions that differ between SQLite and PostgreSQL, kept together. Times are stored
// as UTC ISO strings ('2026-05-01T02:03:04.005Z'); China keeps UTC+8 all year, so a fixed shift of
// eight hours gives China dates exactly.

/** The China month (YYYY-MM) of an ISO timestamp column. */
export function chinaMonth(dialect: Dialect, column: string): RawBuilder<string> {
  // PostgreSQL: a cast to timestamp without time zone drops the Z; the session's TimeZone never enters.
  return dialect === 'postgres'
    ? sql`to_char(${sql.ref(column)}::timestamp + interval '8 hours', 'YYYY-MM')`
    : sql`strftime('%Y-%m', ${sql.ref(column)}, '+8 hours')`
}

/** Whole milliseconds from one ISO timestamp column to another (SQLite's julianday rounded back to ms). */
export function elapsedMs(dialect: Dialect, from: string, to: string): RawBuilder<number | string | null> {
  return dialect === 'postgres'
    ? sql`round(extract(epoch from (${sql.ref(to)}::timestamptz - ${sql.ref(from)}::timestamptz)) * 1000)`
    : sql`round((julianday(${sql.ref(to)}) - julianday(${sql.ref(from)})) * 86400000)`
}
