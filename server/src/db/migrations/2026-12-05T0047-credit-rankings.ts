import type { Kysely } from 'kysely'
import { addNumericChecks, dropNumericChecks, type NumericRule } from './2026-12-03T0007-numeric-checks'

// Frozen in time once shipped: add a new migration instead of editing.
// Monthly 红榜/黑榜 (issue #19). A closed month is ranked once: the first request inserts its row in
// credit_ranking_months (primary key, so two instances cannot both compute it), then its inputs and
// boards in the same transaction. Nothing updates or deletes these rows afterwards.

const COUNT = 2_000_000_000

export const RULES: NumericRule[] = [
  ['credit_ranking_months', 'method_version', 'integer', 1, 1000],
  ['credit_ranking_inputs', 'received', 'integer', 0, COUNT],
  ['credit_ranking_inputs', 'responded', 'integer', 0, COUNT],
  ['credit_ranking_inputs', 'settled', 'integer', 0, COUNT],
  ['credit_ranking_inputs', 'unanswered', 'integer', 0, COUNT],
  ['credit_rankings', 'place', 'integer', 1, 1000],
  // 100 points at most; 10 points off per unanswered deadline, in tenths.
  ['credit_rankings', 'score_tenths', 'integer', -COUNT, 1000],
]

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('credit_ranking_months')
    .addColumn('month', 'text', (c) => c.primaryKey())
    .addColumn('method_version', 'integer', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute()
  // Each enterprise's counts for the month, as the method reads them: the public export is these rows.
  await db.schema
    .createTable('credit_ranking_inputs')
    .addColumn('month', 'text', (c) => c.notNull().references('credit_ranking_months.month'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('industry', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('received', 'integer', (c) => c.notNull())
    .addColumn('responded', 'integer', (c) => c.notNull())
    .addColumn('settled', 'integer', (c) => c.notNull())
    .addColumn('unanswered', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('credit_ranking_inputs_pk', ['month', 'enterprise_id'])
    .execute()
  // The boards: a board of a scope is a range of the primary key, in place order.
  await db.schema
    .createTable('credit_rankings')
    .addColumn('month', 'text', (c) => c.notNull().references('credit_ranking_months.month'))
    .addColumn('industry', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('board', 'text', (c) => c.notNull())
    .addColumn('place', 'integer', (c) => c.notNull())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('score_tenths', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('credit_rankings_pk', ['month', 'industry', 'region', 'board', 'place'])
    .execute()
  // An enterprise page shows its places in a month.
  await db.schema.createIndex('credit_rankings_enterprise').on('credit_rankings').columns(['enterprise_id', 'month']).execute()

  // Ranking a month counts its complaints per enterprise from this index alone.
  await db.schema.createIndex('complaints_created_response').on('complaints').columns(['created_at', 'enterprise_id', 'status', 'first_response_at', 'mediation_result']).execute()
  // ... and its escalations (企业超期未答复) by the time they happened.
  await db.schema.createIndex('complaint_events_type_created').on('complaint_events').columns(['type', 'created_at', 'complaint_id']).execute()
  // The enterprise index: complaints per month (business_rollups is keyed by period first) and mediation results.
  await db.schema.createIndex('business_rollups_enterprise').on('business_rollups').columns(['enterprise_id', 'grain', 'period', 'n']).execute()
  await db.schema.createIndex('complaints_enterprise_mediation').on('complaints').columns(['enterprise_id', 'mediation_result']).execute()
  await addNumericChecks(db, RULES)
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropNumericChecks(db, RULES)
  for (const index of ['complaints_enterprise_mediation', 'business_rollups_enterprise', 'complaint_events_type_created', 'complaints_created_response', 'credit_rankings_enterprise']) {
    await db.schema.dropIndex(index).execute()
  }
  for (const table of ['credit_rankings', 'credit_ranking_inputs', 'credit_ranking_months']) await db.schema.dropTable(table).execute()
}
