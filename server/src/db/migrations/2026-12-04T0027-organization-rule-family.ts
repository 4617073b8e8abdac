import { sql, type Kysely } from 'kysely'

// Frozen in time once shipped: add a new migration instead of editing.
// An organization chooses its rule set (issue #16): 'samr' or 'association', or null to inherit its
// parent's choice; the top of the tree without a choice falls back to RULE_SET_FAMILY.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('organizations')
    .addColumn('rule_family', 'text', (c) => c.check(sql`rule_family in ('samr', 'association')`))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('organizations').dropColumn('rule_family').execute()
}
