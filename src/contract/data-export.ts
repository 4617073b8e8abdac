import { Type, type Static } from '@sinclair/typebox'

/** pending: waiting for the job; building: being packed; ready: downloadable; failed: ask again; expired: file deleted. */
export const DATA_EXPORT_STATUSES = ['pending', 'building', 'ready', 'failed', 'expired'] as const
export type DataExportStatus = (typeof DATA_EXPORT_STATUSES)[number]

export const DATA_EXPORT_STATUS_LABELS: Record<DataExportStatus, string> = {
  pending: '等待中',
  building: '正在打包',
  ready: '可以下载',
  failed: '打包失败',
  expired: '已过期',
}

/** How long a finished export can be downloaded (the retention schedule's default; configurable). */
export const DATA_EXPORT_DAYS = 7

export const DataExport = Type.Object({
  id: Type.String(),
  status: Type.Unsafe<DataExportStatus>({ type: 'string', enum: [...DATA_EXPORT_STATUSES] }),
  requestedAt: Type.String({ format: 'date-time' }),
  readyAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** Until when the download is offered (ready), or was (expired). */
  expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** Size of the zip in bytes, once ready. */
  bytes: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  photoCount: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  /** A short-lived signed link (relative on disk storage, absolute on S3); only while ready. */
  downloadUrl: Type.Union([Type.String(), Type.Null()]),
})
export type DataExport = Static<typeof DataExport>

export const LatestDataExport = Type.Object({ current: Type.Union([DataExport, Type.Null()]) })
export type LatestDataExport = Static<typeof LatestDataExport>

/** "12.3 MB" */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
