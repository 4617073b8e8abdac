import type { Kysely } from 'kysely'

// Frozen in time: never edit after it has shipped; add a new migration instead.
//
// The statistics CSV export pages through complaints by (created_at, number). The index it read
// (complaints_created_stats, 2026-12-03T0013) lacked the amount, closing time and rating, so every
// exported row was also looked up in the table: a third of the export's database time at 100,000
// complaints. This one holds every column the export reads, and replaces it: statistics count
// from the rollups now, and nothing else reads complaints by created_at first.
//
// The deadline check (every 5 minutes) looks for late steps not yet flagged, and for enterprise
// answers that are late. Through complaints_status_queue it read every open complaint of seven
// statuses and sorted them: 1.2 s of one synchronous query at 100,000 complaints, even with nothing
// to do. These serve both in deadline order from the first unflagged or late row.
// organization_path: a county's export filters on it; referred_to: the 引导至 column's key.
const CSV_COLUMNS = ['created_at', 'number', 'status', 'path', 'industry', 'enterprise_id', 'business_name', 'amount_fen', 'recovered_amount_fen', 'closed_at', 'rating', 'organization_path', 'referred_to']
const OLD_COLUMNS = ['created_at', 'number', 'status', 'path', 'industry', 'enterprise_id', 'recovered_amount_fen', 'business_name']

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('complaints_csv_export').on('complaints').columns(CSV_COLUMNS).execute()
  await db.schema.dropIndex('complaints_created_stats').execute()
  await db.schema.createIndex('complaints_unflagged_due').on('complaints').columns(['overdue_at', 'due_at', 'status']).execute()
  await db.schema.createIndex('complaints_status_due').on('complaints').columns(['status', 'due_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('complaints_status_due').execute()
  await db.schema.dropIndex('complaints_unflagged_due').execute()
  await db.schema.createIndex('complaints_created_stats').on('complaints').columns(OLD_COLUMNS).execute()
  await db.schema.dropIndex('complaints_csv_export').execute()
}
