import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { EVIDENCE_URL_TTL_SECONDS, ORIGINAL_URL_TTL_SECONDS } from '../modules/evidence/evidence.service'
import { seedDemoData } from '../seed/demo'
import { makeJpeg, uploadPhoto } from './support/photos'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'

const maxAge = (cacheControl: unknown) => Number(/max-age=(\d+)/.exec(String(cacheControl))?.[1] ?? NaN)

describe(`signed photo links are not cached longer than they live (${TEST_DB})`, () => {
  let t: TestApp
  let consumer: string
  let staff: string
  let photo: { id: string; displayUrl: string; thumbnailUrl: string }
  before(async () => {
    t = await createTestApp()
    await seedDemoData(t.ctx.db)
    consumer = (await loginByPhone(t, '13800000001')).accessToken
    staff = (await loginByPhone(t, '13800000004')).accessToken
    photo = (await uploadPhoto(t, consumer, await makeJpeg())).json()
  })
  after(() => t.close())

  test('max-age never exceeds what is left of the link, and shrinks as the link ages', async (context) => {
    if (!photo.displayUrl.startsWith('/')) return context.skip('S3 serves presigned links itself')
    const original = (await t.app.inject({ url: `/api/evidence/${photo.id}/original`, headers: bearer(staff) })).json() as { url: string }
    const links = [
      { url: photo.displayUrl, life: EVIDENCE_URL_TTL_SECONDS },
      { url: photo.thumbnailUrl, life: EVIDENCE_URL_TTL_SECONDS },
      { url: original.url, life: ORIGINAL_URL_TTL_SECONDS },
    ]
    for (const { url, life } of links) {
      const served = await t.app.inject({ url })
      assert.equal(served.statusCode, 200)
      const age = maxAge(served.headers['cache-control'])
      assert.ok(age <= life && age >= life - 5, `${url}: max-age ${age} for a link living ${life} s`)
    }

    t.advance(4 * 60 * 1000)
    for (const { url, life } of links) {
      const age = maxAge((await t.app.inject({ url })).headers['cache-control'])
      assert.ok(age <= life - 240, `4 minutes later ${url} may be kept ${age} s, its link lives ${life - 240} s more`)
    }
  })
})
