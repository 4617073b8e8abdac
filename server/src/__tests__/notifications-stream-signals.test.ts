import assert from 'node:assert/strict'
import type { AddressInfo } from 'node:net'
import { after, before, describe, test } from 'node:test'
import { fileOdrComplaint, createCast, act, type Cast } from './support/workflow'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'

/** An open live stream, read in the background. */
interface OpenStream {
  text(): string
  /** Resolves when the server ended the stream. */
  ended: Promise<void>
  waitFor(pattern: RegExp, ms: number): Promise<void>
  stop(): void
}

async function baseUrl(t: TestApp) {
  if (!t.app.server.listening) await t.app.listen({ port: 0, host: '127.0.0.1' })
  return `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`
}

async function openStream(t: TestApp, token: string): Promise<OpenStream> {
  const ticket = (await t.app.inject({ method: 'POST', url: '/api/notifications/stream-ticket', headers: bearer(token) })).json().ticket as string
  const controller = new AbortController()
  const response = await fetch(`${await baseUrl(t)}/api/notifications/stream?ticket=${encodeURIComponent(ticket)}`, { signal: controller.signal })
  assert.equal(response.status, 200)
  let received = ''
  const waiters = new Set<() => void>()
  const ended = (async () => {
    const decoder = new TextDecoder()
    try {
      for await (const chunk of response.body!) {
        received += decoder.decode(chunk as Uint8Array)
        for (const wake of waiters) wake()
      }
    } catch {
      // aborted by stop()
    }
  })()
  return {
    text: () => received,
    ended,
    stop: () => controller.abort(),
    async waitFor(pattern, ms) {
      const deadline = Date.now() + ms
      while (!pattern.test(received)) {
        const left = deadline - Date.now()
        if (left <= 0) throw new Error(`not seen within ${ms} ms: ${pattern}; got ${received}`)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(left, 200))
          waiters.add(() => {
            clearTimeout(timer)
            resolve()
          })
        })
        waiters.clear()
      }
    },
  }
}

async function until(condition: () => boolean, ms: number, what: string) {
  const deadline = Date.now() + ms
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe(`live streams are woken, not polling (${TEST_DB})`, () => {
  let t: TestApp
  let cast: Cast
  before(async () => {
    t = await createTestApp()
    cast = await createCast(t, '71')
  })
  after(() => t.close())

  test('twenty idle streams make no queries; a change reaches only its own stream', async () => {
    const tokens = [cast.consumer.token]
    for (let n = 0; n < 19; n++) tokens.push((await loginByPhone(t, `1370000${String(n).padStart(4, '0')}`, `10.7.2.${n}`)).accessToken)
    const streams = await Promise.all(tokens.map((token) => openStream(t, token)))
    await Promise.all(streams.map((stream) => stream.waitFor(/event: unread/, 5000)))

    const idleFrom = t.queries()
    await new Promise((resolve) => setTimeout(resolve, 3000))
    assert.equal(t.queries() - idleFrom, 0, 'idle streams queried the database')

    const filed = await fileOdrComplaint(t, cast)
    await act(t, cast.liaison.token, filed.id, 'request_info', { text: '请提供购物小票照片' })
    await streams[0]!.waitFor(/event: notification\ndata: .*"type":"info_requested"/, 2000)
    for (const other of streams.slice(1)) assert.doesNotMatch(other.text(), /event: notification/)
    for (const stream of streams) stream.stop()
  })

  test('logging out closes the session’s open stream', async () => {
    const session = await loginByPhone(t, '13700009999', '10.7.3.1')
    const stream = await openStream(t, session.accessToken)
    await stream.waitFor(/event: unread/, 5000)
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(session.accessToken) })
    assert.equal(out.statusCode, 200)
    let closed = false
    void stream.ended.then(() => (closed = true))
    await until(() => closed, 3000, 'stream still open after logout')
  })

  test('a status change made through one instance shows on a stream held by another, p95 within 500 ms', { skip: TEST_DB !== 'postgres' && 'SQLite runs one process' }, async () => {
    const other = await t.another()
    const stream = await openStream(other, cast.consumer.token)
    await stream.waitFor(/event: unread/, 5000)
    const delays: number[] = []
    for (let n = 0; n < 10; n++) {
      const filed = await fileOdrComplaint(t, cast)
      const seen = (stream.text().match(/"type":"info_requested"/g) ?? []).length
      const started = Date.now()
      assert.equal((await act(t, cast.liaison.token, filed.id, 'request_info', { text: '请提供购物小票照片' })).statusCode, 200)
      await until(() => (stream.text().match(/"type":"info_requested"/g) ?? []).length > seen, 3000, 'change not seen on the other instance')
      delays.push(Date.now() - started)
    }
    delays.sort((a, b) => a - b)
    const p95 = delays[Math.ceil(delays.length * 0.95) - 1]!
    assert.ok(p95 <= 500, `p95 ${p95} ms (${delays.join(', ')})`)

    const idleFrom = other.queries()
    await new Promise((resolve) => setTimeout(resolve, 1500))
    assert.equal(other.queries() - idleFrom, 0, 'the idle stream on the second instance queried the database')

    // Logging out through the first instance closes the stream held by the second.
    let closed = false
    void stream.ended.then(() => (closed = true))
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(cast.consumer.token) })).statusCode, 200)
    await until(() => closed, 3000, 'stream on the other instance still open after logout')
  })
})
