import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { LICENCE_PATTERN, maskDigitRuns, sessionTitle } from '../lawyer-qa-rules'
import { QA_LAWS } from '../qa-laws'

describe('lawyer Q&A rules', () => {
  test('published text hides phones, ID cards and card numbers, however they are spaced, but keeps amounts', () => {
    assert.equal(maskDigitRuns('老板电话13912345678'), '老板电话***********')
    assert.equal(maskDigitRuns('电话 139-1234-5678 或 139 1234 5678'), '电话 ***-****-**** 或 *** **** ****')
    assert.equal(maskDigitRuns('身份证11010519491231002X'), '身份证******************')
    assert.equal(maskDigitRuns('卡号 6222 0200 1234 5678'), '卡号 **** **** **** ****')
    assert.equal(maskDigitRuns('办了 4800 元的卡，2026年12月4日关门'), '办了 4800 元的卡，2026年12月4日关门')
  })

  test('a licence number is 17 digits, nothing else', () => {
    assert.ok(LICENCE_PATTERN.test('13301201610000001'))
    for (const bad of ['1330120161000000', '133012016100000012', '1330120161000000X', '13301 201610000001']) assert.ok(!LICENCE_PATTERN.test(bad), bad)
  })

  test('every law on the picker says where it was checked, or why it is not yet', () => {
    assert.equal(sessionTitle(97), '第97期')
    for (const law of QA_LAWS) assert.ok(law.verified ? law.source.length > 0 : (law.note ?? '').length > 0, law.code)
    assert.deepEqual(QA_LAWS.filter((l) => l.law.includes('消费者权益保护法')).map((l) => l.article), ['第二十四条', '第二十五条', '第五十三条', '第五十五条'])
  })
})
