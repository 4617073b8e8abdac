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
    assert.equal(config.https, false)
    assert.equal(config.wechat.apiBase, 'https://api.weixin.qq.com')
    assert.deepEqual(config.notifications, { queue: 'outbox', embeddedWorker: true, maxAttempts: 6, leaseSeconds: 30, subscribeTemplates: [], miniprogramState: 'formal', sms: false })
  })

  test('TRUST_PROXY is off, a hop count (true = 1) or a list of proxy addresses and ranges', () => {
    for (const off of [undefined, '', 'false', '0']) assert.equal(loadConfig({ ...base, TRUST_PROXY: off }).trustProxy, false)
    const hops = (value: string) => {
      const trust = loadConfig({ ...base, TRUST_PROXY: value }).trustProxy
      assert.equal(typeof trust, 'function')
      return [0, 1, 2, 3].filter((hop) => (trust as (address: string, hop: number) => boolean)('10.0.0.1', hop)).length
    }
    assert.equal(hops('true'), 1)
    assert.equal(hops('1'), 1)
    assert.equal(hops('2'), 2)
    assert.deepEqual(loadConfig({ ...base, TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1,loopback' }).trustProxy, ['10.0.0.0/8', '127.0.0.1', '::1', 'loopback'])
  })

  test('HTTPS=1 (or true, yes) serves over https', () => {
    for (const value of ['1', 'true', 'yes']) assert.equal(loadConfig({ ...base, HTTPS: value }).https, true)
    assert.equal(loadConfig({ ...base, HTTPS: '0' }).https, false)
  })

  test('subscribe templates are a comma list or a JSON array', () => {
    assert.deepEqual(loadConfig({ ...base, WECHAT_SUBSCRIBE_TEMPLATES: ' tA , tB ' }).notifications.subscribeTemplates, ['tA', 'tB'])
    assert.deepEqual(loadConfig({ ...base, WECHAT_SUBSCRIBE_TEMPLATES: '["t-1"]' }).notifications.subscribeTemplates, ['t-1'])
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
      [{ NOTIFY_QUEUE: 'kafka' }, /NOTIFY_QUEUE/],
      [{ NOTIFY_QUEUE: 'pgboss' }, /DATABASE_URL/],
      [{ WECHAT_SUBSCRIBE_TEMPLATES: 'a,b,c,d' }, /WECHAT_SUBSCRIBE_TEMPLATES/],
      [{ WECHAT_SUBSCRIBE_TEMPLATES: '["a", 3]' }, /WECHAT_SUBSCRIBE_TEMPLATES/],
      [{ NOTIFY_MAX_ATTEMPTS: '0' }, /NOTIFY_MAX_ATTEMPTS/],
      [{ WECHAT_MINIPROGRAM_STATE: 'beta' }, /WECHAT_MINIPROGRAM_STATE/],
      [{ TRUST_PROXY: 'maybe' }, /TRUST_PROXY.*"maybe"/],
      [{ SMS_PHONE_SLOW_MINUTES: '0' }, /SMS_PHONE_SLOW_MINUTES/],
      [{ TRUST_PROXY: '10.0.0.0/33,127.0.0.1' }, /TRUST_PROXY.*"10.0.0.0\/33"/],
      [{ TRUST_PROXY: '99' }, /TRUST_PROXY/],
      [{ HTTPS: 'maybe' }, /HTTPS/],
      [{ HTTPS: 'on' }, /HTTPS/],
    ]
    for (const [env, message] of cases) {
      assert.throws(() => loadConfig({ ...base, ...env }), (error: Error) => error instanceof ConfigError && message.test(error.message))
    }
  })
})

describe('S3 storage is configured all or nothing', () => {
  const s3 = { S3_ENDPOINT: 'http://127.0.0.1:7480/', S3_BUCKET: 'weiquan', S3_ACCESS_KEY_ID: 'key', S3_SECRET_ACCESS_KEY: 'secret' }

  test('none set keeps photos on disk; all set selects the bucket, region defaulting to us-east-1', () => {
    assert.equal(loadConfig(base).s3, undefined)
    assert.deepEqual(loadConfig({ ...base, S3_REGION: 'cn-north-1' }).s3, undefined)
    assert.deepEqual(loadConfig({ ...base, ...s3 }).s3, {
      endpoint: 'http://127.0.0.1:7480',
      bucket: 'weiquan',
      accessKeyId: 'key',
      secretAccessKey: 'secret',
      region: 'us-east-1',
    })
  })

  test('a partial or bad S3 setting is named in Chinese', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ S3_ENDPOINT: s3.S3_ENDPOINT }, /S3_BUCKET、S3_ACCESS_KEY_ID、S3_SECRET_ACCESS_KEY/],
      [{ ...s3, S3_SECRET_ACCESS_KEY: '' }, /需要设置 S3_SECRET_ACCESS_KEY/],
      [{ ...s3, S3_ENDPOINT: 'not a url' }, /S3_ENDPOINT 不是有效的网址/],
      [{ ...s3, S3_BUCKET: 'My_Bucket' }, /S3_BUCKET 不是有效的存储桶名称/],
    ]
    for (const [env, message] of cases) {
      assert.throws(() => loadConfig({ ...base, ...env }), (error: Error) => error instanceof ConfigError && message.test(error.message))
    }
  })
})
