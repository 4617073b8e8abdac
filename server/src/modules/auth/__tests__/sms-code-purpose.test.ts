import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, TEST_DB, type TestApp } from '../../../__tests__/support/test-app'
import { requestSmsCode, useSmsCode } from '../auth.service'

describe(`an SMS code confirms one thing only (${TEST_DB})`, () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(() => t.close())

  const lastCode = (phone: string) => t.sms.filter((s) => s.phone === phone).at(-1)!.code
  const login = (phone: string, code: string) => t.app.inject({ method: 'POST', url: '/api/auth/phone', payload: { phone, code } })
  const consent = (subject: string) => ({ purpose: 'walk_in_consent', subject }) as const

  test('a consent code read out at a station counter cannot log anybody in', async () => {
    await requestSmsCode(t.ctx, '13900000101', '10.9.0.1', consent('filing-1'))
    const refused = await login('13900000101', lastCode('13900000101'))
    assert.equal(refused.statusCode, 400)
    assert.equal(refused.json().code, 'SMS_CODE_INVALID')
    // The code is still good for what it was sent for.
    await useSmsCode(t.ctx, '13900000101', lastCode('13900000101'), consent('filing-1'))
  })

  test('a login code does not confirm a filing, and a consent code confirms only its own filing', async () => {
    t.advance(61_000)
    await t.app.inject({ method: 'POST', url: '/api/auth/sms-code', payload: { phone: '13900000102' }, remoteAddress: '10.9.0.2' })
    await assert.rejects(useSmsCode(t.ctx, '13900000102', lastCode('13900000102'), consent('filing-2')), { code: 'SMS_CODE_INVALID' })
    assert.equal((await login('13900000102', lastCode('13900000102'))).statusCode, 200)

    t.advance(61_000)
    await requestSmsCode(t.ctx, '13900000102', '10.9.0.2', consent('filing-3'))
    await assert.rejects(useSmsCode(t.ctx, '13900000102', lastCode('13900000102'), consent('filing-4')), { code: 'SMS_CODE_INVALID' })
    await useSmsCode(t.ctx, '13900000102', lastCode('13900000102'), consent('filing-3'))
  })

  test('codes of every purpose count towards the same per-phone limits', async () => {
    t.advance(61_000)
    await requestSmsCode(t.ctx, '13900000103', '10.9.0.3', consent('filing-5'))
    const second = await t.app.inject({ method: 'POST', url: '/api/auth/sms-code', payload: { phone: '13900000103' }, remoteAddress: '10.9.0.4' })
    assert.equal(second.statusCode, 429)
  })
})
