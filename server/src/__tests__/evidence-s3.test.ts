import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import exifr from 'exifr'
import sharp from 'sharp'
import { seedDemoData } from '../seed/demo'
import { makeJpeg, uploadPhoto } from './support/photos'
import { NO_S3_ENDPOINT, s3TestEnv } from './support/s3'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'

const env = s3TestEnv()

describe(`evidence photos in S3 storage (${TEST_DB})`, () => {
  let t: TestApp
  before(async () => {
    if (!env) return
    t = await createTestApp(env)
    await seedDemoData(t.ctx.db)
  })
  after(() => t?.close())

  test('upload, then the display copy, thumbnail and original are fetched over HTTP from the bucket', { skip: env ? false : NO_S3_ENDPOINT }, async () => {
    const consumer = await loginByPhone(t, '13800000001', '10.43.0.1')
    const staff = await loginByPhone(t, '13800000004', '10.43.0.4')
    const jpeg = await makeJpeg(2000, 1500, {
      IFD2: { DateTimeOriginal: '2025:06:01 18:00:00' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '121/1 28/1 0/1' },
    })
    const uploaded = await uploadPhoto(t, consumer.accessToken, jpeg)
    assert.equal(uploaded.statusCode, 201, uploaded.body)
    const evidence = uploaded.json()
    assert.equal(evidence.capturedAt, '2025-06-01T10:00:00.000Z')
    assert.match(evidence.displayUrl, /^http:\/\/127\.0\.0\.1:\d+\/weiquan-test-/, 'a presigned URL on the S3 endpoint')

    const display = await fetch(evidence.displayUrl)
    assert.equal(display.status, 200)
    assert.equal(display.headers.get('content-type'), 'image/jpeg')
    const displayBytes = Buffer.from(await display.arrayBuffer())
    const shown = await sharp(displayBytes).metadata()
    assert.deepEqual([shown.width, shown.height, shown.exif], [1600, 1200, undefined])
    assert.equal(await exifr.parse(displayBytes, true), undefined)

    const thumbnail = await fetch(evidence.thumbnailUrl)
    assert.equal(thumbnail.status, 200)
    assert.equal(thumbnail.headers.get('content-type'), 'image/webp')

    const original = await t.app.inject({ url: `/api/evidence/${evidence.id}/original`, headers: bearer(staff.accessToken) })
    const originalBytes = Buffer.from(await (await fetch(original.json().url)).arrayBuffer())
    assert.equal(createHash('sha256').update(originalBytes).digest('hex'), evidence.sha256)

    const withoutSignature = new URL(evidence.displayUrl)
    withoutSignature.search = ''
    assert.equal((await fetch(withoutSignature)).status, 403, 'the bucket is not public')
  })
})
