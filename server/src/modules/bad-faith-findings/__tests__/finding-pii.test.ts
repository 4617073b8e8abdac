import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { containsPersonalNumber, maskPersonalNumbers } from '../finding-pii'

describe('published finding text hides the numbers of persons', () => {
  test('phones, ID numbers and bank cards, however spaced, are masked; amounts, dates and case numbers stay', () => {
    const text = '王女士（电话 139-1234-5678，身份证 11010519491231002X，卡号 6222 0200 1234 5678）于 2026 年 12 月 4 日付款 4800 元，投诉编号 WQ20261205000006，另一电话 +86 13912345678。'
    const masked = maskPersonalNumbers(text)
    assert.equal(containsPersonalNumber(masked), false, masked)
    assert.match(masked, /［手机号已隐去］.*［身份证号已隐去］.*［银行卡号已隐去］/)
    for (const kept of ['2026 年 12 月 4 日', '4800 元', 'WQ20261205000006']) assert.ok(masked.includes(kept), kept)
    assert.equal(containsPersonalNumber(text), true)
  })
})
