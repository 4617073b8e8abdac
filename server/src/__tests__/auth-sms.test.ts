import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'

describe(`SMS login (${TEST_DB})`, () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(() => t.close())

  const sendCode = (phone: string, ip = '10.1.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/auth/sms-code', payload: { phone }, remoteAddress: ip })
  const login = (phone: string, code: string) => t.app.inject({ method: 'POST', url: '/api/auth/phone', payload: { phone, code } })
  const lastCode = (phone: string) => t.sms.filter((s) => s.phone === phone).at(-1)!.code

  test('first login registers a consumer and the code works once', async () => {
    const sent = await sendCode('13900000001')
    assert.equal(sent.statusCode, 200)
    assert.deepEqual(sent.json(), { sent: true, resendAfterSeconds: 60 })
    const code = lastCode('13900000001')
    assert.match(code, /^\d{6}$/)

    const first = await login('13900000001', code)
    assert.equal(first.statusCode, 200)
    const session = first.json()
    assert.equal(session.user.role, 'consumer')
    assert.equal(session.user.phone, '13900000001')

    const me = await t.app.inject({ url: '/api/me', headers: bearer(session.accessToken) })
    assert.equal(me.json().id, session.user.id)

    const again = await login('13900000001', code)
    assert.equal(again.statusCode, 400)
    assert.deepEqual(again.json(), { code: 'SMS_CODE_INVALID', message: '验证码错误或已过期' })
  })

  test('the answer does not reveal whether a phone is registered', async () => {
    await loginByPhone(t, '13900000002', '10.1.0.2')
    t.advance(61_000)
    const known = await sendCode('13900000002', '10.1.0.3')
    const unknown = await sendCode('13900000003', '10.1.0.3')
    assert.equal(known.statusCode, unknown.statusCode)
    assert.deepEqual(known.json(), unknown.json())
  })

  test('a code expires after five minutes', async () => {
    await sendCode('13900000004', '10.1.0.4')
    const code = lastCode('13900000004')
    t.advance(5 * 60_000 + 1000)
    const late = await login('13900000004', code)
    assert.equal(late.statusCode, 400)
    assert.equal(late.json().code, 'SMS_CODE_INVALID')
  })

  test('five wrong guesses burn the code', async () => {
    await sendCode('13900000005', '10.1.0.5')
    const code = lastCode('13900000005')
    const wrong = code === '000000' ? '111111' : '000000'
    for (let i = 0; i < 5; i++) assert.equal((await login('13900000005', wrong)).statusCode, 400)
    assert.equal((await login('13900000005', code)).statusCode, 400)
  })

  test('hundreds of concurrent guesses get no more than five tries, even with the right code among them', async () => {
    const phone = '13900000008'
    await sendCode(phone, '10.1.0.8')
    const code = lastCode(phone)
    const wrong = (i: number) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0')
    const guesses = Array.from({ length: 300 }, (_, i) => (i === 240 ? code : wrong(i)))
    const answers = await Promise.all(guesses.map((guess) => login(phone, guess)))
    assert.deepEqual(answers.filter((a) => a.statusCode === 200).length, 0, 'the right code at #240 must not log in')
    assert.ok(answers.every((a) => a.statusCode === 400))
    const row = await t.ctx.db.selectFrom('sms_codes').select('failed_attempts').where('phone', '=', phone).executeTakeFirstOrThrow()
    assert.ok(Number(row.failed_attempts) <= 5, `failed_attempts ${row.failed_attempts}`)
    assert.equal((await login(phone, code)).statusCode, 400, 'the code is burnt')
  })

  test('only the newest code counts', async () => {
    await sendCode('13900000006', '10.1.0.6')
    const older = lastCode('13900000006')
    t.advance(61_000)
    await sendCode('13900000006', '10.1.0.6')
    const newer = lastCode('13900000006')
    if (older !== newer) assert.equal((await login('13900000006', older)).statusCode, 400)
    assert.equal((await login('13900000006', newer)).statusCode, 200)
  })

  test('one code per phone per minute, ten per day', async () => {
    const phone = '13900000007'
    assert.equal((await sendCode(phone, '10.2.0.1')).statusCode, 200)
    const tooSoon = await sendCode(phone, '10.2.0.2')
    assert.equal(tooSoon.statusCode, 429)
    assert.deepEqual(tooSoon.json(), { code: 'SMS_TOO_FREQUENT', message: '验证码发送太频繁，请稍后再试' })
    for (let i = 2; i <= 10; i++) {
      t.advance(61_000)
      assert.equal((await sendCode(phone, `10.2.0.${i + 2}`)).statusCode, 200, `code ${i}`)
    }
    t.advance(61_000)
    const eleventh = await sendCode(phone, '10.2.1.1')
    assert.equal(eleventh.statusCode, 429)
    assert.equal(eleventh.json().code, 'SMS_DAILY_LIMIT')
  })

  test('past the daily cap a phone is slowed to one code an hour, not locked out for a day', async () => {
    const phone = '13900000009'
    for (let i = 1; i <= 10; i++) {
      assert.equal((await sendCode(phone, `10.4.0.${i}`)).statusCode, 200, `stranger's code ${i}`)
      t.advance(61_000)
    }
    const capped = await sendCode(phone, '10.4.1.1')
    assert.equal(capped.statusCode, 429)
    assert.deepEqual(capped.json(), { code: 'SMS_DAILY_LIMIT', message: '今天获取验证码的次数较多，每 60 分钟只能再获取一次，请稍后再试' })

    t.advance(60 * 60_000)
    const owner = await sendCode(phone, '10.4.1.2')
    assert.equal(owner.statusCode, 200)
    assert.deepEqual(owner.json(), { sent: true, resendAfterSeconds: 3600 })
    assert.equal((await login(phone, lastCode(phone))).statusCode, 200)
    t.advance(5 * 60_000)
    assert.equal((await sendCode(phone, '10.4.1.3')).statusCode, 429, 'still one an hour')
  })

  test('concurrent code requests cannot beat the per-phone limit', async () => {
    const phone = '13900000010'
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => sendCode(phone, `10.5.0.${i + 1}`)))
    assert.equal(answers.filter((a) => a.statusCode === 200).length, 1)
    assert.ok(answers.every((a) => a.statusCode === 200 || a.json().code === 'SMS_TOO_FREQUENT'))
    assert.equal(t.sms.filter((s) => s.phone === phone).length, 1)
  })

  test('one address cannot ask for codes for many phones', async () => {
    const ip = '10.3.0.1'
    for (let i = 0; i < 5; i++) assert.equal((await sendCode(`1370000000${i}`, ip)).statusCode, 200)
    const sixth = await sendCode('13700000009', ip)
    assert.equal(sixth.statusCode, 429)
    assert.equal(sixth.json().code, 'SMS_TOO_FREQUENT')
  })
})

describe(`SMS gateway failure (${TEST_DB})`, () => {
  test('a code that could not be sent does not count against the limit', async () => {
    let fail = true
    const sent: string[] = []
    const t = await createTestApp({}, {
      async sendLoginCode(_phone, code) {
        if (fail) throw new Error('gateway down')
        sent.push(code)
      },
    })
    try {
      const failed = await t.app.inject({ method: 'POST', url: '/api/auth/sms-code', payload: { phone: '13600000001' } })
      assert.equal(failed.statusCode, 502)
      assert.deepEqual(failed.json(), { code: 'SMS_SEND_FAILED', message: '验证码发送失败，请稍后再试' })
      fail = false
      const retried = await t.app.inject({ method: 'POST', url: '/api/auth/sms-code', payload: { phone: '13600000001' } })
      assert.equal(retried.statusCode, 200)
      assert.equal(sent.length, 1)
    } finally {
      await t.close()
    }
  })
})
