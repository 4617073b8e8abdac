import type { Kysely } from 'kysely'

// Frozen in time once shipped: add a new migration instead of editing.
//
// The top organization's roll-up figures cover every organization, so no range of
// org_figure_rollups' key (grain, organization_path, period, industry) narrows them: the query read
// every row of a grain, however short the period. This index puts the period right after the grain.
// Key columns only: the triggers change the counts on every write to a complaint, never these keys,
// so the index is written when a row is first made and PostgreSQL can still update counts in place (HOT).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('org_figure_rollups_period').on('org_figure_rollups').columns(['grain', 'period', 'industry']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('org_figure_rollups_period').execute()
}
