import assert from 'node:assert/strict'
import { randomBytes, randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, test as nodeTest } from 'node:test'
import type { ObjectStorage } from '../storage/object-storage'
import { diskStorage } from '../storage/disk-storage'
import { openS3Storage } from '../storage/s3-storage'
import { NO_S3_ENDPOINT, s3TestEnv } from './support/s3'
import { createTestApp, type TestApp } from './support/test-app'

interface Backend {
  name: 'disk' | 's3'
  env: Record<string, string> | null
  /** The same backend and place as the test app's, with its own clock: to sign links that have already expired. */
  open(t: TestApp, now: () => Date): Promise<ObjectStorage>
}

const backends: Backend[] = [
  { name: 'disk', env: {}, open: async (t, now) => diskStorage(t.storageDir, t.ctx.config.tokenSecret, now) },
  { name: 's3', env: s3TestEnv(), open: (t, now) => openS3Storage(t.ctx.config.s3!, now) },
]

for (const backend of backends) {
  const env = backend.env
  describe(`object storage contract: ${backend.name}`, () => {
    let t: TestApp
    let storage: ObjectStorage
    let base: string
    before(async () => {
      if (!env) return
      t = await createTestApp(env)
      storage = t.ctx.storage
      assert.equal(storage.kind, backend.name)
      base = await t.app.listen({ host: '127.0.0.1', port: 0 })
    })
    after(() => t?.close())
    // Every case is skipped (and counted as skipped) when this backend has no endpoint.
    const test = (name: string, run: () => Promise<void>) => nodeTest(name, { skip: env ? false : NO_S3_ENDPOINT }, run)

    const key = (ext = 'jpg') => `evidence/display/${randomUUID().replace(/-/g, '')}.${ext}`
    const fetchUrl = (url: string) => fetch(new URL(url, base))

    test('put, get, exists and delete', async () => {
      const k = key()
      assert.equal(await storage.exists(k), false)
      await storage.put(k, Buffer.from('first'), 'image/jpeg')
      await storage.put(k, Buffer.from('second'), 'image/jpeg')
      assert.equal(await storage.exists(k), true)
      assert.equal((await storage.get(k)).toString(), 'second')
      await storage.delete(k)
      assert.equal(await storage.exists(k), false)
      await assert.rejects(storage.get(k))
      await storage.delete(k) // deleting what is gone is not an error
    })

    test('a local file is stored and streamed back (data exports): never read whole', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'weiquan-putfile-'))
      try {
        const file = path.join(dir, 'export.zip')
        const body = randomBytes(300_000)
        writeFileSync(file, body)
        const k = `exports/${randomUUID()}.zip`
        await storage.putFile(k, file, 'application/zip', { downloadName: 'weiquan-my-data.zip' })
        assert.ok(existsSync(file), 'the source file is left as it was')
        const chunks: Buffer[] = []
        for await (const chunk of await storage.getStream(k)) chunks.push(Buffer.from(chunk as Uint8Array))
        assert.deepEqual(Buffer.concat(chunks), body)
        const response = await fetchUrl(await storage.signedUrl(k, 60))
        assert.equal(response.status, 200)
        assert.equal(response.headers.get('content-type'), 'application/zip')
        assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="weiquan-my-data\.zip"/)
        assert.deepEqual(Buffer.from(await response.arrayBuffer()), body)
        await storage.delete(k)
        await assert.rejects(storage.getStream(k))
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })

    test('a signed URL serves the object with its content type', async () => {
      const k = key('webp')
      const body = Buffer.from([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4])
      await storage.put(k, body, 'image/webp')
      const response = await fetchUrl(await storage.signedUrl(k, 60))
      assert.equal(response.status, 200)
      assert.equal(response.headers.get('content-type'), 'image/webp')
      assert.deepEqual(Buffer.from(await response.arrayBuffer()), body)
    })

    test('a tampered signature is refused with 403', async () => {
      const k = key()
      await storage.put(k, Buffer.from('secret'), 'image/jpeg')
      const url = new URL(await storage.signedUrl(k, 60), base)
      const name = [...url.searchParams.keys()].find((p) => /signature/i.test(p))!
      const signature = url.searchParams.get(name)!
      url.searchParams.set(name, (signature[0] === 'a' ? 'b' : 'a') + signature.slice(1))
      const response = await fetch(url)
      assert.equal(response.status, 403)
      assert.doesNotMatch(await response.text(), /secret/)
    })

    test('a link to another key with the same signature is refused with 403', async () => {
      const [a, b] = [key(), key()]
      await storage.put(a, Buffer.from('a'), 'image/jpeg')
      await storage.put(b, Buffer.from('b'), 'image/jpeg')
      const url = (await storage.signedUrl(a, 60)).replace(a.split('/').pop()!, b.split('/').pop()!)
      assert.equal((await fetchUrl(url)).status, 403)
    })

    test('an expired link is refused', async () => {
      const k = key()
      await storage.put(k, Buffer.from('old'), 'image/jpeg')
      const anHourAgo = await backend.open(t, () => new Date(Date.now() - 60 * 60 * 1000))
      const response = await fetchUrl(await anHourAgo.signedUrl(k, 60))
      assert.equal(response.status, 403)
      assert.doesNotMatch(await response.text(), /old/)
    })
  })
}
