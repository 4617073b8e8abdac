import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { startFakeWechat } from './support/fake-wechat'

describe(`WeChat login (${TEST_DB})`, () => {
  let wechat: Awaited<ReturnType<typeof startFakeWechat>>
  let t: TestApp
  before(async () => {
    wechat = await startFakeWechat('wx1234567890abcdef', 'app-secret')
    t = await createTestApp({ WECHAT_APPID: 'wx1234567890abcdef', WECHAT_SECRET: 'app-secret', WECHAT_API_BASE: wechat.baseUrl })
  })
  after(async () => {
    await t.close()
    await wechat.close()
  })

  const loginWith = (code: string) => t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code } })

  test('a wx.login code signs in; the same WeChat user gets the same account next time', async () => {
    const first = await loginWith(wechat.issueCode('openid-aunt-wang'))
    assert.equal(first.statusCode, 200)
    assert.equal(first.json().user.role, 'consumer')
    assert.equal(first.json().user.phone, null)
    const second = await loginWith(wechat.issueCode('openid-aunt-wang'))
    assert.equal(second.json().user.id, first.json().user.id)
    const call = wechat.requests.at(-1)!
    assert.equal(call.searchParams.get('grant_type'), 'authorization_code')
  })

  test('an invalid or reused code is a clear 400', async () => {
    const code = wechat.issueCode('openid-uncle-li')
    assert.equal((await loginWith(code)).statusCode, 200)
    const reused = await loginWith(code)
    assert.equal(reused.statusCode, 400)
    assert.deepEqual(reused.json(), { code: 'WECHAT_LOGIN_FAILED', message: '微信登录失败，请重试或使用手机号登录' })
    assert.equal((await loginWith('made-up')).statusCode, 400)
  })

  test('WeChat busy or rate-limiting is a retryable 503, and the retry signs in', async () => {
    const code = wechat.issueCode('openid-grandpa-zhao')
    wechat.switches.loginErrcodes.push(-1, 45011)
    for (let i = 0; i < 2; i++) {
      const busy = await loginWith(code)
      assert.equal(busy.statusCode, 503)
      assert.deepEqual(busy.json(), { code: 'WECHAT_BUSY', message: '微信服务繁忙，请稍后再试' })
    }
    assert.equal((await loginWith(code)).statusCode, 200)
  })
})

describe(`WeChat login unavailable (${TEST_DB})`, () => {
  test('without credentials the endpoint says so and points to phone login', async () => {
    const t = await createTestApp()
    try {
      const response = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'anything' } })
      assert.equal(response.statusCode, 503)
      assert.deepEqual(response.json(), { code: 'WECHAT_NOT_CONFIGURED', message: '微信登录暂未开通，请使用手机号登录' })
    } finally {
      await t.close()
    }
  })

  test('WeChat unreachable is a 502, not a crash', async () => {
    const t = await createTestApp({ WECHAT_APPID: 'wx1', WECHAT_SECRET: 's', WECHAT_API_BASE: 'http://127.0.0.1:9' })
    try {
      const response = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'x' } })
      assert.equal(response.statusCode, 502)
      assert.equal(response.json().code, 'WECHAT_LOGIN_FAILED')
      assert.equal((await t.app.inject({ url: '/api/health' })).statusCode, 200)
    } finally {
      await t.close()
    }
  })
})
