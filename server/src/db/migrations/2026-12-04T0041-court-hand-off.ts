import type { Kysely } from 'kysely'

// Frozen in time once shipped: add a new migration instead of editing.
//
// The court hand-off (issue #17). A case a court referred before filing (诉前委托调解) keeps the
// court's details in court_referrals; the court case number and the court's deadline are copied onto
// the complaint so the staff queue shows them without a join. A court case number is referred once:
// the unique index refuses a second registration even when two arrive at once. The support-for-
// litigation letter (支持诉讼函) is issued once per case, its PDF kept in storage with its hash.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('court_referrals')
    .addColumn('complaint_id', 'text', (c) => c.primaryKey().references('complaints.id'))
    .addColumn('court_name', 'text', (c) => c.notNull())
    .addColumn('court_case_number', 'text', (c) => c.notNull())
    // China dates (yyyy-mm-dd): when the association received the referral, and the court's deadline.
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('court_deadline', 'text', (c) => c.notNull())
    .addColumn('registered_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('court_referrals_case_number').on('court_referrals').column('court_case_number').unique().execute()
  await db.schema.alterTable('complaints').addColumn('court_case_number', 'text').execute()
  await db.schema.alterTable('complaints').addColumn('court_deadline', 'text').execute()

  await db.schema
    .createTable('litigation_letters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('issuer_name', 'text', (c) => c.notNull())
    .addColumn('organization_name', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('pdf_key', 'text', (c) => c.notNull())
    .addColumn('pdf_sha256', 'text', (c) => c.notNull())
    .execute()
  // One letter per case: two staff issuing at once, one wins.
  await db.schema.createIndex('litigation_letters_complaint').on('litigation_letters').column('complaint_id').unique().execute()
  await db.schema.createIndex('litigation_letters_number').on('litigation_letters').column('number').unique().execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('litigation_letters').execute()
  await db.schema.alterTable('complaints').dropColumn('court_deadline').execute()
  await db.schema.alterTable('complaints').dropColumn('court_case_number').execute()
  await db.schema.dropTable('court_referrals').execute()
}
