import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { ConfigError, loadConfig } from '../config'

const base = { TOKEN_SECRET: 'y'.repeat(40) }

describe('configuration is checked at start-up', () => {
  test('defaults need nothing set', () => {
    const config = loadConfig(base)
    assert.equal(config.port, 3000)
    assert.equal(config.databaseUrl, undefined)
    assert.equal(config.sms.provider, 'console')
    assert.equal(config.wechat.apiBase, 'https://api.weixin.qq.com')
  })

  test('each bad value is named in Chinese', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ PORT: 'abc' }, /PORT/],
      [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
      [{ SMS_PROVIDER: 'pigeon' }, /SMS_PROVIDER/],
      [{ SMS_PROVIDER: 'http' }, /SMS_API_BASE/],
      [{ WECHAT_APPID: 'wx1' }, /WECHAT_SECRET/],
      [{ WECHAT_API_BASE: 'not a url' }, /WECHAT_API_BASE/],
      [{ TOKEN_SECRET: 'short' }, /TOKEN_SECRET/],
      [{ SEED_DEMO: 'maybe' }, /SEED_DEMO/],
    ]
    for (const [env, message] of cases) {
      assert.throws(() => loadConfig({ ...base, ...env }), (error: Error) => error instanceof ConfigError && message.test(error.message))
    }
  })
})
