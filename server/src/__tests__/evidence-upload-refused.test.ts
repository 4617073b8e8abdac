import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { after, before, beforeEach, describe, test } from 'node:test'
import { seedDemoData } from '../seed/demo'
import { evidenceRowCount, makeJpeg, makePngBomb, multipart, storedFiles, uploadPhoto } from './support/photos'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'

describe(`photos the server refuses, leaving nothing behind (${TEST_DB})`, () => {
  let t: TestApp
  let token: string
  let filesBefore: string[]
  before(async () => {
    t = await createTestApp()
    await seedDemoData(t.ctx.db)
    token = (await loginByPhone(t, '13800000001', '10.40.0.1')).accessToken
    // One accepted photo, so "nothing left behind" is checked against a storage that is not empty.
    assert.equal((await uploadPhoto(t, token, await makeJpeg())).statusCode, 201)
  })
  beforeEach(() => {
    filesBefore = storedFiles(t)
  })
  after(() => t.close())

  async function assertRefused(response: { statusCode: number; json(): unknown }, status: number, code: string) {
    assert.equal(response.statusCode, status)
    const body = response.json() as { code: string; message: string }
    assert.equal(body.code, code)
    assert.match(body.message, /[\u4e00-\u9fa5]/)
    assert.deepEqual(storedFiles(t), filesBefore, 'no file left behind')
    assert.equal(await evidenceRowCount(t), 1, 'no row left behind')
  }

  test('text, HTML and SVG named .jpg and declared image/jpeg are not images', async () => {
    for (const content of ['just some text', '<html><script>alert(1)</script></html>', '<svg xmlns="http://www.w3.org/2000/svg"/>']) {
      await assertRefused(await uploadPhoto(t, token, Buffer.from(content), { filename: 'photo.jpg', contentType: 'image/jpeg' }), 415, 'UNSUPPORTED_IMAGE')
    }
  })

  test('a GIF is refused even though it is an image', async () => {
    const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')
    await assertRefused(await uploadPhoto(t, token, gif, { filename: 'a.gif', contentType: 'image/gif' }), 415, 'UNSUPPORTED_IMAGE')
  })

  test('a truncated JPEG is corrupt', async () => {
    const jpeg = await makeJpeg(640, 480)
    await assertRefused(await uploadPhoto(t, token, jpeg.subarray(0, Math.floor(jpeg.length * 0.6))), 422, 'IMAGE_CORRUPT')
  })

  test('a JPEG signature in front of garbage is corrupt', async () => {
    await assertRefused(await uploadPhoto(t, token, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)])), 422, 'IMAGE_CORRUPT')
  })

  test('an empty file', async () => {
    await assertRefused(await uploadPhoto(t, token, Buffer.alloc(0)), 400, 'EMPTY_FILE')
  })

  test('an 11 MB file is too large', async () => {
    const big = Buffer.concat([await makeJpeg(), Buffer.alloc(11 * 1024 * 1024)])
    await assertRefused(await uploadPhoto(t, token, big), 413, 'IMAGE_TOO_LARGE')
  })

  test('a 20000×20000 PNG bomb is refused from its header, before decoding', async () => {
    const bomb = makePngBomb(20_000, 20_000)
    assert.ok(bomb.length < 200 * 1024, `bomb is ${bomb.length} bytes on disk`)
    await assertRefused(await uploadPhoto(t, token, bomb, { filename: 'bomb.png', contentType: 'image/png' }), 422, 'IMAGE_TOO_MANY_PIXELS')
  })

  test('a HEIC that claims 20000×20000 is refused from its header, before the decoder runs', async () => {
    const heic = Buffer.from(readFileSync(path.join(import.meta.dirname, 'fixtures', 'evidence.heic')))
    const ispe = heic.indexOf('ispe') // image spatial extents: version/flags, width, height
    heic.writeUInt32BE(20_000, ispe + 8)
    heic.writeUInt32BE(20_000, ispe + 12)
    await assertRefused(await uploadPhoto(t, token, heic, { filename: 'x.heic', contentType: 'image/heic' }), 422, 'IMAGE_TOO_MANY_PIXELS')
  })

  test('a HEIC header in front of garbage is corrupt', async () => {
    const fake = Buffer.concat([Buffer.from('0000001c6674797068656963000000006d69663168656963', 'hex'), Buffer.alloc(3000, 1)])
    await assertRefused(await uploadPhoto(t, token, fake, { filename: 'x.heic', contentType: 'image/heic' }), 422, 'IMAGE_CORRUPT')
  })

  test('a form without the file part, and a request that is not a form', async () => {
    const fieldsOnly = multipart([{ name: 'original', value: '1' }])
    await assertRefused(
      await t.app.inject({ method: 'POST', url: '/api/evidence', payload: fieldsOnly.payload, headers: { ...bearer(token), ...fieldsOnly.headers } }),
      400,
      'FILE_REQUIRED',
    )
    await assertRefused(await t.app.inject({ method: 'POST', url: '/api/evidence', payload: { file: 'x' }, headers: bearer(token) }), 400, 'FILE_REQUIRED')
  })

  test('two files in one request', async () => {
    const jpeg = await makeJpeg()
    const twoFiles = multipart([
      { name: 'file', filename: 'a.jpg', contentType: 'image/jpeg', bytes: jpeg },
      { name: 'file', filename: 'b.jpg', contentType: 'image/jpeg', bytes: jpeg },
    ])
    await assertRefused(
      await t.app.inject({ method: 'POST', url: '/api/evidence', payload: twoFiles.payload, headers: { ...bearer(token), ...twoFiles.headers } }),
      400,
      'VALIDATION_FAILED',
    )
  })

  test('a storage failure halfway through removes the files already written and the row', async () => {
    const storage = t.ctx.storage
    t.ctx.storage = { ...storage, put: (key, body, type) => (key.includes('/thumb/') ? Promise.reject(new Error('disk full')) : storage.put(key, body, type)) }
    try {
      await assertRefused(await uploadPhoto(t, token, await makeJpeg(200, 100)), 500, 'INTERNAL_ERROR')
    } finally {
      t.ctx.storage = storage
    }
  })
})
