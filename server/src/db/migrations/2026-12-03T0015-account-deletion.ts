import { sql, type Kysely } from 'kysely'

// Frozen in time once shipped: add a new migration instead of editing.
// A person's request to delete their account (注销): pending through the cool-off, then cancelled or completed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('account_deletions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'cancelled', 'completed')`))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('cool_off_ends_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .addColumn('cancelled_by', 'text', (c) => c.check(sql`cancelled_by is null or cancelled_by in ('login', 'button')`))
    .addColumn('completed_at', 'text')
    .execute()
  // One pending request per person: a second request at the same instant fails on this index.
  await db.schema.createIndex('account_deletions_one_pending').on('account_deletions').column('user_id').unique().where(sql.ref('status'), '=', 'pending').execute()
  await db.schema.createIndex('account_deletions_user').on('account_deletions').columns(['user_id', 'requested_at']).execute()
  // The completion job's scan: pending requests whose cool-off ended.
  await db.schema.createIndex('account_deletions_due').on('account_deletions').columns(['status', 'cool_off_ends_at']).execute()

  await db.schema.alterTable('users').addColumn('deleted_at', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('deleted_at').execute()
  await db.schema.dropTable('account_deletions').execute()
}
