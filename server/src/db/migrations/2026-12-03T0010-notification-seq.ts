import type { Kysely } from 'kysely'
import { addNumericChecks, type NumericRule } from './2026-12-03T0007-numeric-checks'

// Frozen in time once shipped: add a new migration instead of editing.
// Per-recipient seq counters, started from each recipient's highest seq so far.

export const RULES: NumericRule[] = [['notification_counters', 'last_seq', 'integer', 0, 2_147_483_647]]

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notification_counters')
    .addColumn('recipient_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .execute()
  await db
    .insertInto('notification_counters')
    .columns(['recipient_id', 'last_seq'])
    .expression(db.selectFrom('notifications').select(['recipient_id', (eb) => eb.fn.max('seq').as('last_seq')]).groupBy('recipient_id'))
    .execute()
  await addNumericChecks(db, RULES)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_counters').execute()
}
