import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { referralSummary } from '../detail/referral-summary'

describe('referral summary (复制 on a referred complaint)', () => {
  test('carries the number, business, date, amount, demands and facts', () => {
    const text = referralSummary(
      {
        number: 'WQ20261123000123',
        business: { name: '某通信营业厅', address: '人民路 1 号', region: null, creditCode: null, enterpriseId: null },
        amountFen: 1_234_550,
        incidentDate: '2026-11-20',
        description: '办理宽带时承诺每月 59 元，实际每月扣费 129 元，营业厅拒绝退还差价。',
        demands: ['refund', 'other'],
        demandDetail: '取消套餐',
      },
    )
    assert.equal(
      text,
      [
        '【投诉情况】（经消费者协会引导）',
        '原投诉编号：WQ20261123000123',
        '被投诉商家：某通信营业厅',
        '商家地址：人民路 1 号',
        '发生日期：2026年11月20日',
        '涉及金额：12,345.50 元',
        '诉求：退款、其他（取消套餐）',
        '事情经过：办理宽带时承诺每月 59 元，实际每月扣费 129 元，营业厅拒绝退还差价。',
      ].join('\n'),
    )
  })
})
