import { sql, type Kysely } from 'kysely'
import { addNumericChecks, dropNumericChecks, type NumericRule } from './2026-12-03T0007-numeric-checks'

// Frozen in time once shipped: add a new migration instead of editing.
// Lawyer Q&A privacy and editing (issue #18):
// - qa_questions.asker_id may be null: a published question of a deleted account stays in the
//   public archive without any link to the person who asked it;
// - qa_sessions.version: staff edit a session with compare-and-swap (two edits at once, one 409);
// - qa_sessions_ends: the retention job finds sessions that ended before a cutoff.

export const RULES: NumericRule[] = [['qa_sessions', 'version', 'integer', 0, 2_000_000_000]]

export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter.constructor.name.startsWith('Sqlite')
  if (sqlite) await rebuildWithNullableAsker(db)
  else await sql`alter table qa_questions alter column asker_id drop not null`.execute(db)

  await db.schema.alterTable('qa_sessions').addColumn('version', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await db.schema.createIndex('qa_sessions_ends').on('qa_sessions').columns(['ends_at', 'id']).execute()
  await addNumericChecks(db, RULES)
}

/**
 * SQLite cannot drop a NOT NULL: the table is rebuilt as SQLite's documentation describes (new
 * table, copy, drop, rename, then its indexes and triggers again), with foreign keys off meanwhile
 * (Kysely runs SQLite migrations outside a transaction, so the pragma takes effect).
 */
async function rebuildWithNullableAsker(db: Kysely<any>): Promise<void> {
  const table = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = 'qa_questions'`.execute(db)
  const create = table.rows[0]!.sql
  const nullable = create.replace(/"asker_id" text not null/i, '"asker_id" text').replace(/^create table "qa_questions"/i, 'create table "qa_questions_rebuilt"')
  if (nullable === create || !nullable.includes('"qa_questions_rebuilt"') || /"asker_id" text not null/i.test(nullable)) {
    throw new Error(`qa_questions: unexpected table definition: ${create}`)
  }
  const attached = await sql<{ sql: string }>`select sql from sqlite_master where tbl_name = 'qa_questions' and type in ('index', 'trigger') and sql is not null`.execute(db)
  await sql`pragma foreign_keys = off`.execute(db)
  try {
    await sql`begin`.execute(db)
    try {
      await sql.raw(nullable).execute(db)
      await sql`insert into qa_questions_rebuilt select * from qa_questions`.execute(db)
      await sql`drop table qa_questions`.execute(db)
      await sql`alter table qa_questions_rebuilt rename to qa_questions`.execute(db)
      for (const row of attached.rows) await sql.raw(row.sql).execute(db)
      const broken = await sql`pragma foreign_key_check`.execute(db)
      if (broken.rows.length > 0) throw new Error(`qa_questions rebuild broke ${broken.rows.length} foreign keys`)
      await sql`commit`.execute(db)
    } catch (error) {
      await sql`rollback`.execute(db)
      throw error
    }
  } finally {
    await sql`pragma foreign_keys = on`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropNumericChecks(db, RULES)
  await db.schema.dropIndex('qa_sessions_ends').execute()
  await db.schema.alterTable('qa_sessions').dropColumn('version').execute()
  // asker_id stays nullable: a row without an asker cannot get one back.
}
