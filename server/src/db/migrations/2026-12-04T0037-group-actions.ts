import type { Kysely } from 'kysely'
import { addNumericChecks, dropNumericChecks, type NumericRule } from './2026-12-03T0007-numeric-checks'

// Frozen in time once shipped: add a new migration instead of editing.
// One action for a whole group complaint (集体投诉统一处理, issue #15): the group's version goes up with
// every change to it (a member joins, a note, an action), so two staff sending the same group action
// from the same screen apply it once; the second is told the group changed.

export const RULES: NumericRule[] = [['complaint_groups', 'version', 'integer', 0, 2_147_483_647]]

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('complaint_groups').addColumn('version', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await addNumericChecks(db, RULES)
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropNumericChecks(db, RULES)
  await db.schema.alterTable('complaint_groups').dropColumn('version').execute()
}
