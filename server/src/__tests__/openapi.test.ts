import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, TEST_DB, type TestApp } from './support/test-app'

describe(`OpenAPI document (${TEST_DB})`, () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(() => t.close())

  test('lists every API route with its request schema, and the docs page opens', async () => {
    const spec = (await t.app.inject({ url: '/api/docs/json' })).json()
    for (const path of ['/api/auth/sms-code', '/api/auth/phone', '/api/auth/wechat', '/api/auth/refresh', '/api/auth/logout', '/api/me', '/api/users']) {
      assert.ok(spec.paths[path], `missing ${path}`)
    }
    const phoneBody = spec.paths['/api/auth/phone'].post.requestBody.content['application/json'].schema
    assert.deepEqual(phoneBody.required, ['phone', 'code'])
    const page = await t.app.inject({ url: '/api/docs/' })
    assert.equal(page.statusCode, 200)
    assert.match(page.headers['content-type'] as string, /html/)
  })
})
