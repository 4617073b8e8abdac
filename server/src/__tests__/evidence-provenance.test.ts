import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import exifr from 'exifr'
import sharp from 'sharp'
import { findEnterpriseByName } from '../modules/users/enterprise.repository'
import { DEMO_ENTERPRISE, seedDemoData } from '../seed/demo'
import { fileComplaint } from './support/complaints'
import { fetchSigned, makeJpeg, uploadPhoto } from './support/photos'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'

const GPS_EXIF = {
  IFD0: { Make: 'Weiquan test phone' },
  IFD2: { DateTimeOriginal: '2025:03:15 09:26:53' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 2700/100', GPSLongitudeRef: 'E', GPSLongitude: '116/1 23/1 1700/100' },
}
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

/** The JPEG's segments as [marker, start, end) up to the first scan; the rest (scans + EOI) as `scan`. */
function jpegLayout(bytes: Buffer) {
  const segments: Array<{ marker: number; start: number; end: number }> = []
  let offset = 2
  while (bytes[offset] === 0xff && bytes[offset + 1] !== 0xda) {
    const end = offset + 2 + bytes.readUInt16BE(offset + 2)
    segments.push({ marker: bytes[offset + 1]!, start: offset, end })
    offset = end
  }
  return { segments, scan: bytes.subarray(offset) }
}

describe(`what the phone read before compressing, and the display copy of a clean JPEG (${TEST_DB})`, () => {
  let t: TestApp
  let consumer: string
  let staff: string
  let liaison: string
  before(async () => {
    t = await createTestApp()
    await seedDemoData(t.ctx.db)
    consumer = (await loginByPhone(t, '13800000001', '10.43.0.1')).accessToken
    liaison = (await loginByPhone(t, '13800000003', '10.43.0.3')).accessToken
    staff = (await loginByPhone(t, '13800000004', '10.43.0.4')).accessToken
  })
  after(() => t.close())

  test('an upright JPEG within 1600 px is served as uploaded minus its metadata: same compressed data, no EXIF or GPS', async () => {
    const upload = await makeJpeg(1600, 1200, GPS_EXIF)
    assert.ok((await exifr.gps(upload))?.latitude, 'the fixture has GPS')
    const response = await uploadPhoto(t, consumer, upload)
    assert.equal(response.statusCode, 201, response.body)
    const display = (await fetchSigned(t, response.json().displayUrl)).body

    const sent = jpegLayout(upload)
    assert.ok(sent.segments.some((s) => s.marker === 0xe1), 'the upload has an APP1 (EXIF) segment')
    const withoutExif = Buffer.concat([
      upload.subarray(0, 2),
      ...sent.segments.filter((s) => s.marker !== 0xe1).map((s) => upload.subarray(s.start, s.end)),
      sent.scan,
    ])
    assert.ok(display.equals(withoutExif), `display is the upload minus EXIF (${display.length} vs ${withoutExif.length} bytes)`)
    assert.ok(jpegLayout(display).scan.equals(sent.scan), 'entropy-coded data byte-identical: not re-encoded')
    assert.equal(await exifr.parse(display, true), undefined)
    assert.equal(await exifr.gps(display), undefined)
    assert.ok(!display.includes('Exif') && !display.includes('Weiquan test phone'))
  })

  test('a progressive JPEG with a comment and trailing bytes keeps its scans and loses the rest', async () => {
    const progressive = await sharp(await makeJpeg(800, 600)).jpeg({ progressive: true, quality: 75 }).withExif(GPS_EXIF).toBuffer()
    const comment = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x0c]), Buffer.from('secret-ab!')])
    const upload = Buffer.concat([progressive.subarray(0, 2), comment, progressive.subarray(2), Buffer.from('appended motion photo')])
    const response = await uploadPhoto(t, consumer, upload)
    assert.equal(response.statusCode, 201, response.body)
    const display = (await fetchSigned(t, response.json().displayUrl)).body
    assert.ok(jpegLayout(display).scan.equals(jpegLayout(progressive).scan), 'same scans')
    assert.ok(!display.includes('secret-ab!') && !display.includes('appended motion photo') && !display.includes('Exif'))
    const meta = await sharp(display).metadata()
    assert.deepEqual([meta.width, meta.height, meta.isProgressive], [800, 600, true])
  })

  test('a sideways or larger JPEG is still turned and resized (once, from the upload)', async () => {
    const sideways = await makeJpeg(400, 300, undefined, 6)
    const turned = (await fetchSigned(t, (await uploadPhoto(t, consumer, sideways)).json().displayUrl)).body
    assert.deepEqual([(await sharp(turned).metadata()).width, (await sharp(turned).metadata()).height], [300, 400])
    assert.ok(!jpegLayout(turned).scan.equals(jpegLayout(sideways).scan))
  })

  test('a compressed copy carries the capture time and original hash the phone read; GPS goes to staff only', async () => {
    const original = await makeJpeg(2000, 1500, GPS_EXIF)
    const compressed = await makeJpeg(1600, 1200) // what the phone uploads: no EXIF left
    const provenance = JSON.stringify({ originalSha256: sha256(original), capturedAt: '2025-03-15T01:26:53.000Z', latitude: 39.9075, longitude: 116.3880556 })
    const response = await uploadPhoto(t, consumer, compressed, { provenance })
    assert.equal(response.statusCode, 201, response.body)
    const evidence = response.json()
    assert.equal(evidence.sha256, sha256(compressed))
    assert.equal(evidence.originalSha256, sha256(original))
    assert.equal(evidence.capturedAt, '2025-03-15T01:26:53.000Z')
    assert.ok(!/latitude|longitude|39\.9075/.test(response.body), 'no GPS in the owner’s answer')

    const complaint = await fileComplaint(t, consumer, { business: { name: DEMO_ENTERPRISE.name }, evidenceIds: [evidence.id] })
    // On the green channel with the liaison's enterprise, so the liaison may open the complaint and its photos.
    const enterprise = await findEnterpriseByName(t.ctx.db, DEMO_ENTERPRISE.name)
    await t.ctx.db.updateTable('complaints').set({ enterprise_id: enterprise!.id, path: 'odr' }).where('id', '=', complaint.id).execute()
    for (const [who, token] of [['consumer', consumer], ['liaison', liaison], ['staff', staff]] as const) {
      const seen = await t.app.inject({ url: `/api/evidence/${evidence.id}`, headers: bearer(token) })
      assert.equal(seen.statusCode, 200, who)
      assert.equal(seen.json().originalSha256, sha256(original))
      assert.ok(!/latitude|longitude|39\.9075/.test(seen.body), who)
    }
    const detail = await t.app.inject({ url: `/api/complaints/${complaint.id}`, headers: bearer(consumer) })
    assert.equal(detail.statusCode, 200, detail.body)
    assert.ok(detail.body.includes(evidence.originalSha256) && !/39\.9075|116\.388/.test(detail.body))
    const forStaff = await t.app.inject({ url: `/api/evidence/${evidence.id}/original`, headers: bearer(staff) })
    assert.deepEqual(forStaff.json().location, { latitude: 39.9075, longitude: 116.3880556 })
  })

  test('an untouched original: its own hash is the original hash, its EXIF wins, and a different claimed hash is refused', async () => {
    const original = await makeJpeg(1700, 1000, GPS_EXIF)
    const ok = await uploadPhoto(t, consumer, original, { original: true, provenance: JSON.stringify({ originalSha256: sha256(original), capturedAt: '2024-01-01T00:00:00Z' }) })
    assert.equal(ok.statusCode, 201, ok.body)
    assert.equal(ok.json().originalSha256, sha256(original))
    assert.equal(ok.json().capturedAt, '2025-03-15T01:26:53.000Z')
    const staffView = await t.app.inject({ url: `/api/evidence/${ok.json().id}/original`, headers: bearer(staff) })
    assert.equal(staffView.json().location.latitude, 39.9075)

    const wrong = await uploadPhoto(t, consumer, original, { original: true, provenance: JSON.stringify({ originalSha256: 'a'.repeat(64) }) })
    assert.equal(wrong.statusCode, 400)
    assert.equal(wrong.json().code, 'VALIDATION_FAILED')
  })

  test('a malformed claim is refused with 400 and a Chinese message, never coerced', async () => {
    const jpeg = await makeJpeg(100, 80)
    for (const provenance of [
      'not json',
      '[]',
      JSON.stringify({ capturedAt: '2999-01-01T00:00:00Z' }),
      JSON.stringify({ capturedAt: '1970-01-01T00:00:00Z' }),
      JSON.stringify({ capturedAt: 'yesterday' }),
      JSON.stringify({ latitude: '39.9', longitude: 116.4 }),
      JSON.stringify({ latitude: 39.9 }),
      JSON.stringify({ latitude: 91, longitude: 0 }),
      JSON.stringify({ originalSha256: 'A'.repeat(64) }),
      JSON.stringify({ takenBy: 'me' }),
    ]) {
      const response = await uploadPhoto(t, consumer, jpeg, { provenance })
      assert.equal(response.statusCode, 400, provenance)
      assert.equal(response.json().code, 'VALIDATION_FAILED')
      assert.match(response.json().message, /[\u4e00-\u9fa5]/)
    }
  })
})
