import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, TEST_DB, type TestApp } from './support/test-app'

describe(`bad input gets a Chinese {code, message} and the server stays up (${TEST_DB})`, () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(() => t.close())

  const post = (url: string, payload: string, contentType = 'application/json') =>
    t.app.inject({ method: 'POST', url, payload, headers: { 'content-type': contentType } })

  function assertError(response: { statusCode: number; json(): unknown }, status: number, code: string) {
    assert.equal(response.statusCode, status)
    const body = response.json() as { code: string; message: string }
    assert.equal(body.code, code)
    assert.match(body.message, /[\u4e00-\u9fa5]/, 'message is Chinese')
    assert.doesNotMatch(JSON.stringify(body), /at .*\.ts|stack/i)
  }

  test('malformed JSON', async () => {
    assertError(await post('/api/auth/sms-code', '{"phone": "1380'), 400, 'INVALID_JSON')
    assertError(await post('/api/auth/sms-code', ''), 400, 'INVALID_JSON')
  })

  test('wrong types and formats name the field', async () => {
    const response = await post('/api/auth/sms-code', JSON.stringify({ phone: '12345' }))
    assertError(response, 400, 'VALIDATION_FAILED')
    assert.match((response.json() as { message: string }).message, /phone/)
    assertError(await post('/api/auth/sms-code', JSON.stringify({ phone: { $gt: '' } })), 400, 'VALIDATION_FAILED')
    assertError(await post('/api/auth/phone', JSON.stringify({ phone: '13800000001', code: 'abcdef' })), 400, 'VALIDATION_FAILED')
    assertError(await post('/api/auth/sms-code', JSON.stringify([1, 2])), 400, 'VALIDATION_FAILED')
  })

  test('missing and unknown fields', async () => {
    const missing = await post('/api/auth/phone', JSON.stringify({ phone: '13800000001' }))
    assertError(missing, 400, 'VALIDATION_FAILED')
    assert.equal((missing.json() as { message: string }).message, '缺少必填项「code」')
    const extra = await post('/api/auth/sms-code', JSON.stringify({ phone: '13800000001', role: 'staff' }))
    assertError(extra, 400, 'VALIDATION_FAILED')
    assert.equal((extra.json() as { message: string }).message, '不支持的字段「role」')
  })

  test('oversized bodies', async () => {
    assertError(await post('/api/auth/sms-code', JSON.stringify({ phone: 'x'.repeat(100_000) })), 413, 'PAYLOAD_TOO_LARGE')
  })

  test('unsupported content type', async () => {
    assertError(await post('/api/auth/sms-code', 'phone=13800000001', 'application/x-www-form-urlencoded'), 415, 'UNSUPPORTED_MEDIA_TYPE')
  })

  test('unknown routes and methods', async () => {
    assertError(await t.app.inject({ url: '/api/nothing-here' }), 404, 'NOT_FOUND')
    assertError(await t.app.inject({ method: 'DELETE', url: '/api/me' }), 404, 'NOT_FOUND')
    assertError(await t.app.inject({ url: '/api/users?page=abc' }), 401, 'UNAUTHENTICATED')
  })

  test('after all of that the server still answers', async () => {
    const health = await t.app.inject({ url: '/api/health' })
    assert.equal(health.statusCode, 200)
    assert.equal(health.json().database, TEST_DB)
  })
})
