import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import exifr from 'exifr'
import sharp from 'sharp'
import { seedDemoData } from '../seed/demo'
import { fetchSigned, makeJpeg, storedFiles, uploadPhoto } from './support/photos'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'

const GPS_EXIF = {
  IFD0: { Make: 'Weiquan test phone' },
  IFD2: { DateTimeOriginal: '2025:03:15 09:26:53' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 2700/100', GPSLongitudeRef: 'E', GPSLongitude: '116/1 23/1 1700/100' },
}

/** Nothing a viewer could learn the place or device from: no EXIF, XMP or ICC block, no EXIF marker in the bytes. */
async function assertNoMetadata(image: Buffer, label: string) {
  const metadata = await sharp(image).metadata()
  assert.equal(metadata.exif, undefined, `${label}: EXIF`)
  assert.equal(metadata.xmp, undefined, `${label}: XMP`)
  assert.equal(metadata.icc, undefined, `${label}: ICC`)
  assert.ok(!image.includes('Exif') && !image.includes('EXIF'), `${label}: EXIF marker`)
}

describe(`what the server makes of an uploaded photo (${TEST_DB})`, () => {
  let t: TestApp
  let consumer: string
  let staff: string
  before(async () => {
    t = await createTestApp()
    await seedDemoData(t.ctx.db)
    consumer = (await loginByPhone(t, '13800000001', '10.41.0.1')).accessToken
    staff = (await loginByPhone(t, '13800000004', '10.41.0.4')).accessToken
  })
  after(() => t.close())

  async function upload(bytes: Buffer, options?: Parameters<typeof uploadPhoto>[3]) {
    const response = await uploadPhoto(t, consumer, bytes, options)
    assert.equal(response.statusCode, 201, response.body)
    const evidence = response.json()
    const display = await fetchSigned(t, evidence.displayUrl)
    const thumbnail = await fetchSigned(t, evidence.thumbnailUrl)
    assert.equal(display.status, 200)
    assert.equal(thumbnail.status, 200)
    return { evidence, display: display.body, thumbnail: thumbnail.body }
  }

  test('the SHA-256 returned is that of the bytes sent, and the files are named by it', async () => {
    const jpeg = await makeJpeg(300, 200)
    const { evidence } = await upload(jpeg)
    const sha256 = createHash('sha256').update(jpeg).digest('hex')
    assert.equal(evidence.sha256, sha256)
    assert.equal(evidence.bytes, jpeg.length)
    assert.equal(evidence.mimeType, 'image/jpeg')
    assert.deepEqual([evidence.width, evidence.height], [300, 200])
    for (const key of [`evidence/original/${sha256}.jpg`, `evidence/display/${sha256}.jpg`, `evidence/thumb/${sha256}.webp`]) {
      assert.ok(storedFiles(t).includes(key), key)
    }
  })

  test('GPS and all other metadata are gone from the display copy and the thumbnail', async () => {
    const jpeg = await makeJpeg(640, 480, GPS_EXIF)
    assert.ok((await exifr.gps(jpeg))?.latitude, 'the fixture has GPS')
    const { display, thumbnail } = await upload(jpeg)
    assert.equal(await exifr.parse(display, true), undefined)
    assert.equal(await exifr.gps(display), undefined)
    await assertNoMetadata(display, 'display')
    await assertNoMetadata(thumbnail, 'thumbnail')
    assert.equal((await sharp(display).metadata()).format, 'jpeg')
    assert.equal((await sharp(thumbnail).metadata()).format, 'webp')
  })

  test('the EXIF orientation is applied: a sideways photo is shown upright', async () => {
    // Stored 400×200 with the left half red; orientation 6 means "turn 90° clockwise to view".
    const half = (colour: string) => sharp({ create: { width: 200, height: 200, channels: 3, background: colour } }).png().toBuffer()
    const stored = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#000' } })
      .composite([
        { input: await half('#ff0000'), left: 0, top: 0 },
        { input: await half('#0000ff'), left: 200, top: 0 },
      ])
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer()
    const { evidence, display, thumbnail } = await upload(stored)
    assert.deepEqual([evidence.width, evidence.height], [200, 400])
    for (const image of [display, thumbnail]) {
      const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true })
      assert.ok(info.height > info.width, 'portrait')
      const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)]
      const [r, , b] = pixel(Math.floor(info.width / 2), Math.floor(info.height / 4))
      assert.ok(r! > 200 && b! < 60, `top is red, got ${pixel(Math.floor(info.width / 2), Math.floor(info.height / 4))}`)
      const [r2, , b2] = pixel(Math.floor(info.width / 2), Math.floor((info.height * 3) / 4))
      assert.ok(b2! > 200 && r2! < 60, 'bottom is blue')
    }
  })

  test('a large photo is scaled to 1600 px on its long edge, the thumbnail to 400 px', async () => {
    const { evidence, display, thumbnail } = await upload(await makeJpeg(2400, 1800))
    assert.deepEqual([evidence.width, evidence.height], [2400, 1800])
    const [d, th] = await Promise.all([sharp(display).metadata(), sharp(thumbnail).metadata()])
    assert.deepEqual([d.width, d.height], [1600, 1200])
    assert.deepEqual([th.width, th.height], [400, 300])
  })

  test('the capture time is read from EXIF (China time unless the camera wrote an offset)', async () => {
    const local = await upload(await makeJpeg(120, 90, { IFD2: { DateTimeOriginal: '2025:03:15 09:26:53' } }))
    assert.equal(local.evidence.capturedAt, '2025-03-15T01:26:53.000Z')
    const withOffset = await upload(await makeJpeg(121, 90, { IFD2: { DateTimeOriginal: '2025:03:15 09:26:53', OffsetTimeOriginal: '+02:00' } }))
    assert.equal(withOffset.evidence.capturedAt, '2025-03-15T07:26:53.000Z')
    const none = await upload(await makeJpeg(122, 90))
    assert.equal(none.evidence.capturedAt, null)
  })

  test('HEIC (what iPhones save) is accepted and converted', async () => {
    const heic = readFileSync(path.join(import.meta.dirname, 'fixtures', 'evidence.heic'))
    const { evidence, display, thumbnail } = await upload(heic, { filename: 'IMG_0001.HEIC', contentType: 'image/heic', original: true })
    assert.equal(evidence.mimeType, 'image/heic')
    assert.deepEqual([evidence.width, evidence.height], [160, 120])
    assert.ok(storedFiles(t).includes(`evidence/original/${evidence.sha256}.heic`))
    const shown = await sharp(display).metadata()
    assert.deepEqual([shown.format, shown.width, shown.height], ['jpeg', 160, 120])
    assert.equal((await sharp(thumbnail).metadata()).format, 'webp')
    // The fixture is a red-to-green gradient over a blue left half: the left edge must not come out black.
    const { data } = await sharp(display).extract({ left: 2, top: 60, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true })
    assert.ok(data[2]! > 150, `left edge is blue, got ${[...data]}`)
  })

  test('PNG and WebP are accepted; the display copy is always JPEG', async () => {
    const base = sharp({ create: { width: 64, height: 48, channels: 4, background: { r: 0, g: 128, b: 0, alpha: 0.5 } } })
    for (const [bytes, mimeType] of [
      [await base.clone().png().toBuffer(), 'image/png'],
      [await base.clone().webp().toBuffer(), 'image/webp'],
      [await base.clone().png({ palette: false }).toColourspace('rgb16').toBuffer(), 'image/png'],
    ] as const) {
      const { evidence, display } = await upload(bytes, { filename: 'x.bin', contentType: 'application/octet-stream' })
      assert.equal(evidence.mimeType, mimeType)
      assert.equal((await sharp(display).metadata()).format, 'jpeg')
    }
  })

  test('a path in the file name does not reach the storage', async () => {
    const before = storedFiles(t)
    for (const filename of ['../../etc/passwd.jpg', '..\\..\\windows\\win.ini.jpg', '/etc/cron.d/x.jpg', 'evidence/display/aaaa.jpg']) {
      const jpeg = await makeJpeg(100 + before.length, 50)
      const { evidence } = await upload(jpeg, { filename })
      const sha = evidence.sha256
      const added = storedFiles(t).filter((f) => !before.includes(f))
      assert.deepEqual(added, [`evidence/display/${sha}.jpg`, `evidence/original/${sha}.jpg`, `evidence/thumb/${sha}.webp`])
      before.push(...added)
    }
    assert.ok(!existsSync(path.join(t.storageDir, '..', '..', 'etc', 'passwd.jpg')))
  })

  test('staff can open the original: the exact bytes that were sent, metadata included', async () => {
    const jpeg = await makeJpeg(200, 150, GPS_EXIF)
    const { evidence } = await upload(jpeg)
    const response = await t.app.inject({ url: `/api/evidence/${evidence.id}/original`, headers: bearer(staff) })
    assert.equal(response.statusCode, 200)
    const { url, expiresAt } = response.json()
    assert.ok(Date.parse(expiresAt) > t.ctx.now().getTime())
    const original = await fetchSigned(t, url)
    assert.equal(original.status, 200)
    assert.equal(createHash('sha256').update(original.body).digest('hex'), evidence.sha256)
    assert.ok((await exifr.gps(original.body))?.latitude)
  })
})
