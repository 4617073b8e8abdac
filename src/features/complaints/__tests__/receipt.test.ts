import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { chinaDateTime, chineseDate, receiptText } from '../receipt'

describe('receipt text', () => {
  test('lists the number, business, dates, amount and every photo SHA-256', () => {
    const text = receiptText({
      number: 'WQ20261123000123',
      businessName: '示例优选超市有限公司',
      createdAt: '2026-11-23T06:05:00.000Z',
      incidentDate: '2026-11-20',
      amountFen: 12850,
      photos: [{ sha256: 'a'.repeat(64) }, { sha256: 'b'.repeat(64) }],
      nextStep: { text: '商家将在 7 天内答复您', dueAt: '2026-11-30T15:59:59.000Z' },
    })
    assert.equal(
      text,
      [
        '【维权通】投诉回执',
        '投诉编号：WQ20261123000123',
        '被投诉商家：示例优选超市有限公司',
        '提交时间：2026年11月23日 14:05',
        '发生日期：2026年11月20日',
        '涉及金额：128.50 元',
        '证据照片：2 张',
        `  照片1 SHA-256：${'a'.repeat(64)}`,
        `  照片2 SHA-256：${'b'.repeat(64)}`,
        '下一步：商家将在 7 天内答复您（2026年11月30日前）',
        '凭投诉编号可在“维权通”查询处理进度。',
      ].join('\n'),
    )
  })

  test('each photo shows the SHA-256 of the file as picked next to that of the uploaded copy, and its capture time', () => {
    const photos = [
      { sha256: 'c'.repeat(64), originalSha256: 'd'.repeat(64), capturedAt: '2025-03-15T01:26:53.000Z' },
      { sha256: 'e'.repeat(64), originalSha256: 'e'.repeat(64), capturedAt: null },
    ]
    const text = receiptText({ number: 'WQ2', businessName: 'X', createdAt: '2026-01-01T00:00:00Z', incidentDate: '2026-01-01', amountFen: 0, photos, nextStep: null })
    assert.ok(
      text.includes(
        [
          '证据照片：2 张',
          `  照片1 原图 SHA-256（与相册中的照片对应）：${'d'.repeat(64)}`,
          `  照片1 上传件 SHA-256（压缩后上传的文件）：${'c'.repeat(64)}`,
          '  照片1 拍摄时间：2025年3月15日 09:26',
          `  照片2 原图 SHA-256（原图上传，与相册中的照片相同）：${'e'.repeat(64)}`,
          '凭投诉编号',
        ].join('\n'),
      ),
      text,
    )
  })

  test('no photos and no next step', () => {
    const text = receiptText({ number: 'WQ1', businessName: 'X', createdAt: '2026-01-01T00:00:00Z', incidentDate: '2026-01-01', amountFen: 0, photos: [], nextStep: null })
    assert.match(text, /证据照片：0 张\n凭投诉编号/)
    assert.match(text, /涉及金额：0 元/)
  })

  test('dates are China time whatever the zone of the phone', () => {
    assert.equal(chinaDateTime('2026-11-23T16:30:00Z'), '2026年11月24日 00:30')
    assert.equal(chineseDate('2026-01-05'), '2026年1月5日')
  })
})
