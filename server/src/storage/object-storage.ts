import type { Readable } from 'node:stream'

/** Where photos live: local disk by default, S3-compatible object storage at scale. */
export interface ObjectStorage {
  readonly kind: 'disk' | 's3'
  put(key: string, body: Buffer, contentType: string): Promise<void>
  get(key: string): Promise<Buffer>
  /** The object as a stream, for files too large to hold in memory (rejects if it does not exist). */
  getStream(key: string): Promise<Readable>
  /**
   * Stores a local file under `key` without reading it into memory; the file itself is left as it is.
   * `downloadName`: what a browser saves it as (the disk backend's file route sets it for zips itself).
   */
  putFile(key: string, file: string, contentType: string, options?: { downloadName?: string }): Promise<void>
  exists(key: string): Promise<boolean>
  delete(key: string): Promise<void>
  /**
   * Removes temporary files a crash left before `olderThan`; returns how many (none on S3: its writes
   * are atomic). `everywhere` also looks through the whole store, for files left by older versions.
   */
  removeStaleTempFiles(olderThan: Date, options?: { everywhere?: boolean }): Promise<number>
  /** A URL anyone holding it may GET until it expires; nothing else grants access to a stored object. */
  signedUrl(key: string, ttlSeconds: number): Promise<string>
}

/** Keys are made by the server only; this guards against a bug ever letting a path escape. */
export function assertSafeKey(key: string): void {
  if (!/^[a-z0-9][a-z0-9/_-]*(\.[a-z0-9]+)?$/.test(key) || key.includes('..') || key.includes('//')) {
    throw new Error(`unsafe storage key: ${key}`)
  }
}
