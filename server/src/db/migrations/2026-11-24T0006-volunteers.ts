import { sql, type Kysely } from 'kysely'

// Frozen in time once shipped: add a new migration instead of editing.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('volunteer_applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('motivation', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decision_note', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .execute()
  await db.schema.createIndex('volunteer_applications_user').on('volunteer_applications').columns(['user_id', 'created_at']).execute()
  await db.schema.createIndex('volunteer_applications_status').on('volunteer_applications').columns(['status', 'created_at']).execute()
  // One pending application per user, even when two requests race.
  await db.schema
    .createIndex('volunteer_applications_one_pending')
    .on('volunteer_applications')
    .column('user_id')
    .unique()
    .where(sql.ref('status'), '=', 'pending')
    .execute()

  await db.schema
    .createTable('field_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('business_name', 'text', (c) => c.notNull())
    .addColumn('business_address', 'text')
    .addColumn('region', 'text')
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('accuracy', 'double precision')
    .addColumn('manual_address', 'text')
    .addColumn('observed_at', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('review_note', 'text')
    .addColumn('reviewed_by', 'text', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('complaint_id', 'text', (c) => c.references('complaints.id'))
    .addColumn('warning_id', 'text', (c) => c.references('warnings.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('field_reports_volunteer_client', ['volunteer_id', 'client_id'])
    .execute()
  await db.schema.createIndex('field_reports_volunteer_created').on('field_reports').columns(['volunteer_id', 'created_at']).execute()
  await db.schema.createIndex('field_reports_created').on('field_reports').columns(['created_at', 'id']).execute()

  // A photo belongs to one report; the evidence row keeps attached_at set so the cleanup job leaves it.
  await db.schema
    .createTable('field_report_photos')
    .addColumn('report_id', 'text', (c) => c.notNull().references('field_reports.id'))
    .addColumn('evidence_id', 'text', (c) => c.notNull().unique().references('evidence.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('captured_at', 'text')
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('accuracy', 'double precision')
    .addPrimaryKeyConstraint('field_report_photos_pk', ['report_id', 'position'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['field_report_photos', 'field_reports', 'volunteer_applications']) {
    await db.schema.dropTable(table).execute()
  }
}
