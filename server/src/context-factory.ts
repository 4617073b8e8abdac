import { sql } from 'kysely'
import type { Config } from './config'
import type { AppContext } from './context'
import { createSmsSender } from './adapters/sms'
import { createWechatClient } from './adapters/wechat'
import { migrateToLatest, openDatabase, type DatabaseHandle } from './db/database'
import path from 'node:path'
import { diskStorage } from './storage/disk-storage'
import { openS3Storage } from './storage/s3-storage'

/** Opens the configured database, brings it to the latest schema and wires the adapters and photo storage. */
export async function createContext(config: Config): Promise<{ ctx: AppContext; database: DatabaseHandle }> {
  const database = openDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { sqliteFile: path.join(config.dataDir, 'weiquan.db') },
  )
  // On PostgreSQL, Kysely's migration tables belong in the schema the URL chose (search_path), not
  // wherever another schema of the same database happens to have them.
  const schema = database.dialect === 'postgres' ? (await sql<{ name: string }>`select current_schema() as name`.execute(database.db)).rows[0]?.name : undefined
  await migrateToLatest(database.db, schema)
  const ctx: AppContext = {
    config,
    db: database.db,
    dialect: database.dialect,
    sms: createSmsSender(config),
    wechat: createWechatClient(config.wechat),
    storage: config.s3 ? await openS3Storage(config.s3) : diskStorage(path.join(config.dataDir, 'storage'), config.tokenSecret),
    now: () => new Date(),
  }
  return { ctx, database }
}
