import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely'
import { addNumericChecks, dropNumericChecks, type NumericRule } from './2026-12-03T0007-numeric-checks'

// Frozen in time once shipped: add a new migration instead of editing.
//
// The statistics rollups of 0017 once more, per organization: the same counts keyed also by the
// holding organization's path, so that an organization's figures (its own and every one below it)
// are a range of organization_path in these small tables. The top organization keeps reading the
// 0017 tables. Kept by their own triggers, in the same statement as every write to complaints; a
// transfer changes organization_path, so its counts move from the old organization's rows to the new.
// Same rules as 0017: down by a plain UPDATE, up by an upsert; PostgreSQL locks rows in key order.

const SAFE = 9_007_199_254_740_991

export const RULES: NumericRule[] = [
  ['org_complaint_rollups', 'n', 'integer', 0, SAFE],
  ['org_complaint_rollups', 'recovered_fen', 'integer', 0, SAFE],
  ['org_business_rollups', 'n', 'integer', 0, SAFE],
  ['org_open_due_rollups', 'n', 'integer', 0, SAFE],
]

const OPEN_LIST = `('submitted', 'enterprise_handling', 'enterprise_proposed', 'awaiting_review', 'accepted', 'mediating', 'mediated', 'mediation_failed')`

type Dialect = 'sqlite' | 'postgres'

interface Target {
  table: string
  keys: Record<string, (row: string) => string>
  values: Record<string, (row: string) => string>
  when?: (row: string) => string
}

const col = (name: string) => (row: string) => (row ? `${row}.${name}` : name)

const chinaPeriod = (dialect: Dialect, grain: 'day' | 'month') => (row: string) =>
  dialect === 'postgres'
    ? `to_char(${col('created_at')(row)}::timestamp + interval '8 hours', '${grain === 'day' ? 'YYYY-MM-DD' : 'YYYY-MM'}')`
    : `strftime('${grain === 'day' ? '%Y-%m-%d' : '%Y-%m'}', ${col('created_at')(row)}, '+8 hours')`

// A complaint without an organization (none since 0021) is counted under '' and seen only by the top, which reads 0017.
const organizationPath = (row: string) => `coalesce(${col('organization_path')(row)}, '')`

function targets(dialect: Dialect): Target[] {
  const periodTargets = (grain: 'day' | 'month'): Target[] => [
    {
      table: 'org_complaint_rollups',
      keys: { grain: () => `'${grain}'`, organization_path: organizationPath, period: chinaPeriod(dialect, grain), status: col('status'), path: col('path'), industry: col('industry') },
      values: { n: () => '1', recovered_fen: (row) => `coalesce(${col('recovered_amount_fen')(row)}, 0)` },
    },
    {
      table: 'org_business_rollups',
      keys: {
        grain: () => `'${grain}'`,
        organization_path: organizationPath,
        period: chinaPeriod(dialect, grain),
        enterprise_id: (row) => `coalesce(${col('enterprise_id')(row)}, '')`,
        unlisted_name: (row) => `case when ${col('enterprise_id')(row)} is null then ${col('business_name')(row)} else '' end`,
      },
      values: { n: () => '1' },
    },
  ]
  return [
    ...periodTargets('day'),
    ...periodTargets('month'),
    {
      table: 'org_open_due_rollups',
      keys: { organization_path: organizationPath, due_day: (row) => `substr(${col('due_at')(row)}, 1, 10)`, due_kind: (row) => `coalesce(${col('due_kind')(row)}, '')` },
      values: { n: () => '1' },
      when: (row) => `${col('status')(row)} in ${OPEN_LIST} and ${col('due_at')(row)} is not null`,
    },
  ]
}

const WATCHED = ['created_at', 'status', 'path', 'industry', 'enterprise_id', 'business_name', 'recovered_amount_fen', 'due_at', 'due_kind', 'organization_path']

function addRow(target: Target, row: string): string {
  const keys = Object.keys(target.keys)
  const values = Object.keys(target.values)
  const exprs = [...keys.map((k) => target.keys[k]!(row)), ...values.map((v) => target.values[v]!(row))]
  return `insert into ${target.table} (${[...keys, ...values].join(', ')}) select ${exprs.join(', ')} where ${target.when ? target.when(row) : 'true'}
    on conflict (${keys.join(', ')}) do update set ${values.map((v) => `${v} = ${target.table}.${v} + excluded.${v}`).join(', ')}`
}

function removeRow(target: Target, row: string): string {
  const keys = Object.keys(target.keys)
  const values = Object.keys(target.values)
  const where = [...keys.map((k) => `${k} = ${target.keys[k]!(row)}`), ...(target.when ? [target.when(row)] : [])]
  return `update ${target.table} set ${values.map((v) => `${v} = ${v} - ${target.values[v]!(row)}`).join(', ')} where ${where.join(' and ')}`
}

function backfill(target: Target): string {
  const keys = Object.keys(target.keys)
  const values = Object.keys(target.values)
  const keyExprs = keys.map((k) => target.keys[k]!(''))
  return `insert into ${target.table} (${[...keys, ...values].join(', ')})
    select ${[...keyExprs, ...values.map((v) => `sum(${target.values[v]!('')})`)].join(', ')}
    from complaints where ${target.when ? target.when('') : 'true'}
    group by ${keyExprs.map((_, i) => i + 1).join(', ')}`
}

async function createTables(db: Kysely<any>, dialect: Dialect): Promise<void> {
  // organization_path compares bytewise, as on complaints: a subtree is the range [path, path with '/' → '0').
  const bytewise = dialect === 'sqlite' ? sql`` : sql`collate "C"`
  type Table = CreateTableBuilder<string, string>
  const text = (t: Table, name: string): Table => t.addColumn(name, 'text', (c: ColumnDefinitionBuilder) => (name === 'organization_path' ? c.notNull().modifyEnd(bytewise) : c.notNull()))
  const count = (t: Table, name: string): Table => t.addColumn(name, 'bigint', (c) => c.notNull().defaultTo(0))
  let complaints = db.schema.createTable('org_complaint_rollups')
  for (const name of ['grain', 'organization_path', 'period', 'status', 'path', 'industry']) complaints = text(complaints, name)
  complaints = count(count(complaints, 'n'), 'recovered_fen')
  await complaints.addPrimaryKeyConstraint('org_complaint_rollups_pk', ['grain', 'organization_path', 'period', 'status', 'path', 'industry'] as never).execute()

  let businesses = db.schema.createTable('org_business_rollups')
  for (const name of ['grain', 'organization_path', 'period', 'enterprise_id', 'unlisted_name']) businesses = text(businesses, name)
  businesses = count(businesses, 'n')
  await businesses.addPrimaryKeyConstraint('org_business_rollups_pk', ['grain', 'organization_path', 'period', 'enterprise_id', 'unlisted_name'] as never).execute()

  let due = db.schema.createTable('org_open_due_rollups')
  for (const name of ['organization_path', 'due_day', 'due_kind']) due = text(due, name)
  due = count(due, 'n')
  await due.addPrimaryKeyConstraint('org_open_due_rollups_pk', ['organization_path', 'due_day', 'due_kind'] as never).execute()
}

async function createSqliteTriggers(db: Kysely<any>): Promise<void> {
  const all = targets('sqlite')
  const body = (statements: string[]) => statements.map((s) => `${s};`).join('\n')
  await sql.raw(`create trigger org_rollups_insert after insert on complaints begin ${body(all.map((t) => addRow(t, 'new')))} end`).execute(db)
  await sql.raw(`create trigger org_rollups_delete after delete on complaints begin ${body(all.map((t) => removeRow(t, 'old')))} end`).execute(db)
  const changed = WATCHED.map((c) => `old.${c} is not new.${c}`).join(' or ')
  await sql
    .raw(`create trigger org_rollups_update after update of ${WATCHED.join(', ')} on complaints when ${changed}
      begin ${body(all.flatMap((t) => [removeRow(t, 'old'), addRow(t, 'new')]))} end`)
    .execute(db)
}

async function createPostgresTriggers(db: Kysely<any>): Promise<void> {
  const steps = targets('postgres').map((t) => {
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
  await sql.raw(`create function org_rollups_apply() returns trigger language plpgsql set search_path from current as $$
    begin ${steps.join('\n')}
      return null;
    end $$`).execute(db)
  await sql.raw(`create trigger org_rollups_insert_delete after insert or delete on complaints for each row execute function org_rollups_apply()`).execute(db)
  const changed = WATCHED.map((c) => `old.${c} is distinct from new.${c}`).join(' or ')
  await sql.raw(`create trigger org_rollups_update after update of ${WATCHED.join(', ')} on complaints for each row when (${changed}) execute function org_rollups_apply()`).execute(db)
}

export async function up(db: Kysely<any>): Promise<void> {
  const dialect: Dialect = db.getExecutor().adapter.constructor.name.startsWith('Sqlite') ? 'sqlite' : 'postgres'
  if (dialect === 'postgres') await sql`lock table complaints in share row exclusive mode`.execute(db)
  await createTables(db, dialect)
  await addNumericChecks(db, RULES)
  for (const target of targets(dialect)) await sql.raw(backfill(target)).execute(db)
  if (dialect === 'sqlite') await createSqliteTriggers(db)
  else await createPostgresTriggers(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter.constructor.name.startsWith('Sqlite')
  if (sqlite) {
    for (const name of ['org_rollups_insert', 'org_rollups_delete', 'org_rollups_update']) await sql`drop trigger ${sql.id(name)}`.execute(db)
  } else {
    await sql`drop trigger org_rollups_insert_delete on complaints`.execute(db)
    await sql`drop trigger org_rollups_update on complaints`.execute(db)
    await sql`drop function org_rollups_apply()`.execute(db)
  }
  await dropNumericChecks(db, RULES)
  for (const table of ['org_open_due_rollups', 'org_business_rollups', 'org_complaint_rollups']) await db.schema.dropTable(table).execute()
}
