import type { Kysely } from 'kysely'

// Frozen in time: never edit after it has shipped; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  const enterpriseColumns: Array<[string, string, ((c: any) => any)?]> = [
    ['industry', 'text', (c) => c.notNull().defaultTo('other')],
    ['province', 'text'],
    ['city', 'text'],
    ['district', 'text'],
    ['address', 'text'],
    ['odr', 'integer', (c) => c.notNull().defaultTo(0)],
    ['odr_since', 'text'],
    // JSON array of short promises, e.g. ["线下无理由退货"]
    ['promises', 'text', (c) => c.notNull().defaultTo('[]')],
    ['contact_phone', 'text'],
    ['updated_at', 'text'],
  ]
  for (const [name, type, build] of enterpriseColumns) {
    await db.schema.alterTable('enterprises').addColumn(name, type as 'text', build ?? ((c) => c)).execute()
  }
  await db.schema.createIndex('enterprises_name').on('enterprises').column('name').execute()

  const complaintColumns: Array<[string, string, ((c: any) => any)?]> = [
    // The deadline of the step the complaint is in, and which step it is.
    ['due_at', 'text'],
    ['due_kind', 'text'],
    // Set once the overdue job has flagged (or escalated) the current step, so it acts once.
    ['overdue_at', 'text'],
    ['assigned_staff_id', 'text', (c) => c.references('users.id')],
    ['accepted_at', 'text'],
    ['first_response_at', 'text'],
    ['proposal_text', 'text'],
    ['proposal_amount_fen', 'bigint'],
    ['proposal_promised_date', 'text'],
    ['rejection_ground', 'text'],
    ['outcome', 'text'],
    ['recovered_amount_fen', 'bigint'],
    ['rating', 'integer'],
    ['rating_comment', 'text'],
    ['rated_at', 'text'],
  ]
  for (const [name, type, build] of complaintColumns) {
    await db.schema.alterTable('complaints').addColumn(name, type as 'text', build ?? ((c) => c)).execute()
  }
  await db.schema.createIndex('complaints_due').on('complaints').columns(['due_at', 'overdue_at']).execute()

  // Structured details of an event (a proposal's amount and date, a rejection ground, an outcome).
  await db.schema.alterTable('complaint_events').addColumn('data', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('complaint_events').dropColumn('data').execute()
}
