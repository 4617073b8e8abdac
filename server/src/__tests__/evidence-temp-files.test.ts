import assert from 'node:assert/strict'
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, test } from 'node:test'
import { scheduleEvidenceCleanup } from '../jobs/evidence-cleanup'
import { createTestApp, TEST_DB, type TestApp } from './support/test-app'

const silentLog = { info() {}, error() {} } as unknown as Parameters<typeof scheduleEvidenceCleanup>[1]

describe(`temporary files a crash left behind (${TEST_DB})`, () => {
  let t: TestApp
  let dataDir: string
  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'weiquan-data-'))
    t = await createTestApp({ DATA_DIR: dataDir })
  })
  afterEach(async () => {
    await t.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  /** A file last written `ageMs` ago. */
  function fileAged(file: string, ageMs: number) {
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, 'partial bytes')
    const when = new Date(Date.now() - ageMs)
    utimesSync(file, when, when)
    return file
  }

  test('the cleanup job removes *.tmp files older than an hour; fresh ones (writes in progress) and photos stay', async () => {
    if (t.ctx.storage.kind !== 'disk') return // S3 writes are atomic: no temp files there
    const hours = (n: number) => n * 60 * 60 * 1000
    const stale = [
      // a photo being received, a storage write cut off before its rename, and one from the old naming beside the photo
      fileAged(path.join(dataDir, 'upload-tmp', '0b1c2d3e-aaaa-bbbb-cccc-000000000001.tmp'), hours(2)),
      fileAged(path.join(t.storageDir, '.tmp', '0b1c2d3e-aaaa-bbbb-cccc-000000000003.tmp'), hours(2)),
      fileAged(path.join(t.storageDir, 'evidence', 'display', `${'a'.repeat(64)}.jpg.1234.1764000000000.tmp`), hours(30)),
    ]
    const fresh = [
      fileAged(path.join(dataDir, 'upload-tmp', '0b1c2d3e-aaaa-bbbb-cccc-000000000002.tmp'), 60_000),
      fileAged(path.join(t.storageDir, '.tmp', '0b1c2d3e-aaaa-bbbb-cccc-000000000004.tmp'), 5 * 60_000),
      fileAged(path.join(t.storageDir, 'evidence', 'thumb', `${'b'.repeat(64)}.webp.1234.1764999999999.tmp`), 5 * 60_000),
    ]
    const photo = fileAged(path.join(t.storageDir, 'evidence', 'original', `${'c'.repeat(64)}.jpg`), hours(30))

    const stop = scheduleEvidenceCleanup(t.ctx, silentLog)
    try {
      for (let i = 0; i < 100 && stale.some((file) => existsSync(file)); i++) await new Promise((resolve) => setTimeout(resolve, 20))
    } finally {
      stop()
    }
    for (const file of stale) assert.equal(existsSync(file), false, `${file} is removed`)
    for (const file of [...fresh, photo]) assert.equal(existsSync(file), true, `${file} stays`)
  })
})
