import { sql, type Kysely } from 'kysely'
import { addNumericChecks, dropNumericChecks, type NumericRule } from './2026-12-03T0007-numeric-checks'

// Frozen in time once shipped: add a new migration instead of editing.
// Group complaints (群体性投诉, issue #15): complaints about one business reaching a threshold within a
// window form a group that the organization of the business's region supervises (重点督办).

const SAFE = 9_007_199_254_740_991
const INT32 = 2_147_483_647

export const RULES: NumericRule[] = [
  ['organizations', 'group_threshold', 'integer', 2, 1000],
  ['organizations', 'group_window_days', 'integer', 1, 366],
  ['complaint_groups', 'member_count', 'integer', 0, INT32],
  ['complaint_groups', 'amount_fen', 'integer', 0, SAFE],
  ['complaint_groups', 'threshold', 'integer', 2, 1000],
  ['complaint_groups', 'window_days', 'integer', 1, 366],
]

export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter.constructor.name.startsWith('Sqlite')
  const bytewise = sqlite ? sql`` : sql`collate "C"`
  // Null: the defaults (5 complaints in 30 days).
  await db.schema.alterTable('organizations').addColumn('group_threshold', 'integer').execute()
  await db.schema.alterTable('organizations').addColumn('group_window_days', 'integer').execute()

  // Which business a complaint is about, for counting: 'e:<enterprise id>', else 'c:<credit code>',
  // else 'n:<region>|<normalised name>'. Set when filed; the group it belongs to, once it does.
  await db.schema.alterTable('complaints').addColumn('group_key', 'text').execute()
  await db.schema.alterTable('complaints').addColumn('group_id', 'text').execute()
  // Earlier complaints count by directory entry or credit code (the name form needs the app's normalisation).
  await sql`update complaints set group_key = 'e:' || enterprise_id where enterprise_id is not null`.execute(db)
  await sql`update complaints set group_key = 'c:' || business_credit_code where group_key is null and business_credit_code is not null`.execute(db)
  await db.schema.createIndex('complaints_group_key').on('complaints').columns(['group_key', 'group_id', 'created_at']).where(sql.ref('group_key'), 'is not', null).execute()
  await db.schema.createIndex('complaints_group').on('complaints').columns(['group_id', 'created_at']).where(sql.ref('group_id'), 'is not', null).execute()

  await db.schema
    .createTable('complaint_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('business_key', 'text', (c) => c.notNull())
    .addColumn('business_name', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text', (c) => c.references('enterprises.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    // Compared bytewise like complaints.organization_path, so a subtree is a range of it.
    .addColumn('organization_path', 'text', (c) => c.notNull().modifyEnd(bytewise))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn('member_count', 'integer', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('threshold', 'integer', (c) => c.notNull())
    .addColumn('window_days', 'integer', (c) => c.notNull())
    .addColumn('formed_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  // One open group per business: two filings crossing the threshold at once cannot form two.
  await db.schema.createIndex('complaint_groups_open_business').on('complaint_groups').column('business_key').unique().where(sql.ref('status'), '=', 'open').execute()
  // 重点督办 of an organization and everything below it (a range of path), and of the top (all, newest first).
  await db.schema.createIndex('complaint_groups_org').on('complaint_groups').columns(['organization_path', 'formed_at']).execute()
  await db.schema.createIndex('complaint_groups_formed').on('complaint_groups').columns(['formed_at', 'id']).execute()

  await db.schema
    .createTable('complaint_group_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('complaint_groups.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('complaint_group_events_group').on('complaint_group_events').columns(['group_id', 'created_at']).execute()

  await addNumericChecks(db, RULES)
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropNumericChecks(db, RULES)
  await db.schema.dropTable('complaint_group_events').execute()
  await db.schema.dropTable('complaint_groups').execute()
  await db.schema.dropIndex('complaints_group').execute()
  await db.schema.dropIndex('complaints_group_key').execute()
  await db.schema.alterTable('complaints').dropColumn('group_id').execute()
  await db.schema.alterTable('complaints').dropColumn('group_key').execute()
  await db.schema.alterTable('organizations').dropColumn('group_window_days').execute()
  await db.schema.alterTable('organizations').dropColumn('group_threshold').execute()
}
