import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import { copyFile, mkdir, open, opendir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { assertSafeKey, type ObjectStorage } from './object-storage'

export const FILES_ROUTE = '/api/files'
/** Storage keys start with a letter or digit, so no key can reach this folder. */
const TEMP_DIR = '.tmp'

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
      await Promise.all([mkdir(path.dirname(file), { recursive: true }), mkdir(path.join(root, TEMP_DIR), { recursive: true })])
      // Write then rename, so a crash never leaves half a photo under its final name. Two uploads of the
      // same bytes write the same key at once: each has its own temp file, and the second rename
      // replaces the first's identical file atomically. Temp files live in one folder (same file system,
      // so the rename stays atomic) that the cleanup job can read without walking every photo.
      const temp = path.join(root, TEMP_DIR, `${randomUUID()}.tmp`)
      try {
        await writeFile(temp, body)
        await rename(temp, file)
      } catch (error) {
        await rm(temp, { force: true })
        throw error
      }
    },
    get: (key) => readFile(fileOf(key)),
    async getStream(key) {
      // Opened first, so a missing file rejects here rather than erroring the stream later.
      const handle = await open(fileOf(key), 'r')
      return handle.createReadStream()
    },
    async putFile(key, source) {
      const file = fileOf(key)
      await Promise.all([mkdir(path.dirname(file), { recursive: true }), mkdir(path.join(root, TEMP_DIR), { recursive: true })])
      const temp = path.join(root, TEMP_DIR, `${randomUUID()}.tmp`)
      try {
        await copyFile(source, temp)
        await rename(temp, file)
      } catch (error) {
        await rm(temp, { force: true })
        throw error
      }
    },
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
    async removeStaleTempFiles(olderThan, { everywhere = false } = {}) {
      // Before temp files had their own folder they were written beside the photo (`<key>.<pid>.<ms>.tmp`).
      return everywhere ? removeStaleTempFiles(root, olderThan, { recursive: true }) : removeStaleTempFiles(path.join(root, TEMP_DIR), olderThan)
    },
    async signedUrl(key, ttlSeconds) {
      assertSafeKey(key)
      const expires = Math.floor(now().getTime() / 1000) + ttlSeconds
      const query = new URLSearchParams({ key, expires: String(expires), signature: signFileUrl(key, expires, secret) })
      return `${FILES_ROUTE}?${query}`
    },
  }
}

/** Deletes `*.tmp` files in `dir` (and below, if recursive) last modified before `olderThan`, left by a crash mid-write; returns how many. */
export async function removeStaleTempFiles(dir: string, olderThan: Date, { recursive = false } = {}): Promise<number> {
  let removed = 0
  try {
    // opendir streams the entries: the whole photo tree is never held in memory at once.
    for await (const entry of await opendir(dir, { recursive })) {
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
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error // ENOENT: nothing written yet
  }
  return removed
}
