import type { Kysely } from 'kysely'

// Frozen in time once shipped: add a new migration instead of editing.
// Who read a consumer's personal details, and the columns and indexes the retention job needs so that each
// kind of data is found by an index, never by reading a whole table.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('access_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('actor_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('actor_role', 'text', (c) => c.notNull())
    // The liaison's enterprise; null for staff, who all belong to the one association for now.
    .addColumn('organization_id', 'text', (c) => c.references('enterprises.id'))
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('complaint_id', 'text', (c) => c.references('complaints.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('access_records_complaint').on('access_records').columns(['complaint_id', 'created_at', 'id']).execute()
  await db.schema.createIndex('access_records_created').on('access_records').columns(['created_at', 'id']).execute()

  await db.schema.createIndex('sms_codes_created').on('sms_codes').column('created_at').execute()
  await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute()

  await db.schema.alterTable('complaints').addColumn('anonymized_at', 'text').execute()
  await db.schema.createIndex('complaints_retention').on('complaints').columns(['anonymized_at', 'closed_at']).execute()

  await db.schema.alterTable('field_reports').addColumn('coordinates_removed_at', 'text').execute()
  await db.schema.createIndex('field_reports_retention').on('field_reports').columns(['coordinates_removed_at', 'reviewed_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('field_reports_retention').execute()
  await db.schema.alterTable('field_reports').dropColumn('coordinates_removed_at').execute()
  await db.schema.dropIndex('complaints_retention').execute()
  await db.schema.alterTable('complaints').dropColumn('anonymized_at').execute()
  await db.schema.dropIndex('sessions_expires').execute()
  await db.schema.dropIndex('sms_codes_created').execute()
  await db.schema.dropTable('access_records').execute()
}
