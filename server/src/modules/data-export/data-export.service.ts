import { randomUUID } from 'node:crypto'
import type { DataExport, LatestDataExport } from '../../../../src/contract/data-export'
import type { AppContext } from '../../context'
import { notFound } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { findLatestExport, findUserExport, insertExportIfNoneActive, type DataExportRow } from './data-export.repository'

/** A download link lives this long (or less, never past the export's own expiry): a leaked link dies soon. */
export const EXPORT_LINK_TTL_SECONDS = 15 * 60

/** Told when a request is queued, so an in-process worker starts at once instead of at its next poll. */
type Wake = () => void
const wakers = new Set<Wake>()
export function onExportRequested(wake: Wake): () => void {
  wakers.add(wake)
  return () => wakers.delete(wake)
}

export async function toDataExportDto(ctx: AppContext, row: DataExportRow): Promise<DataExport> {
  const now = ctx.now().getTime()
  const expiresAt = row.expires_at ? Date.parse(row.expires_at) : null
  const downloadable = row.status === 'ready' && row.storage_key !== null && expiresAt !== null && expiresAt > now
  const ttl = expiresAt === null ? 0 : Math.min(EXPORT_LINK_TTL_SECONDS, Math.floor((expiresAt - now) / 1000))
  return {
    id: row.id,
    // Past its expiry but not yet deleted by the retention job: already expired for the person.
    status: row.status === 'ready' && !downloadable ? 'expired' : row.status,
    requestedAt: row.requested_at,
    readyAt: row.ready_at,
    expiresAt: row.expires_at,
    bytes: row.bytes === null ? null : Number(row.bytes),
    photoCount: row.photo_count === null ? null : Number(row.photo_count),
    downloadUrl: downloadable && ttl > 0 ? await ctx.storage.signedUrl(row.storage_key!, ttl) : null,
  }
}

/**
 * Queues an export of the caller's own data. One at a time: while one is waiting or being packed,
 * asking again returns that one (the unique index decides, so two taps at once make one export).
 */
export async function requestDataExport(ctx: AppContext, user: AuthUser): Promise<{ created: boolean; export: DataExport }> {
  const created = await insertExportIfNoneActive(ctx.db, {
    id: randomUUID(),
    user_id: user.id,
    status: 'pending',
    requested_at: ctx.now().toISOString(),
  })
  if (created) wakers.forEach((wake) => wake())
  const row = await findLatestExport(ctx.db, user.id)
  if (!row) throw new Error('export request vanished')
  return { created, export: await toDataExportDto(ctx, row) }
}

export async function latestDataExport(ctx: AppContext, user: AuthUser): Promise<LatestDataExport> {
  const row = await findLatestExport(ctx.db, user.id)
  return { current: row ? await toDataExportDto(ctx, row) : null }
}

/** Someone else's export does not exist for the caller. */
export async function getDataExport(ctx: AppContext, user: AuthUser, id: string): Promise<DataExport> {
  const row = await findUserExport(ctx.db, user.id, id)
  if (!row) throw notFound('没有找到这份数据导出')
  return toDataExportDto(ctx, row)
}
