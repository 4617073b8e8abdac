import { sql, type RawBuilder } from 'kysely'
import type { Dialect } from '../../db/database'

/**
 * Whole milliseconds from one ISO timestamp column to another: the one date expression that differs
 * between the databases. SQLite's julianday is a day fraction, rounded back to exact milliseconds.
 */
export function elapsedMs(dialect: Dialect, from: string, to: string): RawBuilder<number | string | null> {
  return dialect === 'postgres'
    ? sql`round(extract(epoch from (${sql.ref(to)}::timestamptz - ${sql.ref(from)}::timestamptz)) * 1000)`
    : sql`round((julianday(${sql.ref(to)}) - julianday(${sql.ref(from)})) * 86400000)`
}
