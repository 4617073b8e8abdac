import { sql, type RawBuilder } from 'kysely'
import type { Dialect } from './database'

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
