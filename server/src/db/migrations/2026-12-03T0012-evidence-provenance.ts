import type { Kysely } from 'kysely'

// Frozen in time once shipped: add a new migration instead of editing.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('evidence').addColumn('original_sha256', 'text').execute()
  await db.schema.alterTable('evidence').addColumn('latitude', 'double precision').execute()
  await db.schema.alterTable('evidence').addColumn('longitude', 'double precision').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['longitude', 'latitude', 'original_sha256']) {
    await db.schema.alterTable('evidence').dropColumn(column).execute()
  }
}
