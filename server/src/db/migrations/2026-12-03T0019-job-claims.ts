import type { Kysely } from 'kysely'
import { addNumericChecks, dropNumericChecks, type NumericRule } from './2026-12-03T0007-numeric-checks'

// Frozen in time once shipped: add a new migration instead of editing.
// What lets several workers and API instances share the batch jobs: the reminder job's claim on a
// complaint's current step, the urgent-warning fan-out's cursor and progress, and the heartbeat rows
// that tell an instance on disk storage it is not alone.

export const RULES: NumericRule[] = [
  ['warning_fanouts', 'total', 'integer', 0, 2_147_483_647],
  ['warning_fanouts', 'notified', 'integer', 0, 2_147_483_647],
]

export async function up(db: Kysely<any>): Promise<void> {
  // The due_at the "deadline near" reminder was sent for: claimed with a conditional UPDATE.
  await db.schema.alterTable('complaints').addColumn('reminded_due_at', 'text').execute()

  await db.schema
    .createTable('warning_fanouts')
    .addColumn('warning_id', 'text', (c) => c.primaryKey().references('warnings.id'))
    // Recipients counted when the first batch ran; null until then.
    .addColumn('total', 'integer')
    .addColumn('notified', 'integer', (c) => c.notNull().defaultTo(0))
    // The last user id handled (users are walked in id order); '' before the first batch.
    .addColumn('cursor', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute()
  await db.schema.createIndex('warning_fanouts_pending').on('warning_fanouts').columns(['finished_at', 'created_at']).execute()

  await db.schema
    .createTable('api_instances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('storage', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('heartbeat_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('api_instances_heartbeat').on('api_instances').column('heartbeat_at').execute()
  await addNumericChecks(db, RULES)
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropNumericChecks(db, RULES)
  await db.schema.dropTable('api_instances').execute()
  await db.schema.dropTable('warning_fanouts').execute()
  await db.schema.alterTable('complaints').dropColumn('reminded_due_at').execute()
}
