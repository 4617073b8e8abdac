import { ApiRequestError } from '@/lib/http'
import { formatDateTime } from './saved-at'
import * as store from './cache-store'
import { warningCache } from './warning-cache'

/** The device's saved warnings (wx storage on weapp, IndexedDB on H5). */
export const savedWarnings = warningCache(store)

/** Only a failed connection falls back to saved content; a 404 means the warning is gone. */
export function isOffline(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 0
}

export function offlineNotice(savedAt: string): string {
  return `网络不可用，显示的是已保存的内容（保存于 ${formatDateTime(savedAt)}）`
}
