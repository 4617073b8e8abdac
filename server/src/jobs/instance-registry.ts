import { randomUUID } from 'node:crypto'
import type { AppContext } from '../context'

export const INSTANCE_HEARTBEAT_MS = 10_000
/** An instance whose heartbeat is older than this has stopped (or crashed). */
export const INSTANCE_STALE_MS = 30_000

export class InstanceConflictError extends Error {}

/**
 * Photos on disk storage live on one machine, so an instance on disk storage must be the only one on
 * its database (PostgreSQL; a SQLite file already belongs to one machine). Every API instance keeps a
 * heartbeat row; starting is refused when it would share the database with another live instance and
 * either of them stores photos on disk. With S3 storage (S3_* variables) any number may run.
 * Returns a stop function that removes this instance's row.
 */
export async function registerInstance(ctx: AppContext): Promise<() => Promise<void>> {
  if (ctx.dialect !== 'postgres') return async () => {}
  const storage = ctx.config.s3 ? 's3' : 'disk'
  const id = randomUUID()
  const now = ctx.now()
  const at = now.toISOString()
  const stale = new Date(now.getTime() - INSTANCE_STALE_MS).toISOString()
  await ctx.db.deleteFrom('api_instances').where('heartbeat_at', '<', stale).execute()
  await ctx.db.insertInto('api_instances').values({ id, storage, started_at: at, heartbeat_at: at }).execute()
  const others = await ctx.db.selectFrom('api_instances').select('storage').where('id', '<>', id).where('heartbeat_at', '>=', stale).execute()
  if (others.length > 0 && (storage === 'disk' || others.some((other) => other.storage === 'disk'))) {
    await ctx.db.deleteFrom('api_instances').where('id', '=', id).execute()
    throw new InstanceConflictError(
      [
        `同一个数据库上已有 ${others.length} 个维权通实例在运行，而照片存储在本机磁盘：从一个实例上传的照片在另一个实例上看不到。`,
        '要运行多个实例，请为每个实例配置 S3 存储（S3_ENDPOINT、S3_BUCKET、S3_ACCESS_KEY_ID、S3_SECRET_ACCESS_KEY）；',
        `若另一个实例刚刚停止或崩溃，请在 ${INSTANCE_STALE_MS / 1000} 秒后再启动。`,
        `Another Weiquan instance is running on the same database and photos are stored on local disk, so photos uploaded through one instance would be missing on the other.`,
        `To run several instances, give every instance S3 storage (S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY); if the other instance has just stopped or crashed, start again after ${INSTANCE_STALE_MS / 1000} s.`,
      ].join('\n'),
    )
  }
  const timer = setInterval(() => {
    ctx.db
      .updateTable('api_instances')
      .set({ heartbeat_at: ctx.now().toISOString() })
      .where('id', '=', id)
      .execute()
      .catch(() => undefined)
  }, INSTANCE_HEARTBEAT_MS)
  timer.unref()
  return async () => {
    clearInterval(timer)
    await ctx.db.deleteFrom('api_instances').where('id', '=', id).execute()
  }
}
