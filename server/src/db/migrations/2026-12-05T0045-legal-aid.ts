import { sql, type Kysely } from 'kysely'
import { addNumericChecks, dropNumericChecks, type NumericRule } from './2026-12-03T0007-numeric-checks'

// Frozen in time once shipped: add a new migration instead of editing.
// Legal aid (issue #18): a consumer asks for a lawyer on their own case with recorded consent;
// staff assign a lawyer of their team (or a team above); the lawyer's opinions become case events.

export const RULES: NumericRule[] = [['legal_aid_requests', 'opinion_count', 'integer', 0, 1000]]

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('legal_aid_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('consumer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('consultation', 'mediation', 'litigation')`))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'assigned', 'finished', 'withdrawn')`))
    // complaint id + kind while the request is open or assigned, null after: one active request per case and kind.
    .addColumn('active_key', 'text', (c) => c.unique())
    .addColumn('consent_text', 'text', (c) => c.notNull())
    .addColumn('consented_at', 'text', (c) => c.notNull())
    .addColumn('lawyer_id', 'text', (c) => c.references('lawyer_memberships.user_id'))
    .addColumn('assigned_by', 'text', (c) => c.references('users.id'))
    .addColumn('assigned_at', 'text')
    .addColumn('opinion_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('finished_at', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  // A case's requests (the consumer's page), staff's lists by status, a lawyer's assignments by status.
  await db.schema.createIndex('legal_aid_requests_complaint').on('legal_aid_requests').columns(['complaint_id', 'created_at']).execute()
  await db.schema.createIndex('legal_aid_requests_status').on('legal_aid_requests').columns(['status', 'created_at']).execute()
  await db.schema.createIndex('legal_aid_requests_lawyer').on('legal_aid_requests').columns(['lawyer_id', 'status', 'assigned_at']).execute()
  await addNumericChecks(db, RULES)
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropNumericChecks(db, RULES)
  await db.schema.dropTable('legal_aid_requests').execute()
}
