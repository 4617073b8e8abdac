import { sql, type Kysely } from 'kysely'
import { addNumericChecks, dropNumericChecks, type NumericRule } from './2026-12-03T0007-numeric-checks'

// Frozen in time: never edit after it has shipped; add a new migration instead.
export const RULES: NumericRule[] = [['warning_terms', 'in_title', 'integer', 0, 1]]

// The public list, its filters and a detail page's related warnings read these in their order
// (newest first, id as tie-break), so no query sorts or counts every published row through the table.
const LIST_INDEXES: Array<[string, string]> = [
  ['warnings_public_newest', 'status, published_at desc, id, regions'],
  ['warnings_public_urgent', 'status, urgent, published_at desc, id'],
  ['warnings_public_kind', 'status, kind, published_at desc, id'],
  ['warnings_public_industry', 'status, industry, published_at desc, id'],
  ['warnings_public_industry_kind', 'status, industry, kind, published_at desc, id'],
]

/**
 * Search by 2-character sequences (bigrams) on both databases, replacing SQLite's FTS5 trigram table
 * (useless under 3 characters) and PostgreSQL's pg_trgm indexes on summary and body (the planner
 * would not use them). The title's pg_trgm index stays: the staff list searches titles with it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter.constructor.name.startsWith('Sqlite')
  // Backfilled first, indexed after: building an index from sorted rows is many times faster than
  // inserting millions of pairs into it one by one. On SQLite the table is its own rank index
  // (WITHOUT ROWID), so the pairs go through an unindexed staging table and are copied over in order.
  const columns = sql`term text not null, warning_id text not null references warnings (id) on delete cascade, in_title integer not null default 0, published_at text not null`
  if (sqlite) {
    await sql`create table warning_terms_staging (${columns})`.execute(db)
    await backfill(db, 'warning_terms_staging')
    await sql`create table warning_terms (${columns}, primary key (term, in_title desc, published_at desc, warning_id)) without rowid`.execute(db)
    await sql`insert into warning_terms select term, warning_id, in_title, published_at from warning_terms_staging order by term, in_title desc, published_at desc, warning_id`.execute(db)
    await sql`drop table warning_terms_staging`.execute(db)
  } else {
    await sql`create table warning_terms (${columns})`.execute(db)
    await backfill(db, 'warning_terms')
    await sql`create index warning_terms_rank on warning_terms (term, in_title desc, published_at desc, warning_id)`.execute(db)
  }
  await db.schema.createIndex('warning_terms_warning').on('warning_terms').column('warning_id').execute()
  await addNumericChecks(db, RULES)

  for (const [name, columns] of LIST_INDEXES) await sql`create index ${sql.id(name)} on warnings (${sql.raw(columns)})`.execute(db)
  await db.schema.dropIndex('warnings_public').execute()

  if (sqlite) {
    for (const trigger of ['warnings_fts_insert', 'warnings_fts_delete', 'warnings_fts_update']) await sql`drop trigger if exists ${sql.id(trigger)}`.execute(db)
    await sql`drop table if exists warnings_fts`.execute(db)
  } else {
    for (const column of ['summary', 'body_text']) await sql`drop index if exists ${sql.id(`warnings_${column}_trgm`)}`.execute(db)
  }
}

// A copy of warning-terms.ts as of this migration (kept here so later changes there do not alter it).
const fold = (text: string) => text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase())
function bigrams(text: string): Set<string> {
  const chars = [...fold(text)]
  const pairs = new Set<string>()
  for (let i = 0; i + 1 < chars.length; i++) pairs.add(chars[i]! + chars[i + 1]!)
  return pairs
}

async function backfill(db: Kysely<any>, table: string) {
  let after = ''
  for (;;) {
    const rows: Array<{ id: string; title: string; summary: string; body_text: string; published_at: string }> = await db
      .selectFrom('warnings')
      .select(['id', 'title', 'summary', 'body_text', 'published_at'])
      .where('status', '=', 'published')
      .where('published_at', 'is not', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(100)
      .execute()
    if (rows.length === 0) return
    const terms = rows.flatMap((row) => {
      const inTitle = bigrams(row.title)
      return [...new Set([...inTitle, ...bigrams(row.summary), ...bigrams(row.body_text)])].map((term) => ({
        term,
        warning_id: row.id,
        in_title: inTitle.has(term) ? 1 : 0,
        published_at: row.published_at,
      }))
    })
    for (let i = 0; i < terms.length; i += 500) await db.insertInto(table).values(terms.slice(i, i + 500)).execute()
    after = rows.at(-1)!.id
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter.constructor.name.startsWith('Sqlite')
  for (const [name] of LIST_INDEXES) await db.schema.dropIndex(name).execute()
  await db.schema.createIndex('warnings_public').on('warnings').columns(['status', 'published_at']).execute()
  await dropNumericChecks(db, RULES)
  await db.schema.dropTable('warning_terms').execute()
  if (sqlite) {
    await sql`create virtual table warnings_fts using fts5(title, summary, body_text, content='warnings', content_rowid='rowid', tokenize='trigram')`.execute(db)
    await sql`insert into warnings_fts(warnings_fts) values ('rebuild')`.execute(db)
    await sql`create trigger warnings_fts_insert after insert on warnings begin
      insert into warnings_fts(rowid, title, summary, body_text) values (new.rowid, new.title, new.summary, new.body_text);
    end`.execute(db)
    await sql`create trigger warnings_fts_delete after delete on warnings begin
      insert into warnings_fts(warnings_fts, rowid, title, summary, body_text) values ('delete', old.rowid, old.title, old.summary, old.body_text);
    end`.execute(db)
    await sql`create trigger warnings_fts_update after update of title, summary, body_text on warnings begin
      insert into warnings_fts(warnings_fts, rowid, title, summary, body_text) values ('delete', old.rowid, old.title, old.summary, old.body_text);
      insert into warnings_fts(rowid, title, summary, body_text) values (new.rowid, new.title, new.summary, new.body_text);
    end`.execute(db)
  } else {
    for (const column of ['summary', 'body_text']) {
      await sql`create index ${sql.id(`warnings_${column}_trgm`)} on warnings using gin (lower(${sql.id(column)}) public.gin_trgm_ops)`.execute(db)
    }
  }
}
