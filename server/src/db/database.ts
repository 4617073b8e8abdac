import { mkdirSync } from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect } from 'kysely'
import pg from 'pg'
import { migrations } from './migrations'
import { OwnSchemaPostgresDialect } from './own-schema-introspector'
import type { Database } from './schema'

export type Db = Kysely<Database>
export type Dialect = 'sqlite' | 'postgres'

export interface DatabaseOptions {
  /** postgres://… or undefined for SQLite */
  databaseUrl?: string
  /** SQLite file; ':memory:' for tests */
  sqliteFile?: string
  /** An in-memory SQLite database starting as a copy of this serialized one (tests start from a migrated image). */
  sqliteImage?: Buffer
  /** PostgreSQL schema to use (tests get a fresh one per run) */
  pgSchema?: string
  /** Called after every query (tests count them). */
  onQuery?: () => void
}

export interface DatabaseHandle {
  db: Db
  dialect: Dialect
  close(): Promise<void>
}

/**
 * Server settings instead of SQLite's defaults (2 MB page cache, no mmap, fsync on every commit).
 * `synchronous = NORMAL` is safe in WAL mode: a crash never corrupts the file; only a power cut
 * may lose the last commits before the next checkpoint.
 */
export const SQLITE_PRAGMAS = [
  'journal_mode = WAL',
  'synchronous = NORMAL',
  'foreign_keys = ON',
  'busy_timeout = 5000',
  'cache_size = -65536', // KiB: 64 MiB
  'mmap_size = 268435456', // 256 MiB
  'temp_store = MEMORY',
] as const

const pgConnections = new WeakMap<Db, pg.ClientConfig>()

/** How to open one more connection like the pool's (e.g. a dedicated LISTEN connection); undefined on SQLite. */
export function pgConnectionConfig(db: Db): pg.ClientConfig | undefined {
  return pgConnections.get(db)
}

export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.databaseUrl) {
    const connection: pg.ClientConfig = {
      connectionString: options.databaseUrl,
      ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
    }
    const pool = new pg.Pool({ ...connection, max: 10 })
    const db = new Kysely<Database>({ dialect: new OwnSchemaPostgresDialect({ pool }), log: options.onQuery })
    pgConnections.set(db, connection)
    return { db, dialect: 'postgres', close: () => db.destroy() }
  }
  const file = options.sqliteFile ?? ':memory:'
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true })
  const sqlite = new SQLite(options.sqliteImage ?? file)
  for (const pragma of SQLITE_PRAGMAS) sqlite.pragma(pragma)
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), log: options.onQuery })
  return { db, dialect: 'sqlite', close: () => db.destroy() }
}

/**
 * `pgSchema`: the schema the tables live in, when it is not the default. Kysely looks for its own
 * migration tables in every schema unless told which one, so without it a test schema migrating
 * beside another one may think its lock table already exists.
 */
export async function migrateToLatest(db: Db, pgSchema?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(pgSchema ? { migrationTableSchema: pgSchema } : {}) })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    throw new Error(`数据库迁移失败：${failed?.migrationName ?? ''} ${error instanceof Error ? error.message : String(error ?? '')}`)
  }
}

/** True when a write failed because a UNIQUE constraint already holds that value (both dialects). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string } | null
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}

/** True when a write broke a CHECK rule: PostgreSQL's constraint or the SQLite trigger standing in for one. */
export function isCheckViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null
  return e?.code === '23514' || e?.code === 'SQLITE_CONSTRAINT_CHECK' || (e?.code === 'SQLITE_CONSTRAINT_TRIGGER' && /CHECK constraint failed/.test(e.message ?? ''))
}
