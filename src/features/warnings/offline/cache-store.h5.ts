import { idbDelete, idbGet, idbPut } from '@/lib/idb'

export async function readCached<T>(key: string): Promise<T | undefined> {
  try {
    return await idbGet<T>('warnings', key)
  } catch {
    return undefined
  }
}

export async function writeCached(key: string, value: unknown): Promise<void> {
  try {
    await idbPut('warnings', key, value)
  } catch {
    // private mode or quota: reading online still works
  }
}

export async function removeCached(key: string): Promise<void> {
  try {
    await idbDelete('warnings', key)
  } catch {
    // already gone
  }
}
