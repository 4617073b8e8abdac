/**
 * Where saved warnings live on the device; Taro builds `cache-store.weapp.ts` (wx storage) or
 * `cache-store.h5.ts` (IndexedDB). Failures to read or write are never fatal: the cache is a bonus.
 */
export function readCached<T>(_key: string): Promise<T | undefined> {
  return Promise.resolve(undefined)
}

export function writeCached(_key: string, _value: unknown): Promise<void> {
  return Promise.resolve()
}

export function removeCached(_key: string): Promise<void> {
  return Promise.resolve()
}
