import { sql, type Kysely } from 'kysely'
import { addNumericChecks, dropNumericChecks, type NumericRule } from './2026-12-03T0007-numeric-checks'

// Frozen in time once shipped: add a new migration instead of editing.
//
// Complaints counted per China day and per China month (and per enterprise, all time), kept up to
// date by triggers on the complaints table: the database adds and removes a complaint's counts in
// the same statement, so in the same transaction, as every insert, update and delete, whichever code
// writes it (the workflow, jobs, the admin CLI, a fix typed into psql). Statistics and the public
// enterprise figures read these small tables instead of every complaint; the overdue count reads
// open_due_rollups for the days before today and the complaints due today from their index.
//
// A count goes down by a plain UPDATE (an upsert would check its proposed row, n = -1, against the
// n >= 0 rule first) and up by INSERT … ON CONFLICT DO UPDATE SET n = n + excluded.n, which two
// transactions at once cannot lose. On PostgreSQL a change touches its rows in key order, so two
// opposite status changes on the same day cannot deadlock each other.

const SAFE = 9_007_199_254_740_991

export const RULES: NumericRule[] = [
  ['complaint_rollups', 'n', 'integer', 0, SAFE],
  ['complaint_rollups', 'recovered_fen', 'integer', 0, SAFE],
  ['business_rollups', 'n', 'integer', 0, SAFE],
  ['enterprise_figure_rollups', 'n', 'integer', 0, SAFE],
  ['enterprise_figure_rollups', 'rated', 'integer', 0, SAFE],
  ['enterprise_figure_rollups', 'rating_sum', 'integer', 0, SAFE],
  ['open_due_rollups', 'n', 'integer', 0, SAFE],
  ['enterprise_response_rollups', 'response_ms', 'integer', 0, SAFE],
  ['enterprise_response_rollups', 'n', 'integer', 0, SAFE],
]

const OPEN_LIST = `('submitted', 'enterprise_handling', 'enterprise_proposed', 'awaiting_review', 'accepted', 'mediating', 'mediated', 'mediation_failed')`

type Dialect = 'sqlite' | 'postgres'

/** One kind of row a complaint is counted in: key and value expressions over `new.` or `old.`. */
interface Target {
  table: string
  keys: Record<string, (row: string) => string>
  values: Record<string, (row: string) => string>
  /** Only complaints for which this holds are counted here. */
  when?: (row: string) => string
}

const chinaPeriod = (dialect: Dialect, grain: 'day' | 'month') => (row: string) => {
  const column = row ? `${row}.created_at` : 'created_at'
  return dialect === 'postgres'
    ? `to_char(${column}::timestamp + interval '8 hours', '${grain === 'day' ? 'YYYY-MM-DD' : 'YYYY-MM'}')`
    : `strftime('${grain === 'day' ? '%Y-%m-%d' : '%Y-%m'}', ${column}, '+8 hours')`
}

const col = (name: string) => (row: string) => (row ? `${row}.${name}` : name)

function targets(dialect: Dialect): Target[] {
  const periodTargets = (grain: 'day' | 'month'): Target[] => [
    {
      table: 'complaint_rollups',
      keys: { grain: () => `'${grain}'`, period: chinaPeriod(dialect, grain), status: col('status'), path: col('path'), industry: col('industry') },
      values: { n: () => '1', recovered_fen: (row) => `coalesce(${col('recovered_amount_fen')(row)}, 0)` },
    },
    {
      table: 'business_rollups',
      keys: {
        grain: () => `'${grain}'`,
        period: chinaPeriod(dialect, grain),
        // A business outside the directory is counted by the name the consumer typed; '' and not
        // null, because a unique key treats every null as different.
        enterprise_id: (row) => `coalesce(${col('enterprise_id')(row)}, '')`,
        unlisted_name: (row) => `case when ${col('enterprise_id')(row)} is null then ${col('business_name')(row)} else '' end`,
      },
      values: { n: () => '1' },
    },
  ]
  const rated = (row: string) => `${col('rating')(row)} between 1 and 5`
  return [
    ...periodTargets('day'),
    ...periodTargets('month'),
    {
      table: 'enterprise_figure_rollups',
      keys: { enterprise_id: col('enterprise_id'), status: col('status') },
      values: {
        n: () => '1',
        // A rating outside 1–5 (stored before the database checked it) is left out, as the figures always did.
        rated: (row) => `case when ${rated(row)} then 1 else 0 end`,
        rating_sum: (row) => `case when ${rated(row)} then ${col('rating')(row)} else 0 end`,
      },
      when: (row) => `${col('enterprise_id')(row)} is not null`,
    },
    {
      // Open complaints per UTC day of their current step's deadline: every day before today is
      // overdue as a whole; statistics count only today's slice from the complaints themselves.
      table: 'open_due_rollups',
      keys: { due_day: (row) => `substr(${col('due_at')(row)}, 1, 10)`, due_kind: (row) => `coalesce(${col('due_kind')(row)}, '')` },
      values: { n: () => '1' },
      when: (row) => `${col('status')(row)} in ${OPEN_LIST} and ${col('due_at')(row)} is not null`,
    },
    {
      // An enterprise's first-response times in whole milliseconds, in order in the key: the median is
      // read by a running sum over them, with no sort.
      table: 'enterprise_response_rollups',
      keys: { enterprise_id: col('enterprise_id'), response_ms: responseMs(dialect) },
      values: { n: () => '1' },
      when: (row) => `${col('enterprise_id')(row)} is not null and ${col('first_response_at')(row)} is not null and ${responseMs(dialect)(row)} >= 0`,
    },
  ]
}

/** Elapsed ms as the figures counted them until 2026-12-03 (julianday on SQLite, epoch on PostgreSQL), as a whole number (a response before the complaint is negative). */
const responseMs = (dialect: Dialect) => (row: string) =>
  dialect === 'postgres'
    ? `round(extract(epoch from (${col('first_response_at')(row)}::timestamptz - ${col('created_at')(row)}::timestamptz)) * 1000)::bigint`
    : `cast(round((julianday(${col('first_response_at')(row)}) - julianday(${col('created_at')(row)})) * 86400000) as integer)`

/** The complaint columns any target reads: an update of other columns leaves the rollups alone. */
const WATCHED = ['created_at', 'status', 'path', 'industry', 'enterprise_id', 'business_name', 'recovered_amount_fen', 'rating', 'due_at', 'due_kind', 'first_response_at']

function addRow(target: Target, row: string): string {
  const keys = Object.keys(target.keys)
  const values = Object.keys(target.values)
  const exprs = [...keys.map((k) => target.keys[k]!(row)), ...values.map((v) => target.values[v]!(row))]
  const where = target.when ? target.when(row) : 'true'
  return `insert into ${target.table} (${[...keys, ...values].join(', ')}) select ${exprs.join(', ')} where ${where}
    on conflict (${keys.join(', ')}) do update set ${values.map((v) => `${v} = ${target.table}.${v} + excluded.${v}`).join(', ')}`
}

function removeRow(target: Target, row: string): string {
  const keys = Object.keys(target.keys)
  const values = Object.keys(target.values)
  const where = [...keys.map((k) => `${k} = ${target.keys[k]!(row)}`), ...(target.when ? [target.when(row)] : [])]
  return `update ${target.table} set ${values.map((v) => `${v} = ${v} - ${target.values[v]!(row)}`).join(', ')} where ${where.join(' and ')}`
}

/** The counts of every complaint already there, counted in one grouped query per target. */
function backfill(target: Target): string {
  const keys = Object.keys(target.keys)
  const values = Object.keys(target.values)
  const keyExprs = keys.map((k) => target.keys[k]!(''))
  return `insert into ${target.table} (${[...keys, ...values].join(', ')})
    select ${[...keyExprs, ...values.map((v) => `sum(${target.values[v]!('')})`)].join(', ')}
    from complaints where ${target.when ? target.when('') : 'true'}
    group by ${keyExprs.map((_, i) => i + 1).join(', ')}`
}

async function createTables(db: Kysely<any>): Promise<void> {
  const count = (name: string) => (t: ReturnType<Kysely<any>['schema']['createTable']>) => t.addColumn(name, 'bigint', (c) => c.notNull().defaultTo(0))
  // grain 'day' (period YYYY-MM-DD) or 'month' (YYYY-MM), China time. Statistics read whole months
  // from the month rows and the days at either end of a range from the day rows.
  let rollups = db.schema
    .createTable('complaint_rollups')
    .addColumn('grain', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('industry', 'text', (c) => c.notNull())
  rollups = count('recovered_fen')(count('n')(rollups))
  await rollups.addPrimaryKeyConstraint('complaint_rollups_pk', ['grain', 'period', 'status', 'path', 'industry']).execute()

  await count('n')(
    db.schema
      .createTable('business_rollups')
      .addColumn('grain', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('enterprise_id', 'text', (c) => c.notNull())
      .addColumn('unlisted_name', 'text', (c) => c.notNull()),
  )
    .addPrimaryKeyConstraint('business_rollups_pk', ['grain', 'period', 'enterprise_id', 'unlisted_name'])
    .execute()

  let figures = db.schema
    .createTable('enterprise_figure_rollups')
    .addColumn('enterprise_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
  figures = count('rating_sum')(count('rated')(count('n')(figures)))
  await figures.addPrimaryKeyConstraint('enterprise_figure_rollups_pk', ['enterprise_id', 'status']).execute()

  await count('n')(db.schema.createTable('open_due_rollups').addColumn('due_day', 'text', (c) => c.notNull()).addColumn('due_kind', 'text', (c) => c.notNull()))
    .addPrimaryKeyConstraint('open_due_rollups_pk', ['due_day', 'due_kind'])
    .execute()

  await count('n')(db.schema.createTable('enterprise_response_rollups').addColumn('enterprise_id', 'text', (c) => c.notNull()).addColumn('response_ms', 'bigint', (c) => c.notNull()))
    .addPrimaryKeyConstraint('enterprise_response_rollups_pk', ['enterprise_id', 'response_ms'])
    .execute()
}

async function createSqliteTriggers(db: Kysely<any>): Promise<void> {
  const all = targets('sqlite')
  const body = (statements: string[]) => statements.map((s) => `${s};`).join('\n')
  await sql.raw(`create trigger complaint_rollups_insert after insert on complaints begin ${body(all.map((t) => addRow(t, 'new')))} end`).execute(db)
  await sql.raw(`create trigger complaint_rollups_delete after delete on complaints begin ${body(all.map((t) => removeRow(t, 'old')))} end`).execute(db)
  const changed = WATCHED.map((c) => `old.${c} is not new.${c}`).join(' or ')
  await sql
    .raw(`create trigger complaint_rollups_update after update of ${WATCHED.join(', ')} on complaints when ${changed}
      begin ${body(all.flatMap((t) => [removeRow(t, 'old'), addRow(t, 'new')]))} end`)
    .execute(db)
}

async function createPostgresTriggers(db: Kysely<any>): Promise<void> {
  const all = targets('postgres')
  // Per target: the lower key first, so every transaction locks rollup rows in the same order.
  const steps = all.map((t) => {
    const keyOf = (row: string) => `row(${Object.values(t.keys).map((k) => k(row)).join(', ')})`
    return `
    if tg_op = 'INSERT' then
      ${addRow(t, 'new')};
    elsif tg_op = 'DELETE' then
      ${removeRow(t, 'old')};
    elsif ${keyOf('old')} <= ${keyOf('new')} then
      ${removeRow(t, 'old')};
      ${addRow(t, 'new')};
    else
      ${addRow(t, 'new')};
      ${removeRow(t, 'old')};
    end if;`
  })
  // The rollup tables are found in the schema the migration ran in, whatever a later session's search_path.
  await sql.raw(`create function complaint_rollups_apply() returns trigger language plpgsql set search_path from current as $$
    begin ${steps.join('\n')}
      return null;
    end $$`).execute(db)
  await sql.raw(`create trigger complaint_rollups_insert_delete after insert or delete on complaints for each row execute function complaint_rollups_apply()`).execute(db)
  const changed = WATCHED.map((c) => `old.${c} is distinct from new.${c}`).join(' or ')
  await sql
    .raw(`create trigger complaint_rollups_update after update of ${WATCHED.join(', ')} on complaints for each row when (${changed}) execute function complaint_rollups_apply()`)
    .execute(db)
}

export async function up(db: Kysely<any>): Promise<void> {
  const dialect: Dialect = db.getExecutor().adapter.constructor.name.startsWith('Sqlite') ? 'sqlite' : 'postgres'
  // No complaint may change between the backfill and the triggers (another instance still serving).
  if (dialect === 'postgres') await sql`lock table complaints in share row exclusive mode`.execute(db)
  await createTables(db)
  await addNumericChecks(db, RULES)
  for (const target of targets(dialect)) await sql.raw(backfill(target)).execute(db)
  if (dialect === 'sqlite') await createSqliteTriggers(db)
  else await createPostgresTriggers(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter.constructor.name.startsWith('Sqlite')
  if (sqlite) {
    for (const name of ['complaint_rollups_insert', 'complaint_rollups_delete', 'complaint_rollups_update']) await sql`drop trigger ${sql.id(name)}`.execute(db)
  } else {
    await sql`drop trigger complaint_rollups_insert_delete on complaints`.execute(db)
    await sql`drop trigger complaint_rollups_update on complaints`.execute(db)
    await sql`drop function complaint_rollups_apply()`.execute(db)
  }
  await dropNumericChecks(db, RULES)
  for (const table of ['enterprise_response_rollups', 'open_due_rollups', 'enterprise_figure_rollups', 'business_rollups', 'complaint_rollups']) await db.schema.dropTable(table).execute()
}
