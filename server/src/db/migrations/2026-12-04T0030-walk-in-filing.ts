import { sql, type Kysely } from 'kysely'
import { addNumericChecks, dropNumericChecks, type NumericRule } from './2026-12-03T0007-numeric-checks'

// Frozen in time once shipped: add a new migration instead of editing.
// Walk-in filing (代办, issue #15): a station operator files for a person at the counter once the
// person has confirmed with an SMS code sent to their phone. Each filing is a row here first
// (the code's subject), and the complaint it produced records the station and the operator.

const SAFE = 9_007_199_254_740_991
const OPEN_LIST = `('submitted', 'enterprise_handling', 'enterprise_proposed', 'awaiting_review', 'accepted', 'mediating', 'mediated', 'mediation_failed')`
const DUE = sql.raw(`coalesce(due_at, '9999-12-31T23:59:59.999Z')`)
const RANK = sql.raw(`case when status in ${OPEN_LIST} then 0 else 1 end`)

export const RULES: NumericRule[] = [['station_month_rollups', 'n', 'integer', 0, SAFE]]

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('walk_in_filings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('station_id', 'text', (c) => c.notNull().references('organization_stations.id'))
    .addColumn('operator_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Set together when the person's code is accepted: the consent, and the account the case will belong to.
    .addColumn('consented_at', 'text')
    .addColumn('consumer_id', 'text', (c) => c.references('users.id'))
    // One filing, one complaint: the second submission of the same consent finds this taken.
    .addColumn('complaint_id', 'text', (c) => c.unique().references('complaints.id'))
    .execute()

  await db.schema.alterTable('complaints').addColumn('station_id', 'text', (c) => c.references('organization_stations.id')).execute()
  await db.schema.alterTable('complaints').addColumn('filed_by', 'text', (c) => c.references('users.id')).execute()
  // Partial: complaints filed online have no station and stay out of both.
  // 本站代办记录: a station's complaints, newest first.
  await sql`create index complaints_station_filed on complaints (station_id, created_at, id) where station_id is not null`.execute(db)
  // A station operator's queue (complaintsVisibleTo is station_id = ?), in queue order like complaints_org_open_queue.
  await sql`create index complaints_station_queue on complaints (station_id, (${RANK}), ${DUE}, created_at, id) where station_id is not null`.execute(db)

  // Cases filed at each station by China month, counted in the filing's own transaction. A complaint's
  // station never changes (a transfer moves the case, not where it was filed), so only filing adds.
  await db.schema
    .createTable('station_month_rollups')
    .addColumn('station_id', 'text', (c) => c.notNull().references('organization_stations.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('station_month_rollups_pk', ['station_id', 'month'])
    .execute()

  await addNumericChecks(db, RULES)
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropNumericChecks(db, RULES)
  await db.schema.dropTable('station_month_rollups').execute()
  await db.schema.dropIndex('complaints_station_queue').execute()
  await db.schema.dropIndex('complaints_station_filed').execute()
  await db.schema.alterTable('complaints').dropColumn('filed_by').execute()
  await db.schema.alterTable('complaints').dropColumn('station_id').execute()
  await db.schema.dropTable('walk_in_filings').execute()
}
