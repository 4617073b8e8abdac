import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { createTestApp, TEST_DB } from './support/test-app'

/** The SMS limit per address (5 a minute) must count the real client, whatever it writes in X-Forwarded-For. */
describe(`client address behind a reverse proxy (${TEST_DB})`, () => {
  const burst = async (env: Record<string, string>, request: (i: number) => { remoteAddress: string; forwardedFor: string }) => {
    const t = await createTestApp(env)
    try {
      const statuses: number[] = []
      for (let i = 1; i <= 10; i++) {
        const { remoteAddress, forwardedFor } = request(i)
        const response = await t.app.inject({
          method: 'POST',
          url: '/api/auth/sms-code',
          payload: { phone: `1370000${String(i).padStart(4, '0')}` },
          remoteAddress,
          headers: { 'x-forwarded-for': forwardedFor },
        })
        statuses.push(response.statusCode)
      }
      return statuses
    } finally {
      await t.close()
    }
  }
  const fivePassThenLimited = [200, 200, 200, 200, 200, 429, 429, 429, 429, 429]

  test('TRUST_PROXY=true believes only the address our proxy appended, not what the client wrote before it', async () => {
    const statuses = await burst({ TRUST_PROXY: 'true' }, (i) => ({ remoteAddress: '127.0.0.1', forwardedFor: `198.51.100.${i}, 10.0.0.1` }))
    assert.deepEqual(statuses, fivePassThenLimited)
  })

  test('TRUST_PROXY=2 skips exactly two proxies', async () => {
    const statuses = await burst({ TRUST_PROXY: '2' }, (i) => ({
      remoteAddress: '127.0.0.1',
      forwardedFor: `198.51.100.${i}, 10.0.0.1, 172.16.0.5`,
    }))
    assert.deepEqual(statuses, fivePassThenLimited)
  })

  test('TRUST_PROXY with proxy addresses: forged hops are not believed, and a client that skips the proxy is counted by its socket', async () => {
    const env = { TRUST_PROXY: '127.0.0.1, 172.16.0.0/12' }
    const viaProxies = await burst(env, (i) => ({ remoteAddress: '127.0.0.1', forwardedFor: `198.51.100.${i}, 10.0.0.1, 172.16.0.5` }))
    assert.deepEqual(viaProxies, fivePassThenLimited)
    const direct = await burst(env, (i) => ({ remoteAddress: '203.0.113.7', forwardedFor: `198.51.100.${i}` }))
    assert.deepEqual(direct, fivePassThenLimited)
  })

  test('clients behind the proxy are still told apart', async () => {
    const statuses = await burst({ TRUST_PROXY: 'true' }, (i) => ({ remoteAddress: '127.0.0.1', forwardedFor: `10.0.1.${i}` }))
    assert.deepEqual(statuses, Array(10).fill(200))
  })
})
