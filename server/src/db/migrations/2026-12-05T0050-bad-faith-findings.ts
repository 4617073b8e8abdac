import { sql, type Kysely } from 'kysely'
import { addNumericChecks, dropNumericChecks, type NumericRule } from './2026-12-03T0007-numeric-checks'

// Frozen in time once shipped: add a new migration instead of editing.
// Bad-faith findings (失信惩戒认定, issue #19): staff with the 失信认定 permission propose a finding
// against an enterprise, its liaisons answer once within the appeal window, a second staff member
// decides (four-eyes); a published finding shows on the enterprise page until it expires or two staff
// lift it early.

export const RULES: NumericRule[] = [
  ['staff_memberships', 'can_credit_findings', 'integer', 0, 1],
  ['bad_faith_findings', 'months', 'integer', 1, 60],
  ['bad_faith_finding_photos', 'position', 'integer', 0, 8],
]

export async function up(db: Kysely<any>): Promise<void> {
  // 失信认定: granted by an organization's managers like 管理 and 调解.
  await db.schema.alterTable('staff_memberships').addColumn('can_credit_findings', 'integer', (c) => c.notNull().defaultTo(0)).execute()

  await db.schema
    .createTable('bad_faith_findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('organization_path', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('basis_code', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('months', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('appeal_open', 'published', 'rejected', 'lifted')`))
    .addColumn('appeal_due_at', 'text', (c) => c.notNull())
    .addColumn('appeal_text', 'text')
    .addColumn('appeal_by', 'text', (c) => c.references('users.id'))
    .addColumn('appeal_at', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_reasons', 'text')
    .addColumn('published_at', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('lift_requested_by', 'text', (c) => c.references('users.id'))
    .addColumn('lift_reason', 'text')
    .addColumn('lift_requested_at', 'text')
    .addColumn('lifted_by', 'text', (c) => c.references('users.id'))
    .addColumn('lifted_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  // The public list: published findings, newest first (expired ones are skipped at query time).
  await db.schema.createIndex('bad_faith_findings_public').on('bad_faith_findings').columns(['status', 'published_at', 'id']).execute()
  // One enterprise's findings (its public page, its liaisons' page).
  await db.schema.createIndex('bad_faith_findings_enterprise').on('bad_faith_findings').columns(['enterprise_id', 'created_at']).execute()
  // Staff: the findings of their organization and those below it, newest first.
  await db.schema.createIndex('bad_faith_findings_organization').on('bad_faith_findings').columns(['organization_path', 'created_at']).execute()
  // One open proposal per enterprise: two staff proposing at once get one finding and one 409.
  await sql`create unique index bad_faith_findings_one_open on bad_faith_findings (enterprise_id) where status = 'appeal_open'`.execute(db)

  await db.schema
    .createTable('bad_faith_finding_cases')
    .addColumn('finding_id', 'text', (c) => c.notNull().references('bad_faith_findings.id'))
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addPrimaryKeyConstraint('bad_faith_finding_cases_pk', ['finding_id', 'complaint_id'])
    .execute()

  // The enterprise's appeal photos (uploaded through the evidence pipeline, then referenced by id).
  await db.schema
    .createTable('bad_faith_finding_photos')
    .addColumn('evidence_id', 'text', (c) => c.primaryKey().references('evidence.id'))
    .addColumn('finding_id', 'text', (c) => c.notNull().references('bad_faith_findings.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('bad_faith_finding_photos_finding').on('bad_faith_finding_photos').columns(['finding_id', 'position']).execute()

  // Linking cases: an enterprise's complaints, newest first.
  await db.schema.createIndex('complaints_enterprise_created').on('complaints').columns(['enterprise_id', 'created_at']).execute()

  await addNumericChecks(db, RULES)
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropNumericChecks(db, RULES)
  await db.schema.dropIndex('complaints_enterprise_created').execute()
  await db.schema.dropTable('bad_faith_finding_photos').execute()
  await db.schema.dropTable('bad_faith_finding_cases').execute()
  await db.schema.dropTable('bad_faith_findings').execute()
  await db.schema.alterTable('staff_memberships').dropColumn('can_credit_findings').execute()
}
