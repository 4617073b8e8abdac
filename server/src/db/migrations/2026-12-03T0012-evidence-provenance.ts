import type { Kysely } from 'kysely'
import { addNumericChecks, dropNumericChecks, type NumericRule } from './2026-12-03T0007-numeric-checks'

// Frozen in time once shipped: add a new migration instead of editing.

/** Where the phone says the photo was taken (staff only). */
export const RULES: NumericRule[] = [
  ['evidence', 'latitude', 'real', -90, 90],
  ['evidence', 'longitude', 'real', -180, 180],
]

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('evidence').addColumn('original_sha256', 'text').execute()
  await db.schema.alterTable('evidence').addColumn('latitude', 'double precision').execute()
  await db.schema.alterTable('evidence').addColumn('longitude', 'double precision').execute()
  await addNumericChecks(db, RULES)
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropNumericChecks(db, RULES)
  for (const column of ['longitude', 'latitude', 'original_sha256']) {
    await db.schema.alterTable('evidence').dropColumn(column).execute()
  }
}
