import assert from 'node:assert/strict'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, test } from 'node:test'
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import Fastify from 'fastify'
import { accessControl } from '../plugins/access'
import { httpCaching, PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from '../plugins/http-caching'
import { seedDemoData } from '../seed/demo'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'
import { published } from './support/warnings'
import { act, createCast, fileOdrComplaint, type Cast } from './support/workflow'

describe(`API answers are compressed and cacheable only when public (${TEST_DB})`, () => {
  let t: TestApp
  let cast: Cast
  let staff: string
  before(async () => {
    t = await createTestApp()
    await seedDemoData(t.ctx.db)
    cast = await createCast(t, '88')
    staff = (await loginByPhone(t, '13800000004', '10.8.8.4')).accessToken
  })
  after(() => t.close())

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers })

  test('the warnings list goes out as br or gzip, as the phone accepts; the same JSON either way', async () => {
    const plain = await get('/api/warnings')
    assert.equal(plain.headers['content-encoding'], undefined, 'no Accept-Encoding: plain JSON')
    assert.ok(plain.rawPayload.length > 1024, `the list is above the threshold (${plain.rawPayload.length} B)`)

    const gzipped = await get('/api/warnings', { 'accept-encoding': 'gzip' })
    assert.equal(gzipped.headers['content-encoding'], 'gzip')
    assert.match(String(gzipped.headers.vary), /accept-encoding/i)
    assert.ok(gzipped.rawPayload.length < plain.rawPayload.length / 2, `${gzipped.rawPayload.length} B gzipped`)
    assert.deepEqual(JSON.parse(gunzipSync(gzipped.rawPayload).toString()), plain.json())

    const brotli = await get('/api/warnings', { 'accept-encoding': 'gzip, deflate, br' })
    assert.equal(brotli.headers['content-encoding'], 'br')
    assert.deepEqual(JSON.parse(brotliDecompressSync(brotli.rawPayload).toString()), plain.json())
  })

  test('a gzip-encoded request body is not inflated: refused as before, never read past the body limit', async () => {
    const body = gzipSync(JSON.stringify({ phone: '13800000001' }))
    const answer = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sms-code',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: body,
    })
    assert.ok(answer.statusCode >= 400 && answer.statusCode < 500, `${answer.statusCode} ${answer.body}`)
  })

  test('an answer under 1 KB is sent as it is', async () => {
    const health = await get('/api/health', { 'accept-encoding': 'gzip, br' })
    assert.equal(health.statusCode, 200)
    assert.ok(health.rawPayload.length < 1024)
    assert.equal(health.headers['content-encoding'], undefined)
    assert.doesNotThrow(() => health.json())
  })

  test('public reads carry Cache-Control and a weak ETag; a matching If-None-Match gets 304 with no body', async () => {
    const detailId = (await get('/api/warnings')).json().items[0].id as string
    for (const url of ['/api/warnings', '/api/warnings/urgent', '/api/warnings/search?q=退款', `/api/warnings/${detailId}`, '/api/enterprises?q=超市']) {
      const first = await get(url, { 'accept-encoding': 'gzip' })
      assert.equal(first.statusCode, 200, url)
      assert.equal(first.headers['cache-control'], PUBLIC_CACHE_CONTROL, url)
      // Shared caches keep it a while; a browser asks again each time (fresh figures, and offline the app's saved copy).
      assert.match(PUBLIC_CACHE_CONTROL, /(^|, )max-age=0(,|$)/)
      assert.match(PUBLIC_CACHE_CONTROL, /s-maxage=[1-9]\d*/)
      const etag = String(first.headers.etag)
      assert.match(etag, /^W\/"[\w-]+"$/, url)
      // The detail counts views, so its body (and ETag) changes with each read; the lists do not.
      if (url === `/api/warnings/${detailId}`) continue
      const again = await get(url, { 'if-none-match': etag, 'accept-encoding': 'gzip' })
      assert.equal(again.statusCode, 304, url)
      assert.equal(again.rawPayload.length, 0, url)
      assert.equal(again.headers.etag, etag, url)
    }
  })

  test('a newly published warning changes the list ETag, so a revalidating cache gets the new list', async () => {
    const before = String((await get('/api/warnings')).headers.etag)
    assert.match(before, /^W\//)
    await published(t, staff, { title: '缓存测试：新发布的警示' })
    const after = await get('/api/warnings', { 'if-none-match': before })
    assert.equal(after.statusCode, 200)
    assert.notEqual(after.headers.etag, before)
    assert.match(after.body, /缓存测试：新发布的警示/)
  })

  test('answers for a signed-in person, and errors, are private, no-store and carry no ETag', async () => {
    await fileOdrComplaint(t, cast)
    for (const url of ['/api/me', '/api/complaints', '/api/notifications', '/api/staff/warnings']) {
      const token = url === '/api/staff/warnings' ? staff : cast.consumer.token
      const answer = await t.app.inject({ url, headers: { ...bearer(token), 'accept-encoding': 'gzip' } })
      assert.equal(answer.statusCode, 200, url)
      assert.equal(answer.headers['cache-control'], PRIVATE_CACHE_CONTROL, url)
      assert.equal(answer.headers.etag, undefined, url)
    }
    const missing = await get('/api/warnings/no-such-warning')
    assert.equal(missing.statusCode, 404)
    assert.equal(missing.headers['cache-control'], PRIVATE_CACHE_CONTROL)
    const refused = await get('/api/complaints')
    assert.equal(refused.statusCode, 401)
    assert.equal(refused.headers['cache-control'], PRIVATE_CACHE_CONTROL)
  })

  test('a route that needs a login cannot be declared shared-cacheable', async () => {
    const app = Fastify()
    await app.register(accessControl, { ctx: t.ctx })
    await app.register(httpCaching)
    assert.throws(() => app.get('/mine', { config: { access: 'user', publicCache: true } }, async () => ({})), /only public GET reads/)
    await app.close()
  })

  test('the notification stream is neither compressed nor buffered: a new notification arrives at once', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = t.app.server.address() as AddressInfo
    const ticket = (await t.app.inject({ method: 'POST', url: '/api/notifications/stream-ticket', headers: bearer(cast.consumer.token) })).json()
    const request = http.get({ host: '127.0.0.1', port, path: `/api/notifications/stream?ticket=${encodeURIComponent(ticket.ticket)}`, headers: { 'accept-encoding': 'br, gzip' } })
    try {
      const response = await new Promise<http.IncomingMessage>((resolve, reject) => request.on('response', resolve).on('error', reject))
      assert.equal(response.headers['content-encoding'], undefined)
      let received = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (received += chunk))
      const waitFor = async (pattern: RegExp, ms: number) => {
        const deadline = Date.now() + ms
        while (!pattern.test(received)) {
          if (Date.now() > deadline) throw new Error(`not seen within ${ms} ms: ${pattern}; got ${received}`)
          await new Promise((resolve) => setTimeout(resolve, 20))
        }
      }
      await waitFor(/event: unread/, 2000)
      const filed = await fileOdrComplaint(t, cast)
      await act(t, cast.liaison.token, filed.id, 'request_info', { text: '请提供购物小票照片' })
      await waitFor(/event: notification\ndata: .*"type":"info_requested"/, 1500)
    } finally {
      request.destroy()
    }
  })
})
