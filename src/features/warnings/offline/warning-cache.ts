import type { WarningDetail, WarningSummary } from '../api/warning-types'

/** Keeps the last 50 listed warnings and every opened one, so they can be read without a network. */
export const LISTED_LIMIT = 50
const LISTED_KEY = 'listed'
const detailKey = (id: string) => `detail:${id}`

export interface Saved<T> {
  value: T
  /** ISO time it was saved */
  savedAt: string
}

export interface CacheStore {
  readCached<T>(key: string): Promise<T | undefined>
  writeCached(key: string, value: unknown): Promise<void>
  removeCached(key: string): Promise<void>
}

export function warningCache(store: CacheStore, now: () => Date = () => new Date()) {
  return {
    /** Newest listing first; one entry per warning; at most LISTED_LIMIT. */
    async rememberListed(items: WarningSummary[]): Promise<void> {
      if (!items.length) return
      const previous = (await store.readCached<Saved<WarningSummary[]>>(LISTED_KEY))?.value ?? []
      const fresh = new Set(items.map((item) => item.id))
      const merged = [...items, ...previous.filter((item) => !fresh.has(item.id))].slice(0, LISTED_LIMIT)
      await store.writeCached(LISTED_KEY, { value: merged, savedAt: now().toISOString() })
    },
    listed(): Promise<Saved<WarningSummary[]> | undefined> {
      return store.readCached<Saved<WarningSummary[]>>(LISTED_KEY)
    },
    async rememberDetail(detail: WarningDetail): Promise<void> {
      await store.writeCached(detailKey(detail.id), { value: detail, savedAt: now().toISOString() })
    },
    detail(id: string): Promise<Saved<WarningDetail> | undefined> {
      return store.readCached<Saved<WarningDetail>>(detailKey(id))
    },
    /** A warning that is gone on the server (unpublished, archived) must not live on here. */
    async forget(id: string): Promise<void> {
      await store.removeCached(detailKey(id))
      const listed = await store.readCached<Saved<WarningSummary[]>>(LISTED_KEY)
      if (listed?.value.some((item) => item.id === id)) {
        await store.writeCached(LISTED_KEY, { ...listed, value: listed.value.filter((item) => item.id !== id) })
      }
    },
  }
}
