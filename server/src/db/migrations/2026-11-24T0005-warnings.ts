import { sql, type Kysely } from 'kysely'

// Frozen in time once shipped: add a new migration instead of editing.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('warning_images')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('warnings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('industry', 'text', (c) => c.notNull())
    .addColumn('regions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cover_image_id', 'text', (c) => c.references('warning_images.id'))
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('urgent_notified_at', 'text')
    .addColumn('view_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('source_report_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('warnings_public').on('warnings').columns(['status', 'published_at']).execute()

  const dialect = db.getExecutor().adapter.constructor.name
  if (dialect.startsWith('Sqlite')) await sqliteFullText(db)
  else await postgresTrigrams(db)
}

/** FTS5 with the trigram tokenizer finds any substring of 3+ characters; shorter terms are scanned with instr. */
async function sqliteFullText(db: Kysely<any>) {
  await sql`create virtual table warnings_fts using fts5(title, summary, body_text, content='warnings', content_rowid='rowid', tokenize='trigram')`.execute(db)
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
}

/**
 * pg_trgm GIN indexes serve `lower(x) like '%term%'`. The extension lives in public (a schema dropped
 * with cascade would take it along); the operator class is named with its schema so that a
 * search_path without public still finds it.
 */
async function postgresTrigrams(db: Kysely<any>) {
  // Two databases migrating at once (parallel test files) would race to create the extension.
  await sql`select pg_advisory_xact_lock(hashtext('weiquan.create-extension.pg_trgm'))`.execute(db)
  await sql`create extension if not exists pg_trgm with schema public`.execute(db)
  for (const column of ['title', 'summary', 'body_text']) {
    await sql`create index ${sql.id(`warnings_${column}_trgm`)} on warnings using gin (lower(${sql.id(column)}) public.gin_trgm_ops)`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists warnings_fts`.execute(db)
  await db.schema.dropTable('warnings').execute()
  await db.schema.dropTable('warning_images').execute()
}
