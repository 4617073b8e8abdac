import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, test } from 'node:test'
import { cleanUpUnattachedEvidence, scheduleEvidenceCleanup } from '../jobs/evidence-cleanup'
import type { AuthUser } from '../modules/auth/auth.service'
import { uploadEvidence } from '../modules/evidence/evidence.service'
import { findUserByPhone } from '../modules/users/user.repository'
import { seedDemoData } from '../seed/demo'
import { evidenceRowCount, makeJpeg, storedFiles } from './support/photos'
import { createTestApp, TEST_DB, type TestApp } from './support/test-app'

const HOUR = 60 * 60 * 1000

describe(`unattached photos are deleted after 24 hours (${TEST_DB})`, () => {
  let t: TestApp
  let consumer: AuthUser
  let volunteer: AuthUser
  // A fresh app (database, storage, clock) per test: each one moves time on by a day or two.
  beforeEach(async () => {
    t = await createTestApp()
    await seedDemoData(t.ctx.db)
    const asAuthUser = async (phone: string) => {
      const row = (await findUserByPhone(t.ctx.db, phone))!
      return { id: row.id, role: row.role, enterpriseId: row.enterprise_id, sessionId: 'test' }
    }
    consumer = await asAuthUser('13800000001')
    volunteer = await asAuthUser('13800000002')
  })
  afterEach(() => t.close())

  const filesOf = (sha256: string) => storedFiles(t).filter((file) => file.includes(sha256))
  const rowExists = async (id: string) => Boolean(await t.ctx.db.selectFrom('evidence').select('id').where('id', '=', id).executeTakeFirst())

  test('photos younger than 24 hours and photos attached to a complaint stay; the others go with their files', async () => {
    const abandoned = await uploadEvidence(t.ctx, consumer, await makeJpeg(200, 100))
    const attached = await uploadEvidence(t.ctx, consumer, await makeJpeg(201, 100))
    await t.ctx.db.updateTable('evidence').set({ attached_at: t.ctx.now().toISOString() }).where('id', '=', attached.id).execute()

    t.advance(23 * HOUR)
    const recent = await uploadEvidence(t.ctx, consumer, await makeJpeg(202, 100))
    assert.deepEqual(await cleanUpUnattachedEvidence(t.ctx), { rows: 0, files: 0 })

    t.advance(2 * HOUR)
    assert.deepEqual(await cleanUpUnattachedEvidence(t.ctx), { rows: 1, files: 3 })
    assert.equal(await rowExists(abandoned.id), false)
    assert.deepEqual(filesOf(abandoned.sha256), [])
    for (const kept of [attached, recent]) {
      assert.ok(await rowExists(kept.id))
      assert.equal(filesOf(kept.sha256).length, 3)
    }
  })

  test('files shared with another upload of the same bytes stay until no row uses them', async () => {
    const jpeg = await makeJpeg(300, 150)
    const first = await uploadEvidence(t.ctx, consumer, jpeg)
    t.advance(20 * HOUR)
    const second = await uploadEvidence(t.ctx, volunteer, jpeg)
    assert.equal(second.sha256, first.sha256)
    assert.equal(filesOf(first.sha256).length, 3, 'one set of files for both rows')

    t.advance(5 * HOUR)
    assert.deepEqual(await cleanUpUnattachedEvidence(t.ctx), { rows: 1, files: 0 })
    assert.equal(await rowExists(first.id), false)
    assert.equal(filesOf(first.sha256).length, 3, 'still used by the second upload')
    assert.ok(await t.ctx.storage.exists(second.display_key))

    t.advance(20 * HOUR)
    assert.deepEqual(await cleanUpUnattachedEvidence(t.ctx), { rows: 1, files: 3 })
    assert.deepEqual(filesOf(first.sha256), [])
  })

  test('running it again changes nothing, and it works through more rows than one batch', async () => {
    await uploadEvidence(t.ctx, consumer, await makeJpeg(200, 100))
    t.advance(25 * HOUR)
    assert.deepEqual(await cleanUpUnattachedEvidence(t.ctx), { rows: 1, files: 3 })
    const before = { rows: await evidenceRowCount(t), files: storedFiles(t) }
    assert.deepEqual(await cleanUpUnattachedEvidence(t.ctx), { rows: 0, files: 0 })
    assert.deepEqual({ rows: await evidenceRowCount(t), files: storedFiles(t) }, before)

    // Rows only (no files needed): 450 abandoned photos sharing one hash, more than two batches.
    const sha256 = 'f'.repeat(64)
    const createdAt = new Date(t.ctx.now().getTime() - 25 * HOUR).toISOString()
    const rows = Array.from({ length: 450 }, () => ({
      id: randomUUID(),
      owner_id: consumer.id,
      sha256,
      mime_type: 'image/jpeg',
      bytes: 1,
      width: 1,
      height: 1,
      captured_at: null,
      original_key: `evidence/original/${sha256}.jpg`,
      display_key: `evidence/display/${sha256}.jpg`,
      thumbnail_key: `evidence/thumb/${sha256}.webp`,
      complaint_id: null,
      event_id: null,
      created_at: createdAt,
      attached_at: null,
      position: null,
    }))
    for (let i = 0; i < rows.length; i += 50) await t.ctx.db.insertInto('evidence').values(rows.slice(i, i + 50)).execute()
    assert.deepEqual(await cleanUpUnattachedEvidence(t.ctx), { rows: 450, files: 3 })
    assert.deepEqual({ rows: await evidenceRowCount(t), files: storedFiles(t) }, before)
  })

  test('the server runs it when it starts (and then every hour)', async () => {
    const abandoned = await uploadEvidence(t.ctx, consumer, await makeJpeg(200, 100))
    t.advance(25 * HOUR)
    const stop = scheduleEvidenceCleanup(t.ctx, t.app.log)
    try {
      for (let i = 0; i < 100 && filesOf(abandoned.sha256).length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20))
      assert.equal(await rowExists(abandoned.id), false)
      assert.deepEqual(filesOf(abandoned.sha256), [])
    } finally {
      stop()
    }
  })
})
