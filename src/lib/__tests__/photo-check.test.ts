import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { describe, test } from 'node:test'
import sharp from 'sharp'
import { checkPickedPhoto, NOT_A_PHOTO, photoKind, sizeProblem, TOO_LARGE_TO_SEND } from '../photo-check'
import { readJpegExif } from '../photo-exif'
import { sha256Hex } from '../sha256'

const nodeSha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

describe('what the phone reads from a picked file before sending anything', () => {
  test('SHA-256 in plain JS equals Node’s for every padding case and a photo-sized file', () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const bytes = randomBytes(length)
      assert.equal(sha256Hex(bytes), nodeSha(bytes), `length ${length}`)
    }
    assert.equal(sha256Hex(new TextEncoder().encode('abc')), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    const big = randomBytes(3 * 1024 * 1024 + 7)
    assert.equal(sha256Hex(big), nodeSha(big))
  })

  test('a 20 MB random file named .jpg is not a photo: refused by its bytes, with one message', () => {
    const fake = randomBytes(20 * 1024 * 1024)
    fake[0] = 0x12 // random bytes could start like a JPEG once in 16 million
    assert.equal(photoKind(fake), null)
    assert.deepEqual(checkPickedPhoto(fake), { ok: false, problem: NOT_A_PHOTO })
    assert.match(NOT_A_PHOTO, /不是照片/)
  })

  test('JPEG, PNG, WebP and HEIC are recognised by their magic bytes', async () => {
    const base = sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
    assert.equal(photoKind(await base.clone().jpeg().toBuffer()), 'jpeg')
    assert.equal(photoKind(await base.clone().png().toBuffer()), 'png')
    assert.equal(photoKind(await base.clone().webp().toBuffer()), 'webp')
    const heicHead = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypmif1\0\0\0\0mif1heic')])
    assert.equal(photoKind(heicHead), 'heic')
  })

  test('capture time and GPS come from the original’s EXIF, with the hash of the file as picked', async () => {
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c33' } })
      .jpeg()
      .withExif({
        IFD2: { DateTimeOriginal: '2025:03:15 09:26:53', OffsetTimeOriginal: '+02:00' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 2700/100', GPSLongitudeRef: 'W', GPSLongitude: '116/1 23/1 1700/100' },
      })
      .toBuffer()
    const check = checkPickedPhoto(jpeg)
    assert.ok(check.ok)
    assert.deepEqual(check.provenance, { originalSha256: nodeSha(jpeg), capturedAt: '2025-03-15T07:26:53.000Z', latitude: 39.9075, longitude: -116.3880556 })
    // China time when the camera wrote no offset; CreateDate when there is no DateTimeOriginal.
    const local = await sharp(jpeg).withExif({ IFD2: { DateTimeDigitized: '2025:03:15 09:26:53' } }).toBuffer()
    assert.deepEqual(readJpegExif(local), { capturedAt: '2025-03-15T01:26:53.000Z', latitude: null, longitude: null })
  })

  test('a photo without EXIF still passes, with its hash only', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } }).png().toBuffer()
    assert.deepEqual(checkPickedPhoto(png), { ok: true, kind: 'png', provenance: { originalSha256: nodeSha(png) } })
    assert.deepEqual(readJpegExif(new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0x00])), { capturedAt: null, latitude: null, longitude: null })
  })

  test('what would be sent must be at most 10 MB', () => {
    assert.equal(sizeProblem(10 * 1024 * 1024), null)
    assert.equal(sizeProblem(10 * 1024 * 1024 + 1), TOO_LARGE_TO_SEND)
  })
})
