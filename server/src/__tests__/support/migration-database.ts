import { randomUUID } from 'node:crypto'
import { Migrator, sql, type Kysely } from 'kysely'
import { openDatabase } from '../../db/database'
import { migrations } from '../../db/migrations'
import type { Database } from '../../db/schema'
import { TEST_DB } from './test-app'

/**
 * A database with no migration run yet (in-memory SQLite, or a PostgreSQL schema of its own), for
 * tests of what a migration does to data written before it; dropped afterwards.
 */
export async function withUnmigratedDatabase(story: (db: Kysely<Database>, migrator: Migrator) => Promise<void>): Promise<void> {
  const schema = TEST_DB === 'postgres' ? `t_${randomUUID().replace(/-/g, '').slice(0, 16)}` : undefined
  const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'
  if (schema) {
    const admin = openDatabase({ databaseUrl: url })
    await sql`create schema ${sql.id(schema)}`.execute(admin.db)
    await admin.close()
  }
  const { db, close } = schema ? openDatabase({ databaseUrl: url, pgSchema: schema }) : openDatabase({ sqliteFile: ':memory:' })
  try {
    await story(db, new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(schema ? { migrationTableSchema: schema } : {}) }))
  } finally {
    await close()
    if (schema) {
      const admin = openDatabase({ databaseUrl: url })
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.db)
      await admin.close()
    }
  }
}
