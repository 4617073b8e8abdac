import type { Kysely } from 'kysely'

// Frozen in time once shipped: add a new migration instead of editing.
// Per-recipient seq counters, started from each recipient's highest seq so far.
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
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_counters').execute()
}
