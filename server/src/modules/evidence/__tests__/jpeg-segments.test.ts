import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import sharp from 'sharp'
import { stripJpegMetadata } from '../jpeg-segments'

const segment = (marker: number, body: Buffer) => Buffer.concat([Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body])

describe('lossless JPEG metadata removal', () => {
  test('keeps the ICC profile and the picture, drops EXIF, XMP, comments and bytes after the end', async () => {
    const jpeg = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#36c' } })
      .jpeg()
      .withIccProfile('p3')
      .withExif({ IFD0: { Make: 'SecretPhone' } })
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>')
      .toBuffer()
    const withExtras = Buffer.concat([jpeg.subarray(0, 2), segment(0xfe, Buffer.from('taken at home')), jpeg.subarray(2), Buffer.from('MOTION-PHOTO-MP4')])
    const stripped = stripJpegMetadata(withExtras)
    assert.ok(stripped)
    for (const secret of ['SecretPhone', 'xmpmeta', 'taken at home', 'MOTION-PHOTO-MP4', 'Exif']) assert.ok(!stripped.includes(secret), secret)
    const meta = await sharp(stripped).metadata()
    assert.ok(meta.icc, 'ICC kept')
    assert.deepEqual([meta.width, meta.height, meta.exif, meta.xmp], [32, 24, undefined, undefined])
    const [a, b] = await Promise.all([sharp(jpeg).raw().toBuffer(), sharp(stripped).raw().toBuffer()])
    assert.ok(a.equals(b), 'same pixels')
  })

  test('anything it does not understand is left to re-encoding (null)', async () => {
    const jpeg = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#888' } }).jpeg().toBuffer()
    assert.equal(stripJpegMetadata(Buffer.from('not a jpeg')), null)
    assert.equal(stripJpegMetadata(jpeg.subarray(0, jpeg.length - 40)), null, 'truncated: no end marker')
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]))
    const arithmetic = Buffer.from(jpeg)
    arithmetic[sof + 1] = 0xc9
    assert.equal(stripJpegMetadata(arithmetic), null, 'arithmetic-coded frame')
  })
})
