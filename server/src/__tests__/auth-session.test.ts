import assert from 'node:assert/strict'
import type { AddressInfo } from 'node:net'
import { after, before, describe, test } from 'node:test'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'

describe(`sessions (${TEST_DB})`, () => {
  let t: TestApp
  let ip = 0
  before(async () => {
    t = await createTestApp()
  })
  after(() => t.close())

  const newLogin = (phone: string) => loginByPhone(t, phone, `10.9.0.${++ip}`)
  const me = (token: string) => t.app.inject({ url: '/api/me', headers: bearer(token) })
  const refresh = (refreshToken: string) => t.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } })

  test('refresh gives new tokens; the old refresh token shown again after 30 s ends the session', async () => {
    const first = await newLogin('13500000001')
    const renewed = await refresh(first.refreshToken)
    assert.equal(renewed.statusCode, 200)
    const second = renewed.json()
    assert.notEqual(second.refreshToken, first.refreshToken)
    assert.equal((await me(second.accessToken)).statusCode, 200)

    t.advance(31_000)
    const replay = await refresh(first.refreshToken)
    assert.equal(replay.statusCode, 401)
    assert.equal(replay.json().code, 'REFRESH_TOKEN_INVALID')
    // Reuse of a rotated token ends the whole session, including the thief's fresh tokens.
    assert.equal((await refresh(second.refreshToken)).statusCode, 401)
    assert.equal((await me(second.accessToken)).statusCode, 401)
  })

  test('refreshes racing with one token all get the same new pair, and the session lives on', async () => {
    const session = await newLogin('13500000002')
    const results = await Promise.all(Array.from({ length: 5 }, () => refresh(session.refreshToken)))
    assert.deepEqual(results.map((r) => r.statusCode), [200, 200, 200, 200, 200])
    const pairs = results.map((r) => r.json() as { accessToken: string; refreshToken: string })
    for (const pair of pairs) assert.deepEqual(pair, pairs[0])
    assert.equal((await me(pairs[0]!.accessToken)).statusCode, 200)
    const next = await refresh(pairs[0]!.refreshToken)
    assert.equal(next.statusCode, 200)
    assert.equal((await me(next.json().accessToken)).statusCode, 200)
  })

  test('a refresh retried after its answer was lost gets the same pair within 30 s, not a logout', async () => {
    const session = await newLogin('13500000007')
    const lost = (await refresh(session.refreshToken)).json()
    t.advance(20_000)
    const retried = await refresh(session.refreshToken)
    assert.equal(retried.statusCode, 200)
    assert.equal(retried.json().refreshToken, lost.refreshToken)
    assert.equal(retried.json().accessToken, lost.accessToken)
    assert.equal((await me(lost.accessToken)).statusCode, 200)
    // Once the new token has been used, the old one is refused even inside the 30 s.
    assert.equal((await refresh(lost.refreshToken)).statusCode, 200)
    assert.equal((await refresh(session.refreshToken)).statusCode, 401)
  })

  test('logout revokes the access and the refresh token', async () => {
    const session = await newLogin('13500000003')
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(session.accessToken) })
    assert.deepEqual(out.json(), { ok: true })
    const after = await me(session.accessToken)
    assert.equal(after.statusCode, 401)
    assert.equal(after.json().code, 'TOKEN_INVALID')
    assert.equal((await refresh(session.refreshToken)).statusCode, 401)
  })

  test('an access token expires after 15 minutes and says so', async () => {
    const session = await newLogin('13500000004')
    t.advance(15 * 60_000 + 1000)
    const expired = await me(session.accessToken)
    assert.equal(expired.statusCode, 401)
    assert.deepEqual(expired.json(), { code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' })
    assert.equal((await refresh(session.refreshToken)).statusCode, 200)
  })

  test('forged and malformed tokens are refused', async () => {
    const session = await newLogin('13500000005')
    const [header, payload, signature] = session.accessToken.split('.')
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString())
    const otherUser = Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' })).toString('base64url')
    for (const token of [`${header}.${otherUser}.${signature}`, 'not-a-token', `${session.accessToken}x`, '']) {
      const response = await me(token)
      assert.equal(response.statusCode, 401, token)
      assert.match(response.json().code, /^(TOKEN_INVALID|UNAUTHENTICATED)$/)
    }
    const noHeader = await t.app.inject({ url: '/api/me' })
    assert.deepEqual(noHeader.json(), { code: 'UNAUTHENTICATED', message: '请先登录' })
  })

  test('a disabled account is locked out at once', async () => {
    const session = await newLogin('13500000006')
    await t.ctx.db.updateTable('users').set({ disabled: 1 }).where('id', '=', session.user.id).execute()
    const response = await me(session.accessToken)
    assert.equal(response.statusCode, 403)
    assert.equal(response.json().code, 'ACCOUNT_DISABLED')
  })
})

describe(`live stream tickets end with the session (${TEST_DB})`, () => {
  test('a ticket issued before logout no longer opens the stream; another session of the same user is unaffected', async () => {
    const t = await createTestApp()
    try {
      await t.app.listen({ port: 0, host: '127.0.0.1' })
      const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`
      const inject = t.app.inject.bind(t.app)
      const ticketFor = async (accessToken: string) =>
        (await inject({ method: 'POST', url: '/api/notifications/stream-ticket', headers: bearer(accessToken) })).json().ticket as string
      const open = async (ticket: string) => {
        const controller = new AbortController()
        const response = await fetch(`${base}/api/notifications/stream?ticket=${encodeURIComponent(ticket)}`, { signal: controller.signal })
        const answer = { status: response.status, body: response.status === 200 ? null : await response.json() }
        controller.abort()
        return answer
      }
      const logout = (accessToken: string) => inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(accessToken) })

      const onPhone = await loginByPhone(t, '13500000011', '10.9.1.1')
      t.advance(61_000)
      const onLaptop = await loginByPhone(t, '13500000011', '10.9.1.2')
      const phoneTicket = await ticketFor(onPhone.accessToken)
      const laptopTicket = await ticketFor(onLaptop.accessToken)

      assert.equal((await logout(onPhone.accessToken)).statusCode, 200)
      assert.deepEqual(await open(phoneTicket), { status: 401, body: { code: 'STREAM_TICKET_INVALID', message: '实时消息连接已过期，请刷新页面' } })
      assert.equal((await open(laptopTicket)).status, 200)

      await logout(onLaptop.accessToken)
      assert.equal((await open(laptopTicket)).status, 401)
    } finally {
      await t.close()
    }
  })
})
