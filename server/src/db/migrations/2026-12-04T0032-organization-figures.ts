import { sql, type Kysely } from 'kysely'
import { addNumericChecks, dropNumericChecks, type NumericRule } from './2026-12-03T0007-numeric-checks'

// Frozen in time once shipped: add a new migration instead of editing.
//
// The roll-up figures an association reports upward (issue #15): per holding organization's path,
// China day or month of filing and industry, how many complaints were received, accepted (受理),
// closed (办结), referred (已引导), closed on time (按期办结), ended mediation and mediated successfully, and the money
// recovered. Two facts the status alone forgets are kept on the complaint:
// - mediation_result: 'succeeded' or 'failed' once mediation ended (a closed case no longer says which);
// - late_at: when a step of the association (受理审查 or 调解) first went past its deadline.
// Kept by triggers in the same statement as every write to complaints, like 0026: a transfer changes
// organization_path, so the figures move with the case. Down by a plain UPDATE, up by an upsert;
// PostgreSQL takes the two rows of an update in key order.

const SAFE = 9_007_199_254_740_991
const VALUES = ['received', 'accepted', 'closed', 'referred', 'closed_on_time', 'mediation_ended', 'mediation_succeeded', 'recovered_fen'] as const

export const RULES: NumericRule[] = VALUES.map((name): NumericRule => ['org_figure_rollups', name, 'integer', 0, SAFE])

type Dialect = 'sqlite' | 'postgres'

const CLOSED = `('resolved', 'rejected', 'withdrawn', 'closed')`

/** What one complaint adds to its row; `r` is 'new.', 'old.' or '' (the table itself). */
function valueExprs(r: string): Record<(typeof VALUES)[number], string> {
  const closed = `${r}status in ${CLOSED}`
  return {
    received: '1',
    accepted: `case when ${r}accepted_at is not null then 1 else 0 end`,
    closed: `case when ${closed} then 1 else 0 end`,
    referred: `case when ${r}status = 'referred' then 1 else 0 end`,
    closed_on_time: `case when ${closed} and ${r}late_at is null then 1 else 0 end`,
    mediation_ended: `case when ${r}mediation_result is not null then 1 else 0 end`,
    mediation_succeeded: `case when ${r}mediation_result = 'succeeded' then 1 else 0 end`,
    // The amount agreed in a successful mediation, or the enterprise's proposal a settled ODR case ended on.
    recovered_fen: `case when ${r}mediation_result = 'succeeded' then coalesce(${r}recovered_amount_fen, 0) when ${r}status = 'resolved' then coalesce(${r}proposal_amount_fen, 0) else 0 end`,
  }
}

const KEYS = ['grain', 'organization_path', 'period', 'industry'] as const

function keyExprs(dialect: Dialect, grain: 'day' | 'month', r: string): string[] {
  const period =
    dialect === 'postgres'
      ? `to_char(${r}created_at::timestamp + interval '8 hours', '${grain === 'day' ? 'YYYY-MM-DD' : 'YYYY-MM'}')`
      : `strftime('${grain === 'day' ? '%Y-%m-%d' : '%Y-%m'}', ${r}created_at, '+8 hours')`
  return [`'${grain}'`, `coalesce(${r}organization_path, '')`, period, `${r}industry`]
}

const WATCHED = ['created_at', 'organization_path', 'industry', 'status', 'accepted_at', 'late_at', 'mediation_result', 'recovered_amount_fen', 'proposal_amount_fen']

function addRow(dialect: Dialect, grain: 'day' | 'month', r: string): string {
  const values = valueExprs(r)
  return `insert into org_figure_rollups (${[...KEYS, ...VALUES].join(', ')}) values (${[...keyExprs(dialect, grain, r), ...VALUES.map((v) => values[v])].join(', ')})
    on conflict (${KEYS.join(', ')}) do update set ${VALUES.map((v) => `${v} = org_figure_rollups.${v} + excluded.${v}`).join(', ')}`
}

function removeRow(dialect: Dialect, grain: 'day' | 'month', r: string): string {
  const values = valueExprs(r)
  const keys = keyExprs(dialect, grain, r)
  return `update org_figure_rollups set ${VALUES.map((v) => `${v} = ${v} - ${values[v]}`).join(', ')} where ${KEYS.map((k, i) => `${k} = ${keys[i]}`).join(' and ')}`
}

function backfill(dialect: Dialect, grain: 'day' | 'month'): string {
  const values = valueExprs('')
  const keys = keyExprs(dialect, grain, '')
  return `insert into org_figure_rollups (${[...KEYS, ...VALUES].join(', ')})
    select ${[...keys, ...VALUES.map((v) => `sum(${values[v]})`)].join(', ')} from complaints group by 1, 2, 3, 4`
}

async function addComplaintColumns(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('complaints')
    .addColumn('mediation_result', 'text', (c) => c.check(sql`mediation_result in ('succeeded', 'failed')`))
    .execute()
  await db.schema.alterTable('complaints').addColumn('late_at', 'text').execute()
  // From the timeline: the mediation outcome recorded, and the first time the deadline job flagged a late step.
  await sql`update complaints set mediation_result = case
      when exists (select 1 from complaint_events e where e.complaint_id = complaints.id and e.type = 'mediation_succeeded') then 'succeeded'
      when exists (select 1 from complaint_events e where e.complaint_id = complaints.id and e.type = 'mediation_failed') then 'failed' end`.execute(db)
  await sql`update complaints set late_at = (select min(e.created_at) from complaint_events e where e.complaint_id = complaints.id and e.type = 'overdue')`.execute(db)
}

async function createTable(db: Kysely<any>, dialect: Dialect): Promise<void> {
  // organization_path compares bytewise, as on complaints: a subtree is the range [path, path with '/' → '0').
  const bytewise = dialect === 'sqlite' ? sql`` : sql`collate "C"`
  let table = db.schema
    .createTable('org_figure_rollups')
    .addColumn('grain', 'text', (c) => c.notNull())
    .addColumn('organization_path', 'text', (c) => c.notNull().modifyEnd(bytewise))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('industry', 'text', (c) => c.notNull())
  for (const name of VALUES) table = table.addColumn(name, 'bigint', (c) => c.notNull().defaultTo(0))
  await table.addPrimaryKeyConstraint('org_figure_rollups_pk', [...KEYS] as never).execute()
}

async function createSqliteTriggers(db: Kysely<any>): Promise<void> {
  const both = (row: string, write: typeof addRow) => (['day', 'month'] as const).map((grain) => `${write('sqlite', grain, row)};`).join('\n')
  await sql.raw(`create trigger org_figures_insert after insert on complaints begin ${both('new.', addRow)} end`).execute(db)
  await sql.raw(`create trigger org_figures_delete after delete on complaints begin ${both('old.', removeRow)} end`).execute(db)
  const changed = WATCHED.map((c) => `old.${c} is not new.${c}`).join(' or ')
  await sql
    .raw(`create trigger org_figures_update after update of ${WATCHED.join(', ')} on complaints when ${changed}
      begin ${both('old.', removeRow)} ${both('new.', addRow)} end`)
    .execute(db)
}

async function createPostgresTriggers(db: Kysely<any>): Promise<void> {
  const steps = (['day', 'month'] as const).map((grain) => {
    const keyOf = (row: string) => `row(${keyExprs('postgres', grain, row).join(', ')})`
    return `
    if tg_op = 'INSERT' then
      ${addRow('postgres', grain, 'new.')};
    elsif tg_op = 'DELETE' then
      ${removeRow('postgres', grain, 'old.')};
    elsif ${keyOf('old.')} <= ${keyOf('new.')} then
      ${removeRow('postgres', grain, 'old.')};
      ${addRow('postgres', grain, 'new.')};
    else
      ${addRow('postgres', grain, 'new.')};
      ${removeRow('postgres', grain, 'old.')};
    end if;`
  })
  await sql.raw(`create function org_figures_apply() returns trigger language plpgsql set search_path from current as $$
    begin ${steps.join('\n')}
      return null;
    end $$`).execute(db)
  await sql.raw(`create trigger org_figures_insert_delete after insert or delete on complaints for each row execute function org_figures_apply()`).execute(db)
  const changed = WATCHED.map((c) => `old.${c} is distinct from new.${c}`).join(' or ')
  await sql.raw(`create trigger org_figures_update after update of ${WATCHED.join(', ')} on complaints for each row when (${changed}) execute function org_figures_apply()`).execute(db)
}

export async function up(db: Kysely<any>): Promise<void> {
  const dialect: Dialect = db.getExecutor().adapter.constructor.name.startsWith('Sqlite') ? 'sqlite' : 'postgres'
  if (dialect === 'postgres') await sql`lock table complaints in share row exclusive mode`.execute(db)
  await addComplaintColumns(db)
  await createTable(db, dialect)
  await addNumericChecks(db, RULES)
  for (const grain of ['day', 'month'] as const) await sql.raw(backfill(dialect, grain)).execute(db)
  if (dialect === 'sqlite') await createSqliteTriggers(db)
  else await createPostgresTriggers(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter.constructor.name.startsWith('Sqlite')
  if (sqlite) {
    for (const name of ['org_figures_insert', 'org_figures_delete', 'org_figures_update']) await sql`drop trigger ${sql.id(name)}`.execute(db)
  } else {
    await sql`drop trigger org_figures_insert_delete on complaints`.execute(db)
    await sql`drop trigger org_figures_update on complaints`.execute(db)
    await sql`drop function org_figures_apply()`.execute(db)
  }
  await dropNumericChecks(db, RULES)
  await db.schema.dropTable('org_figure_rollups').execute()
  await db.schema.alterTable('complaints').dropColumn('late_at').execute()
  await db.schema.alterTable('complaints').dropColumn('mediation_result').execute()
}
