import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit after it has shipped; add a new migration instead.
// The expressions and status lists are written out as the queries of 2026-12 spell them: an index
// on an expression (or with a WHERE) serves a query only when the query says exactly the same.
const OPEN_LIST = `('submitted', 'enterprise_handling', 'enterprise_proposed', 'awaiting_review', 'accepted', 'mediating', 'mediated', 'mediation_failed')`
const DUE = sql.raw(`coalesce(due_at, '9999-12-31T23:59:59.999Z')`)
const RANK = sql.raw(`case when status in ${OPEN_LIST} then 0 else 1 end`)

export async function up(db: Kysely<any>): Promise<void> {
  // Statistics count per month over created_at from this index alone; the CSV export pages by (created_at, number).
  await db.schema
    .createIndex('complaints_created_stats')
    .on('complaints')
    .columns(['created_at', 'number', 'status', 'path', 'industry', 'enterprise_id', 'recovered_amount_fen', 'business_name'])
    .execute()
  // A public enterprise page's figures read only this index.
  await db.schema
    .createIndex('complaints_enterprise_figures')
    .on('complaints')
    .columns(['enterprise_id', 'status', 'rating', 'created_at', 'first_response_at'])
    .execute()
  // Staff queue: every open complaint (rank 0), and one person's open complaints, by deadline. The
  // queries select open ones by this rank, not by a status list: with a list, SQLite would rather
  // seek complaints_status_queue once per status and sort.
  // due_kind rides along so the statistics' overdue count reads this index alone.
  await sql`create index complaints_open_queue on complaints ((${RANK}), ${DUE}, created_at, id, due_kind)`.execute(db)
  await sql`create index complaints_open_assigned_queue on complaints (assigned_staff_id, (${RANK}), ${DUE}, created_at, id) where assigned_staff_id is not null`.execute(db)
  // Staff queue filtered by one status (closed ones too), for everyone or for one person.
  await sql`create index complaints_status_queue on complaints (status, ${DUE}, created_at, id)`.execute(db)
  await sql`create index complaints_assigned_status_queue on complaints (assigned_staff_id, status, ${DUE}, created_at, id) where assigned_staff_id is not null`.execute(db)
  // Enterprise inbox: its ODR complaints, open ones first, then by deadline.
  await sql`create index complaints_enterprise_queue on complaints (enterprise_id, path, (${RANK}), ${DUE}, created_at, id)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [
    'complaints_enterprise_queue',
    'complaints_assigned_status_queue',
    'complaints_status_queue',
    'complaints_open_assigned_queue',
    'complaints_open_queue',
    'complaints_enterprise_figures',
    'complaints_created_stats',
  ]) {
    await db.schema.dropIndex(name).execute()
  }
}
