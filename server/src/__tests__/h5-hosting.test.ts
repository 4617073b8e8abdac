import assert from 'node:assert/strict'
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { createTestApp, TEST_DB, type TestApp } from './support/test-app'

describe(`the server hosts the H5 app (${TEST_DB})`, () => {
  let t: TestApp
  before(async () => {
    const h5 = mkdtempSync(path.join(tmpdir(), 'h5-'))
    mkdirSync(path.join(h5, 'js'))
    writeFileSync(path.join(h5, 'index.html'), '<!DOCTYPE html><title>维权通</title>')
    writeFileSync(path.join(h5, 'js', 'app.1234abcd.js'), 'console.log(1)')
    writeFileSync(path.join(h5, 'js', 'app.1234abcd.js.br'), brotliCompressSync('console.log(1)'))
    t = await createTestApp({ H5_DIR: h5 })
  })
  after(() => t.close())

  test('/ and deep links open the app; the page itself is never cached', async () => {
    for (const url of ['/', '/pages/me/index', '/pages/login/index?redirect=1']) {
      const response = await t.app.inject({ url, headers: { accept: 'text/html' } })
      assert.equal(response.statusCode, 200, url)
      assert.match(response.body, /维权通/)
      assert.equal(response.headers['cache-control'], 'no-cache', url)
    }
  })

  test('hashed assets are cached for a year', async () => {
    const response = await t.app.inject({ url: '/js/app.1234abcd.js' })
    assert.equal(response.statusCode, 200)
    assert.match(String(response.headers['cache-control']), /max-age=31536000, immutable/)
  })

  test('phones that accept brotli get the precompressed file', async () => {
    const response = await t.app.inject({ url: '/js/app.1234abcd.js', headers: { 'accept-encoding': 'gzip, deflate, br' } })
    assert.equal(response.headers['content-encoding'], 'br')
    assert.equal(brotliDecompressSync(response.rawPayload).toString(), 'console.log(1)')
  })

  test('unknown API paths stay JSON errors, not the app page', async () => {
    const response = await t.app.inject({ url: '/api/nope', headers: { accept: 'text/html' } })
    assert.equal(response.statusCode, 404)
    assert.equal(response.json().code, 'NOT_FOUND')
  })
})
