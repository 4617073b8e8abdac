import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { halfWidthDigits, maskPhone, phoneError, smsCodeError } from '../rules'
import { ERROR_MESSAGES, isErrorCode } from '../error-codes'
import { hasWorkspace, ROLE_LABELS } from '../roles'

describe('field rules shown inline in the app', () => {
  test('phone numbers', () => {
    assert.equal(phoneError(''), '请输入手机号')
    assert.equal(phoneError('1380000'), '请输入 11 位手机号')
    assert.equal(phoneError('23800000001'), '请输入 11 位手机号')
    assert.equal(phoneError(' 13800000001 '), null)
  })

  test('digits typed with a Chinese keyboard (全角) become ordinary digits', () => {
    assert.equal(halfWidthDigits('１３８０００００００１'), '13800000001')
    assert.equal(halfWidthDigits('１２８．５'), '128.5')
    assert.equal(halfWidthDigits('１２８。５'), '128.5')
    assert.equal(halfWidthDigits('138 0000'), '138 0000')
    assert.equal(phoneError(halfWidthDigits('１３８０００００００１')), null)
  })

  test('SMS codes', () => {
    assert.equal(smsCodeError(''), '请输入验证码')
    assert.equal(smsCodeError('12a456'), '验证码是 6 位数字')
    assert.equal(smsCodeError('123456'), null)
  })

  test('masked phones keep the first three and last four digits', () => {
    assert.equal(maskPhone('13812341234'), '138****1234')
  })
})

describe('shared vocabulary', () => {
  test('every error code has Chinese text', () => {
    for (const [code, message] of Object.entries(ERROR_MESSAGES)) {
      assert.ok(isErrorCode(code))
      assert.match(message, /[\u4e00-\u9fa5]/, code)
    }
    assert.equal(isErrorCode('toString'), false)
  })

  test('every role has a label; only consumers have no workspace', () => {
    assert.deepEqual(Object.keys(ROLE_LABELS), ['consumer', 'volunteer', 'enterprise', 'staff'])
    assert.equal(hasWorkspace('consumer'), false)
    assert.equal(hasWorkspace('staff'), true)
  })
})
