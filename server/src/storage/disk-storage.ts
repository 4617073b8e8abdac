import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { assertSafeKey, type ObjectStorage } from './object-storage'

export const FILES_ROUTE = '/api/files'

/** HMAC over key and expiry: the disk backend's equivalent of an S3 presigned URL. */
export function signFileUrl(key: string, expires: number, secret: string): string {
  return createHmac('sha256', secret).update(`${key}\n${expires}`).digest('base64url')
}

export function verifyFileSignature(key: string, expires: number, signature: string, secret: string, nowSeconds: number) {
  if (!Number.isInteger(expires) || expires < nowSeconds) return 'expired' as const
  const expected = Buffer.from(signFileUrl(key, expires, secret))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given) ? ('ok' as const) : ('invalid' as const)
}

export function diskStorage(root: string, secret: string, now: () => Date = () => new Date()): ObjectStorage {
  const fileOf = (key: string) => {
    assertSafeKey(key)
    return path.join(root, key)
  }
  return {
    kind: 'disk',
    async put(key, body) {
      const file = fileOf(key)
      await mkdir(path.dirname(file), { recursive: true })
      // Write then rename, so a crash never leaves half a photo under its final name. Two uploads of the
      // same bytes write the same key at once: each has its own temp file, and the second rename
      // replaces the first's identical file atomically. A crash's *.tmp is removed by the cleanup job.
      const temp = `${file}.${randomUUID()}.tmp`
      try {
        await writeFile(temp, body)
        await rename(temp, file)
      } catch (error) {
        await rm(temp, { force: true })
        throw error
      }
    },
    get: (key) => readFile(fileOf(key)),
    async exists(key) {
      try {
        return (await stat(fileOf(key))).isFile()
      } catch {
        return false
      }
    },
    async delete(key) {
      await rm(fileOf(key), { force: true })
    },
    removeStaleTempFiles: (olderThan) => removeStaleTempFiles(root, olderThan),
    async signedUrl(key, ttlSeconds) {
      assertSafeKey(key)
      const expires = Math.floor(now().getTime() / 1000) + ttlSeconds
      const query = new URLSearchParams({ key, expires: String(expires), signature: signFileUrl(key, expires, secret) })
      return `${FILES_ROUTE}?${query}`
    },
  }
}

/** Deletes `*.tmp` files under `dir` last modified before `olderThan` (left by a crash mid-write); returns how many. */
export async function removeStaleTempFiles(dir: string, olderThan: Date): Promise<number> {
  let entries
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true })
  } catch {
    return 0 // nothing written yet
  }
  let removed = 0
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.tmp')) continue
    const file = path.join(entry.parentPath, entry.name)
    try {
      if ((await stat(file)).mtime < olderThan) {
        await rm(file, { force: true })
        removed++
      }
    } catch {
      // renamed or removed meanwhile
    }
  }
  return removed
}
