import { sql, type Kysely } from 'kysely'
import { addNumericChecks, dropNumericChecks, type NumericRule } from './2026-12-03T0007-numeric-checks'

// Frozen in time once shipped: add a new migration instead of editing.
// Issue #15, two pieces of the association network:
// 1. Walk-in filings that never became a complaint (the person did not confirm, or the operator never
//    submitted) hold a phone, a name and possibly counter photos: the retention job deletes them and
//    account deletion removes those naming the phone. Counter photos are linked to their filing here.
// 2. Findings an alliance member shares with the alliance (联盟共享发现): a business, a pattern, counts.

const INT32 = 2_147_483_647
const AMOUNT_MAX_FEN = 1_000_000_000

export const RULES: NumericRule[] = [
  ['alliance_findings', 'complaint_count', 'integer', 1, INT32],
  ['alliance_findings', 'amount_fen', 'integer', 0, AMOUNT_MAX_FEN],
]

export async function up(db: Kysely<any>): Promise<void> {
  // No foreign key to evidence: the unattached-upload cleanup deletes a discarded photo's row on its own.
  await db.schema
    .createTable('walk_in_photos')
    .addColumn('filing_id', 'text', (c) => c.notNull().references('walk_in_filings.id'))
    .addColumn('evidence_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('walk_in_photos_pk', ['filing_id', 'evidence_id'])
    .execute()
  // Retention: unfinished filings by age; account deletion: unfinished filings by phone, finished by person.
  // SQLite prefers the UNIQUE complaint_id index for "complaint_id is null" unless complaint_id leads
  // here too; PostgreSQL keeps created_at order only when created_at leads.
  const sqlite = db.getExecutor().adapter.constructor.name.startsWith('Sqlite')
  const byAge = sqlite ? sql`(complaint_id, created_at)` : sql`(created_at)`
  const byPhone = sqlite ? sql`(phone, complaint_id)` : sql`(phone)`
  await sql`create index walk_in_filings_unfinished on walk_in_filings ${byAge} where complaint_id is null`.execute(db)
  await sql`create index walk_in_filings_unfinished_phone on walk_in_filings ${byPhone} where complaint_id is null`.execute(db)
  await sql`create index walk_in_filings_consumer on walk_in_filings (consumer_id) where consumer_id is not null`.execute(db)

  await db.schema
    .createTable('alliance_findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alliance_id', 'text', (c) => c.notNull().references('alliances.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    // complaints.group_key of the business (modules/groups/group-key.ts): how a case finds the finding.
    .addColumn('business_key', 'text', (c) => c.notNull())
    .addColumn('business_name', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text', (c) => c.references('enterprises.id'))
    .addColumn('region', 'text')
    .addColumn('pattern', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.references('complaint_groups.id'))
    .addColumn('warning_id', 'text', (c) => c.references('warnings.id'))
    .addColumn('complaint_count', 'integer', (c) => c.notNull())
    .addColumn('amount_fen', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  // The alliance's feed, newest first.
  await db.schema.createIndex('alliance_findings_feed').on('alliance_findings').columns(['alliance_id', 'created_at', 'id']).execute()
  // "联盟成员已发现" on a case or group: the findings about its business in the viewer's alliances.
  await db.schema.createIndex('alliance_findings_business').on('alliance_findings').columns(['business_key', 'alliance_id', 'created_at']).execute()
  // The same finding published twice (a double tap, two staff at once) is one finding.
  await db.schema.createIndex('alliance_findings_once').on('alliance_findings').columns(['alliance_id', 'organization_id', 'business_key', 'pattern']).unique().execute()

  await addNumericChecks(db, RULES)
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropNumericChecks(db, RULES)
  await db.schema.dropTable('alliance_findings').execute()
  await db.schema.dropIndex('walk_in_filings_consumer').execute()
  await db.schema.dropIndex('walk_in_filings_unfinished_phone').execute()
  await db.schema.dropIndex('walk_in_filings_unfinished').execute()
  await db.schema.dropTable('walk_in_photos').execute()
}
