/**
 * A tiny promise wrapper over IndexedDB (H5 only): one database, a few object stores with
 * out-of-line keys. Drafts and their photos (as Blobs) live here, so a reload or a closed tab
 * loses nothing.
 */
const DB_NAME = 'weiquan'
const DB_VERSION = 2
// v2: saved consumer warnings for reading offline
export type IdbStoreName = 'drafts' | 'photos' | 'warnings'
const STORES: IdbStoreName[] = ['drafts', 'photos', 'warnings']

let opening: Promise<IDBDatabase> | null = null

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'))
  })
}

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    if (typeof indexedDB === 'undefined') return reject(new Error('IndexedDB is not available'))
    const request = indexedDB.open(DB_NAME, DB_VERSION)
    request.onupgradeneeded = () => {
      for (const name of STORES) if (!request.result.objectStoreNames.contains(name)) request.result.createObjectStore(name)
    }
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'))
    request.onblocked = () => reject(new Error('IndexedDB open blocked'))
  }).catch((error: unknown) => {
    opening = null
    throw error
  })
  return opening
}

async function withStore<T>(name: IdbStoreName, mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open()
  const tx = db.transaction(name, mode)
  const result = promised(run(tx.objectStore(name)))
  // A write counts once the transaction has committed, not when its request succeeded.
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'))
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'))
  })
  return result
}

export function idbGet<T>(store: IdbStoreName, key: string): Promise<T | undefined> {
  return withStore(store, 'readonly', (s) => s.get(key) as IDBRequest<T | undefined>)
}

export function idbGetAll<T>(store: IdbStoreName): Promise<T[]> {
  return withStore(store, 'readonly', (s) => s.getAll() as IDBRequest<T[]>)
}

export async function idbPut(store: IdbStoreName, key: string, value: unknown): Promise<void> {
  await withStore(store, 'readwrite', (s) => s.put(value, key))
}

export async function idbDelete(store: IdbStoreName, key: string): Promise<void> {
  await withStore(store, 'readwrite', (s) => s.delete(key))
}
