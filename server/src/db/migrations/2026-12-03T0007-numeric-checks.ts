import { sql, type Kysely } from 'kysely'

// Frozen in time once shipped: add a new migration instead of editing.

type Kind = 'integer' | 'real'
/** table, column, integer or real, lowest and highest allowed value. */
export type NumericRule = [string, string, Kind, number, number]

const SAFE = 9_007_199_254_740_991
const INT32 = 2_147_483_647
const AMOUNT_MAX_FEN = 1_000_000_000

/** Every numeric column of every table (as of this migration), with the values it may hold. */
export const RULES: NumericRule[] = [
  ['enterprises', 'odr', 'integer', 0, 1],
  ['users', 'disabled', 'integer', 0, 1],
  ['sms_codes', 'failed_attempts', 'integer', 0, INT32],
  ['complaints', 'amount_fen', 'integer', 0, AMOUNT_MAX_FEN],
  ['complaints', 'version', 'integer', 0, INT32],
  ['complaints', 'proposal_amount_fen', 'integer', 0, AMOUNT_MAX_FEN],
  ['complaints', 'recovered_amount_fen', 'integer', 0, AMOUNT_MAX_FEN],
  ['complaints', 'rating', 'integer', 1, 5],
  ['complaint_counters', 'last', 'integer', 0, 999_999],
  ['evidence', 'bytes', 'integer', 0, 1024 * 1024 * 1024],
  ['evidence', 'width', 'integer', 0, 1_000_000],
  ['evidence', 'height', 'integer', 0, 1_000_000],
  ['evidence', 'position', 'integer', 0, 1000],
  ['notifications', 'seq', 'integer', 0, SAFE],
  ['notification_deliveries', 'attempts', 'integer', 0, INT32],
  ['notification_preferences', 'enabled', 'integer', 0, 1],
  ['subscribe_quotas', 'remaining', 'integer', 0, INT32],
  ['warning_images', 'width', 'integer', 0, 1_000_000],
  ['warning_images', 'height', 'integer', 0, 1_000_000],
  ['warnings', 'urgent', 'integer', 0, 1],
  ['warnings', 'view_count', 'integer', 0, SAFE],
  ['field_reports', 'latitude', 'real', -90, 90],
  ['field_reports', 'longitude', 'real', -180, 180],
  ['field_reports', 'accuracy', 'real', 0, 1_000_000],
  ['field_report_photos', 'position', 'integer', 0, 1000],
  ['field_report_photos', 'latitude', 'real', -90, 90],
  ['field_report_photos', 'longitude', 'real', -180, 180],
  ['field_report_photos', 'accuracy', 'real', 0, 1_000_000],
]

/** Nullable values old code let through as Infinity or out of range ("stars":"Infinity"): unknown is the honest value. */
const CLEARED_WHEN_INVALID = new Set(['latitude', 'longitude', 'accuracy', 'rating', 'recovered_amount_fen'])

/**
 * Finite, in-range numbers only, enforced by the database itself. PostgreSQL gets CHECK constraints;
 * SQLite cannot add a constraint to an existing table, so BEFORE INSERT / UPDATE OF triggers abort
 * the write instead. Both name the rule `numeric_<table>_<column>` so the API can recognise it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await addNumericChecks(db, RULES)
}

/** Also used by later migrations for the numeric columns they add. */
export async function addNumericChecks(db: Kysely<any>, rules: NumericRule[]): Promise<void> {
  const sqlite = db.getExecutor().adapter.constructor.name.startsWith('Sqlite')
  for (const [table, column, kind, min, max] of rules) {
    const name = `numeric_${table}_${column}`
    const ref = sql.ref(column)
    if (CLEARED_WHEN_INVALID.has(column)) {
      const valid = sqlite ? sql`typeof(${ref}) in ('integer', 'real') and ${ref} between ${sql.lit(min)} and ${sql.lit(max)}` : sql`${ref} between ${sql.lit(min)} and ${sql.lit(max)}`
      await sql`update ${sql.table(table)} set ${ref} = null where ${ref} is not null and not (${valid})`.execute(db)
    }
    if (!sqlite) {
      await sql`alter table ${sql.table(table)} add constraint ${sql.id(name)} check (${ref} between ${sql.lit(min)} and ${sql.lit(max)})`.execute(db)
      continue
    }
    const value = sql.ref(`new.${column}`)
    const types = kind === 'integer' ? sql`typeof(${value}) = 'integer'` : sql`typeof(${value}) in ('integer', 'real')`
    const abort = sql`select raise(abort, ${sql.lit(`CHECK constraint failed: ${name}`)}) where ${value} is not null and not (${types} and ${value} between ${sql.lit(min)} and ${sql.lit(max)})`
    await sql`create trigger ${sql.id(`${name}_insert`)} before insert on ${sql.table(table)} begin ${abort}; end`.execute(db)
    await sql`create trigger ${sql.id(`${name}_update`)} before update of ${ref} on ${sql.table(table)} begin ${abort}; end`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropNumericChecks(db, RULES)
}

export async function dropNumericChecks(db: Kysely<any>, rules: NumericRule[]): Promise<void> {
  const sqlite = db.getExecutor().adapter.constructor.name.startsWith('Sqlite')
  for (const [table, column] of rules) {
    const name = `numeric_${table}_${column}`
    if (!sqlite) {
      await sql`alter table ${sql.table(table)} drop constraint ${sql.id(name)}`.execute(db)
      continue
    }
    await sql`drop trigger if exists ${sql.id(`${name}_insert`)}`.execute(db)
    await sql`drop trigger if exists ${sql.id(`${name}_update`)}`.execute(db)
  }
}
