import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { TestApp } from './test-app'

/**
 * Uploaded photos without the upload: evidence rows owned by `ownerId`, unattached, with small
 * files in the test app's storage so their signed URLs resolve. Returns the ids.
 */
export async function insertEvidenceRows(t: TestApp, ownerId: string, count = 1): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const original = randomBytes(64)
    const sha256 = createHash('sha256').update(original).digest('hex')
    const keys = { original: `evidence/original/${sha256}.jpg`, display: `evidence/display/${sha256}.jpg`, thumbnail: `evidence/thumb/${sha256}.webp` }
    await t.ctx.storage.put(keys.original, original, 'image/jpeg')
    await t.ctx.storage.put(keys.display, Buffer.from(`display ${sha256}`), 'image/jpeg')
    await t.ctx.storage.put(keys.thumbnail, Buffer.from(`thumbnail ${sha256}`), 'image/webp')
    const id = randomUUID()
    await t.ctx.db
      .insertInto('evidence')
      .values({
        id,
        owner_id: ownerId,
        sha256,
        mime_type: 'image/jpeg',
        bytes: original.length,
        width: 1600,
        height: 1200,
        captured_at: null,
        original_key: keys.original,
        display_key: keys.display,
        thumbnail_key: keys.thumbnail,
        complaint_id: null,
        event_id: null,
        created_at: t.ctx.now().toISOString(),
        attached_at: null,
        position: null,
      })
      .execute()
    ids.push(id)
  }
  return ids
}
