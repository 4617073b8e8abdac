import type { Kysely } from 'kysely'

// Frozen in time: never edit after it has shipped; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('complaints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('consumer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text', (c) => c.references('enterprises.id'))
    .addColumn('business_name', 'text', (c) => c.notNull())
    .addColumn('business_address', 'text')
    .addColumn('business_region', 'text')
    .addColumn('business_credit_code', 'text')
    .addColumn('industry', 'text', (c) => c.notNull())
    .addColumn('incident_date', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('demands', 'text', (c) => c.notNull())
    .addColumn('demand_detail', 'text')
    .addColumn('contact_phone', 'text', (c) => c.notNull())
    .addColumn('consent_at', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addUniqueConstraint('complaints_consumer_idempotency', ['consumer_id', 'idempotency_key'])
    .execute()
  await db.schema.createIndex('complaints_consumer_created').on('complaints').columns(['consumer_id', 'created_at']).execute()
  await db.schema.createIndex('complaints_enterprise_status').on('complaints').columns(['enterprise_id', 'status']).execute()

  await db.schema
    .createTable('complaint_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('complaint_events_complaint').on('complaint_events').columns(['complaint_id', 'created_at']).execute()

  // One row per day: the last complaint number handed out (WQ + yyyymmdd + 6 digits).
  await db.schema
    .createTable('complaint_counters')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('captured_at', 'text')
    .addColumn('original_key', 'text', (c) => c.notNull())
    .addColumn('display_key', 'text', (c) => c.notNull())
    .addColumn('thumbnail_key', 'text', (c) => c.notNull())
    .addColumn('complaint_id', 'text', (c) => c.references('complaints.id'))
    .addColumn('event_id', 'text', (c) => c.references('complaint_events.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('attached_at', 'text')
    .addColumn('position', 'integer')
    .execute()
  await db.schema.createIndex('evidence_owner').on('evidence').column('owner_id').execute()
  await db.schema.createIndex('evidence_complaint').on('evidence').column('complaint_id').execute()
  await db.schema.createIndex('evidence_sha256').on('evidence').column('sha256').execute()
  await db.schema.createIndex('evidence_unattached').on('evidence').columns(['attached_at', 'created_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['evidence', 'complaint_counters', 'complaint_events', 'complaints']) {
    await db.schema.dropTable(table).execute()
  }
}
