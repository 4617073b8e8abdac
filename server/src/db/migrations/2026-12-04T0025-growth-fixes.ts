import type { Kysely } from 'kysely'

// Frozen in time: never edit after it has shipped; add a new migration instead.
//
// The statistics CSV export pages through complaints by (created_at, number). The index it read
// (complaints_created_stats, 2026-12-03T0013) lacked the amount, closing time and rating, so every
// exported row was also looked up in the table: a third of the export's database time at 100,000
// complaints. This one holds every column the export reads, and replaces it: statistics count
// from the rollups now, and nothing else reads complaints by created_at first.
const CSV_COLUMNS = ['created_at', 'number', 'status', 'path', 'industry', 'enterprise_id', 'business_name', 'amount_fen', 'recovered_amount_fen', 'closed_at', 'rating']
const OLD_COLUMNS = ['created_at', 'number', 'status', 'path', 'industry', 'enterprise_id', 'recovered_amount_fen', 'business_name']

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('complaints_csv_export').on('complaints').columns(CSV_COLUMNS).execute()
  await db.schema.dropIndex('complaints_created_stats').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('complaints_created_stats').on('complaints').columns(OLD_COLUMNS).execute()
  await db.schema.dropIndex('complaints_csv_export').execute()
}
