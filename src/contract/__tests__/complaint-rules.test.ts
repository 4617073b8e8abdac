import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'
import {
  amountError,
  amountNeedsConfirming,
  charCount,
  chinaToday,
  descriptionError,
  groupedYuan,
  IDEMPOTENCY_KEY_PATTERN,
  incidentDateError,
  messageError,
  offerSummary,
} from '../complaint-rules'

describe('complaint rules shared by the filing screens and the server', () => {
  test('characters are counted as people count them', () => {
    assert.equal(charCount('消费者'), 3)
    assert.equal(charCount('😀👍'), 2)
    assert.equal(descriptionError('字'.repeat(20)), null)
    assert.equal(descriptionError(` ${'字'.repeat(19)} `), '请至少写 20 个字，还差 1 个字')
  })

  test('incident dates: not in the future, not older than 3 years, and real', () => {
    assert.equal(incidentDateError('2026-11-23', '2026-11-23'), null)
    assert.equal(incidentDateError('2026-11-24', '2026-11-23'), '发生日期不能晚于今天')
    assert.equal(incidentDateError('2023-11-23', '2026-11-23'), null)
    assert.match(incidentDateError('2023-11-22', '2026-11-23')!, /超过 3 年/)
    assert.equal(incidentDateError('2026-02-30', '2026-11-23'), '日期格式不正确')
    assert.equal(incidentDateError('2024-02-29', '2026-11-23'), null)
  })

  test('an amount over ¥100,000 is valid but asked about once, shown with thousands separators', () => {
    assert.equal(amountError('9999999.99'), null)
    assert.equal(amountNeedsConfirming('9999999.99'), true)
    assert.equal(amountNeedsConfirming('100000'), false)
    assert.equal(amountNeedsConfirming('100000.01'), true)
    assert.equal(amountNeedsConfirming('128.5'), false)
    assert.equal(amountNeedsConfirming('12a'), false, 'an invalid amount gets its error instead')
    assert.equal(groupedYuan(999_999_999), '9,999,999.99')
    assert.equal(groupedYuan(12_850), '128.50')
    assert.equal(groupedYuan(100_000_000), '1,000,000')
  })

  test('an offer in one line: amount and the date it is due', () => {
    assert.equal(offerSummary({ amountFen: 12_850, promisedDate: '2026-12-10' }), '退赔 128.50 元，12月10日前做到')
    assert.equal(offerSummary({ amountFen: 0, promisedDate: '2027-01-05' }), '退赔 0 元，1月5日前做到')
  })

  test('the China date turns at 16:00 UTC', () => {
    assert.equal(chinaToday(new Date('2026-11-23T15:59:59Z')), '2026-11-23')
    assert.equal(chinaToday(new Date('2026-11-23T16:00:00Z')), '2026-11-24')
  })

  test('a message needs words or a photo', () => {
    assert.equal(messageError('  ', 0), '请写下补充说明，或添加照片')
    assert.equal(messageError('', 1), null)
    assert.equal(messageError('商家又来电话了', 0), null)
  })

  test('idempotency keys are UUIDs', () => {
    assert.ok(IDEMPOTENCY_KEY_PATTERN.test(randomUUID()))
    assert.ok(!IDEMPOTENCY_KEY_PATTERN.test('draft-1'))
  })
})
