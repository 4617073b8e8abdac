import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import pg from 'pg'
import { buildApp } from '../../app'
import { loadConfig } from '../../config'
import type { AppContext } from '../../context'
import { createWechatClient } from '../../adapters/wechat'
import type { SmsSender } from '../../adapters/sms'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { diskStorage } from '../../storage/disk-storage'
import { openS3Storage } from '../../storage/s3-storage'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { migrateToLatest, openDatabase, SQLITE_PRAGMAS, type DatabaseHandle } from '../../db/database'
import type { Database } from '../../db/schema'

export const TEST_DB = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite'
const PG_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'

export interface TestApp {
  /** Folder of the disk storage backend (unused when env sets the S3 variables), removed on close. */
  storageDir: string
  app: FastifyInstance
  ctx: AppContext
  /** Codes the SMS adapter was asked to send, newest last. */
  sms: Array<{ phone: string; code: string }>
  /** Queries this app has sent to its database so far. */
  queries(): number
  /** A second API instance on the same database (PostgreSQL: same schema, own pool), closed with this one. */
  another(): Promise<TestApp>
  /** Moves the app's clock forward. */
  advance(ms: number): void
  /** Sets the app's clock to an instant (it keeps running from there). */
  setNow(iso: string): void
  close(): Promise<void>
}

let migratedSqlite: Promise<Buffer> | undefined

/** A migrated SQLite database, serialized once per process: each test app starts from a copy. */
function migratedSqliteImage(): Promise<Buffer> {
  return (migratedSqlite ??= (async () => {
    const sqlite = new SQLite(':memory:')
    for (const pragma of SQLITE_PRAGMAS) sqlite.pragma(pragma)
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
    await migrateToLatest(db)
    const image = sqlite.serialize()
    await db.destroy()
    return image
  })())
}

/** A fresh database: in-memory SQLite, or a new PostgreSQL schema dropped afterwards. */
async function freshDatabase(onQuery: () => void): Promise<{ database: DatabaseHandle; drop(): Promise<void>; schema?: string }> {
  if (TEST_DB === 'sqlite') return { database: openDatabase({ sqliteImage: await migratedSqliteImage(), onQuery }), drop: async () => {} }
  const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`
  const admin = new pg.Client({ connectionString: PG_URL })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  await admin.end()
  const database = openDatabase({ databaseUrl: PG_URL, pgSchema: schema, onQuery })
  return {
    database,
    schema,
    async drop() {
      const client = new pg.Client({ connectionString: PG_URL })
      await client.connect()
      await client.query(`drop schema ${schema} cascade`)
      await client.end()
    },
  }
}

export async function createTestApp(env: Record<string, string> = {}, sender?: SmsSender): Promise<TestApp> {
  let queries = 0
  const { database, drop, schema } = await freshDatabase(() => void (queries += 1))
  await migrateToLatest(database.db, schema)
  return assemble(database, env, sender, () => queries, drop, schema)
}

async function assemble(
  database: DatabaseHandle,
  env: Record<string, string>,
  sender: SmsSender | undefined,
  queries: () => number,
  drop: () => Promise<void>,
  schema: string | undefined,
): Promise<TestApp> {
  const others: TestApp[] = []
  const config = loadConfig({ TOKEN_SECRET: 'test-secret-'.padEnd(40, 'x'), H5_DIR: '/nonexistent', DATA_DIR: '/tmp/weiquan-test', ...env })
  let offset = 0
  const now = () => new Date(Date.now() + offset)
  const storageDir = mkdtempSync(path.join(tmpdir(), 'weiquan-storage-'))
  const sms: TestApp['sms'] = []
  const ctx: AppContext = {
    config,
    db: database.db,
    dialect: database.dialect,
    sms: sender ?? { sendLoginCode: async (phone, code) => void sms.push({ phone, code }) },
    wechat: createWechatClient(config.wechat),
    storage: config.s3 ? await openS3Storage(config.s3, now) : diskStorage(storageDir, config.tokenSecret, now),
    now,
  }
  const app = await buildApp(ctx)
  return {
    storageDir,
    app,
    ctx,
    sms,
    queries,
    async another() {
      if (!schema) throw new Error('a second instance needs PostgreSQL (SQLite runs one process)')
      let count = 0
      const second = openDatabase({ databaseUrl: PG_URL, pgSchema: schema, onQuery: () => void (count += 1) })
      const other = await assemble(second, env, sender, () => count, async () => {}, schema)
      others.push(other)
      return other
    },
    advance: (ms) => {
      offset += ms
    },
    setNow: (iso) => {
      offset = Date.parse(iso) - Date.now()
    },
    async close() {
      for (const other of others) await other.close()
      await app.close()
      await database.close()
      await drop()
      rmSync(storageDir, { recursive: true, force: true })
    },
  }
}

/** Logs a phone in through the real SMS flow and returns the session. */
export async function loginByPhone(t: TestApp, phone: string, ip = '10.0.0.1') {
  const sent = await t.app.inject({ method: 'POST', url: '/api/auth/sms-code', payload: { phone }, remoteAddress: ip })
  if (sent.statusCode !== 200) throw new Error(`sms-code failed: ${sent.body}`)
  const code = t.sms.filter((s) => s.phone === phone).at(-1)!.code
  const login = await t.app.inject({ method: 'POST', url: '/api/auth/phone', payload: { phone, code }, remoteAddress: ip })
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`)
  return login.json() as { accessToken: string; refreshToken: string; user: { id: string; role: string } }
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
