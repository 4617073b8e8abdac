import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { uploadTempDir } from '../modules/evidence/photo-upload'
import { seedDemoData } from '../seed/demo'
import { evidenceRowCount, makeJpeg, storedFiles, uploadPhoto } from './support/photos'
import { createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'

const leftovers = (dataDir: string) => (existsSync(uploadTempDir(dataDir)) ? readdirSync(uploadTempDir(dataDir)) : [])

describe(`a phone retrying while its first try is still processing (${TEST_DB})`, () => {
  let t: TestApp
  let token: string
  const dataDir = mkdtempSync(path.join(tmpdir(), 'weiquan-data-'))
  before(async () => {
    t = await createTestApp({ DATA_DIR: dataDir, UPLOAD_CONCURRENCY: '4', UPLOAD_QUEUE_LIMIT: '8' })
    await seedDemoData(t.ctx.db)
    token = (await loginByPhone(t, '13800000001')).accessToken
  })
  after(async () => {
    await t.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  test('4 concurrent uploads of the same bytes, 3 rounds: every one is stored, the files once', async () => {
    const jpeg = await makeJpeg(1200, 900)
    for (let round = 1; round <= 3; round++) {
      const responses = await Promise.all(Array.from({ length: 4 }, () => uploadPhoto(t, token, jpeg)))
      assert.deepEqual(
        responses.map((response) => response.statusCode),
        [201, 201, 201, 201],
        `round ${round}: ${responses.map((response) => response.body).join(' | ')}`,
      )
      const sha256 = new Set(responses.map((response) => (response.json() as { sha256: string }).sha256))
      assert.equal(sha256.size, 1)
    }
    assert.equal(await evidenceRowCount(t), 12, 'one row per upload')
    assert.equal(storedFiles(t).length, 3, `one original, display copy and thumbnail, no temp files: ${storedFiles(t).join(', ')}`)
    assert.deepEqual(leftovers(dataDir), [])
  })
})

describe(`a burst of uploads past the queue limit (${TEST_DB})`, () => {
  let t: TestApp
  let token: string
  const dataDir = mkdtempSync(path.join(tmpdir(), 'weiquan-data-'))
  before(async () => {
    // One photo processed at a time and one waiting: the third at once is one too many.
    t = await createTestApp({ DATA_DIR: dataDir, UPLOAD_CONCURRENCY: '1', UPLOAD_QUEUE_LIMIT: '1' })
    await seedDemoData(t.ctx.db)
    token = (await loginByPhone(t, '13800000001')).accessToken
  })
  after(async () => {
    await t.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  test('the uploads past the limit are answered 503 with Retry-After, the others are stored, nothing is left behind', async () => {
    const photos = await Promise.all(Array.from({ length: 6 }, (_, i) => makeJpeg(1600 + i, 1200)))
    const responses = await Promise.all(photos.map((photo) => uploadPhoto(t, token, photo)))
    const stored = responses.filter((response) => response.statusCode === 201)
    const refused = responses.filter((response) => response.statusCode === 503)
    assert.equal(stored.length + refused.length, 6, responses.map((response) => `${response.statusCode} ${response.body}`).join(' | '))
    assert.ok(stored.length >= 2, 'the running upload and the one waiting are stored')
    assert.ok(refused.length >= 1, 'at least one upload found the queue full')
    for (const response of refused) {
      assert.match(String(response.headers['retry-after']), /^[1-9]\d*$/, 'Retry-After in whole seconds')
      const body = response.json() as { code: string; message: string }
      assert.equal(body.code, 'UPLOADS_BUSY')
      assert.match(body.message, /[\u4e00-\u9fa5]/)
    }
    assert.equal(await evidenceRowCount(t), stored.length, 'refused uploads leave no row')
    assert.equal(storedFiles(t).length, 3 * stored.length, 'refused uploads leave no file')
    assert.deepEqual(leftovers(dataDir), [], 'received bytes are removed once answered')

    // Once the burst is through, the retry the app makes after Retry-After goes through.
    assert.equal((await uploadPhoto(t, token, photos[5]!)).statusCode, 201)
  })
})
