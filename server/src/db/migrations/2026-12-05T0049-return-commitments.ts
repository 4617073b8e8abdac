import { sql, type Kysely } from 'kysely'
import { addNumericChecks, dropNumericChecks, type NumericRule } from './2026-12-03T0007-numeric-checks'

// Frozen in time once shipped: add a new migration instead of editing.
// 线下无理由退货承诺 (issue #19): an enterprise's stores sign a commitment with its terms; consumers refused a
// return file with one tap (the complaint keeps a snapshot of the terms and jumps the staff queue);
// staff see returns honoured and refusals per store and can revoke the badge with a reason.

const COUNT = 2_000_000_000
const AMOUNT_MAX_FEN = 1_000_000_000_000

export const RULES: NumericRule[] = [
  ['return_commitments', 'days', 'integer', 7, 30],
  ['return_commitments', 'latitude', 'real', -90, 90],
  ['return_commitments', 'longitude', 'real', -180, 180],
  ['return_commitment_months', 'returns_count', 'integer', 0, COUNT],
  ['return_commitment_months', 'amount_fen', 'integer', 0, AMOUNT_MAX_FEN],
  ['complaints', 'queue_priority', 'integer', 0, 1],
]

/** The same text as queue-sql.ts (an index serves only the expression it was built on). */
const OPEN = sql.raw(
  `case when status in ('submitted', 'enterprise_handling', 'enterprise_proposed', 'awaiting_review', 'accepted', 'mediating', 'mediated', 'mediation_failed') then 0 else 1 end`,
)
const DUE = sql.raw(`coalesce(due_at, '9999-12-31T23:59:59.999Z')`)

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('return_commitments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('store_name', 'text', (c) => c.notNull())
    .addColumn('store_address', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('latitude', 'real')
    .addColumn('longitude', 'real')
    // The association whose region covers the store: its staff (and those above) see it.
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('organization_path', 'text', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('conditions', 'text', (c) => c.notNull())
    /** JSON array of exclusion codes (src/contract/return-commitment.ts). */
    .addColumn('exclusions', 'text', (c) => c.notNull())
    .addColumn('exclusion_note', 'text')
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'revoked')`))
    .addColumn('signed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text', (c) => c.references('users.id'))
    .addColumn('revoked_reason', 'text')
    /** The first day the store may sign again after a revocation. */
    .addColumn('resign_on', 'text')
    /** enterprise id + '|' + the store's name without spaces: one active commitment per store. */
    .addColumn('store_key', 'text', (c) => c.notNull())
    .execute()
  await sql`create unique index return_commitments_one_active on return_commitments (store_key) where status = 'active'`.execute(db)
  // The latest commitment of a store (may it sign again?), an enterprise's own, the public list by region,
  // the map's latitude band, staff lists by organization.
  await db.schema.createIndex('return_commitments_store').on('return_commitments').columns(['store_key', 'signed_at']).execute()
  await db.schema.createIndex('return_commitments_enterprise').on('return_commitments').columns(['enterprise_id', 'signed_at']).execute()
  await db.schema.createIndex('return_commitments_region').on('return_commitments').columns(['status', 'organization_path', 'store_name', 'id']).execute()
  await db.schema.createIndex('return_commitments_nearby').on('return_commitments').columns(['status', 'latitude', 'longitude']).execute()

  await db.schema
    .createTable('return_commitment_months')
    .addColumn('commitment_id', 'text', (c) => c.notNull().references('return_commitments.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('returns_count', 'integer', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('return_commitment_months_pk', ['commitment_id', 'month'])
    .execute()

  // A complaint filed through 一键投诉: which commitment, its terms as they were, and whether staff found the refusal real.
  await db.schema
    .createTable('return_commitment_complaints')
    .addColumn('complaint_id', 'text', (c) => c.primaryKey().references('complaints.id'))
    .addColumn('commitment_id', 'text', (c) => c.notNull().references('return_commitments.id'))
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('upheld_at', 'text')
    .addColumn('upheld_by', 'text', (c) => c.references('users.id'))
    .execute()
  await db.schema.createIndex('return_commitment_complaints_store').on('return_commitment_complaints').columns(['commitment_id', 'created_at']).execute()
  await db.schema.createIndex('return_commitment_complaints_upheld').on('return_commitment_complaints').columns(['commitment_id', 'upheld_at']).execute()

  // 1: a refused return at a committed store; such open complaints come first in the staff queue.
  await db.schema.alterTable('complaints').addColumn('queue_priority', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await sql`create index complaints_priority_queue on complaints (queue_priority, (${OPEN}), ${DUE}, created_at, id) where queue_priority = 1`.execute(db)

  await addNumericChecks(db, RULES)
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropNumericChecks(db, RULES)
  await db.schema.dropIndex('complaints_priority_queue').execute()
  await db.schema.alterTable('complaints').dropColumn('queue_priority').execute()
  for (const table of ['return_commitment_complaints', 'return_commitment_months', 'return_commitments']) {
    await db.schema.dropTable(table).execute()
  }
}
