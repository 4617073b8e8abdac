import { sql, type Kysely } from 'kysely'
import { addNumericChecks, dropNumericChecks, type NumericRule } from './2026-12-03T0007-numeric-checks'

// Frozen in time once shipped: add a new migration instead of editing.

export const RULES: NumericRule[] = [
  ['data_exports', 'attempts', 'integer', 0, 1000],
  ['data_exports', 'bytes', 'integer', 0, 9_007_199_254_740_991],
  ['data_exports', 'photo_count', 'integer', 0, 1_000_000],
]

/** A consumer's copy of their own data (PIPL art. 45), built by a job and kept for a few days. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('data_exports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('storage_key', 'text')
    .addColumn('bytes', 'bigint')
    .addColumn('photo_count', 'integer')
    .addColumn('ready_at', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('deleted_at', 'text')
    .addColumn('last_error', 'text')
    .execute()
  // One export being prepared per person at a time: the second request finds the first instead.
  await db.schema
    .createIndex('data_exports_one_active')
    .on('data_exports')
    .column('user_id')
    .unique()
    .where(sql<boolean>`status in ('pending', 'building')`)
    .execute()
  await db.schema.createIndex('data_exports_user').on('data_exports').columns(['user_id', 'requested_at']).execute()
  // The worker's queue and the retention job's due files.
  await db.schema.createIndex('data_exports_queue').on('data_exports').columns(['status', 'requested_at']).execute()
  await db.schema.createIndex('data_exports_expiry').on('data_exports').columns(['status', 'expires_at']).execute()
  // The staff access log filtered by who read.
  await db.schema.createIndex('access_records_actor').on('access_records').columns(['actor_id', 'created_at', 'id']).execute()
  await addNumericChecks(db, RULES)
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropNumericChecks(db, RULES)
  await db.schema.dropIndex('access_records_actor').execute()
  await db.schema.dropTable('data_exports').execute()
}
