import { sql, type Kysely } from 'kysely'
import { addNumericChecks, dropNumericChecks, type NumericRule } from './2026-12-03T0007-numeric-checks'

// Frozen in time once shipped: add a new migration instead of editing.
// Published cases (个案公示, issue #19): the consumer's separate consent (每次回答一行), the publication
// of a closed case, its reviewed photos, the enterprise's one reply, and the public search's terms.

export const RULES: NumericRule[] = [
  ['publication_consents', 'publish', 'integer', 0, 1],
  ['publication_consents', 'photos', 'integer', 0, 1],
  ['published_case_photos', 'position', 'integer', 0, 8],
]

export async function up(db: Kysely<any>): Promise<void> {
  // Every answer the consumer gave, with the text version they read: the latest one counts.
  await db.schema
    .createTable('publication_consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('consumer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ('filing', 'closure', 'change')`))
    .addColumn('publish', 'integer', (c) => c.notNull())
    .addColumn('photos', 'integer', (c) => c.notNull())
    .addColumn('text_version', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('publication_consents_complaint').on('publication_consents').columns(['complaint_id', 'created_at', 'id']).execute()

  await db.schema
    .createTable('published_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().unique().references('complaints.id'))
    .addColumn('enterprise_id', 'text', (c) => c.references('enterprises.id'))
    .addColumn('business_name', 'text', (c) => c.notNull())
    .addColumn('industry', 'text', (c) => c.notNull())
    .addColumn('organization_path', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('proposed', 'published', 'withdrawn')`))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('notified_at', 'text', (c) => c.notNull())
    .addColumn('reply_window_ends_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.references('users.id'))
    .addColumn('published_at', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  // The public list newest first, an enterprise's published cases, and an enterprise's own (liaison) list.
  await db.schema.createIndex('published_cases_public').on('published_cases').columns(['status', 'published_at', 'id']).execute()
  await db.schema.createIndex('published_cases_enterprise').on('published_cases').columns(['enterprise_id', 'status', 'published_at']).execute()

  await db.schema
    .createTable('published_case_photos')
    .addColumn('published_case_id', 'text', (c) => c.notNull().references('published_cases.id'))
    .addColumn('evidence_id', 'text', (c) => c.notNull().references('evidence.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('reviewed_by', 'text', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('published_case_photos_pk', ['published_case_id', 'evidence_id'])
    .execute()

  // One reply per case: the unique key makes a second (even at the same moment) fail.
  await db.schema
    .createTable('published_case_replies')
    .addColumn('published_case_id', 'text', (c) => c.primaryKey().references('published_cases.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'approved', 'rejected')`))
    .addColumn('organization_path', 'text', (c) => c.notNull())
    .addColumn('moderated_by', 'text', (c) => c.references('users.id'))
    .addColumn('moderated_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  // Staff's moderation queue, oldest first.
  await db.schema.createIndex('published_case_replies_queue').on('published_case_replies').columns(['status', 'created_at']).execute()

  // The 2-character pairs of published cases (business name and summary), as warnings keep theirs.
  await db.schema
    .createTable('published_case_terms')
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('published_case_id', 'text', (c) => c.notNull().references('published_cases.id'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('published_case_terms_pk', ['term', 'published_case_id'])
    .execute()
  await db.schema.createIndex('published_case_terms_rank').on('published_case_terms').columns(['term', 'published_at', 'published_case_id']).execute()
  await db.schema.createIndex('published_case_terms_case').on('published_case_terms').column('published_case_id').execute()

  await addNumericChecks(db, RULES)
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropNumericChecks(db, RULES)
  for (const table of ['published_case_terms', 'published_case_replies', 'published_case_photos', 'published_cases', 'publication_consents']) {
    await db.schema.dropTable(table).execute()
  }
}
