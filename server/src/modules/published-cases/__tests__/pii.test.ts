import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { findPii, maskPii, type PiiKind } from '../pii'

const FOUND: ReadonlyArray<readonly [PiiKind, string]> = [
  ['phone', '13800138000'],
  ['phone', '138 0013 8000'],
  ['phone', '138-0013-8000'],
  ['phone', '+86 139 1234 5678'],
  ['phone', '8615912345678'],
  ['phone', '１３８００１３８０００'],
  ['phone', '１３８\u3000００１３\u3000８０００'],
  ['phone', '010-65001234'],
  ['phone', '0755 2345 6789'],
  ['phone', '（021）64331234'],
  ['phone', '(0571)8765432'],
  ['phone', '0571-87654321转8001'],
  ['phone', '座机：6543210'],
  ['id_number', '110105199003071234'],
  ['id_number', '44030419851231002X'],
  ['id_number', '320102 19780101 123x'],
  ['id_number', '510104200012310018'],
  ['bank_card', '6222021234567890123'],
  ['bank_card', '6228 4800 1234 5678 912'],
  ['bank_card', '4367421234567890'],
  ['bank_card', '6212-2612-0300-1234'],
  ['address', '朝阳区建国路88号'],
  ['address', '中山东一路18号3号楼502室'],
  ['address', '南京西路1266号'],
  ['address', '幸福小区3号楼2单元401'],
  ['address', '5栋1单元1202室'],
  ['address', '人民大街一百号'],
  ['address', '华侨新村12栋'],
  ['address', '家住1502室'],
]

const CLEAN = [
  '消费者在健身房办了 3000 元的年卡，三个月后门店关闭，商家承诺 30 天内退款。',
  '2026-11-03 购买的洗衣机漏水，商家同意更换。',
  '经调解，商家退还预付款 2,680 元并赔偿 500 元。',
  '订单金额 1999.00 元，快递单在 11 月 5 日送达。',
  '商家在第 2 次调解时同意退货，并于 7 日内完成。',
  '该店 2026 年起加入线下无理由退货承诺。',
  '涉及金额 12800 元，共 18 位消费者反映同类问题。',
  '12315 热线转来的投诉，消协于次日受理。',
  '消费者购买的电动车在 200 公里后电池损坏。',
]

describe('the personal details detector', () => {
  for (const [kind, sample] of FOUND) {
    test(`finds ${kind} in “${sample}”`, () => {
      const text = `消费者说：${sample}，请联系。`
      const finds = findPii(text)
      assert.ok(finds.some((find) => find.kind === kind), `${sample}: ${JSON.stringify(finds)}`)
      const masked = maskPii(text)
      assert.deepEqual(findPii(masked), [], masked)
      assert.ok(!masked.includes(sample.trim()), masked)
    })
  }

  for (const sample of CLEAN) {
    test(`leaves ordinary case text alone: “${sample}”`, () => {
      assert.deepEqual(findPii(sample), [])
      assert.equal(maskPii(sample), sample)
    })
  }

  test("the consumer's own name, wherever it stands", () => {
    const text = '王小明在店里买了手机，王小明要求退货；王先生同意。'
    assert.deepEqual(
      findPii(text, { names: ['王小明'] }).map((find) => find.kind),
      ['name', 'name'],
    )
    assert.equal(maskPii(text, { names: ['王小明', '王'] }), '消费者在店里买了手机，消费者要求退货；王先生同意。')
  })

  test('several details in one text are all masked, the rest kept', () => {
    const text = '李娜（电话 13912345678，身份证 110105199003071234）住在幸福路12号5栋301室，卡号 6222021234567890123，退款 300 元。'
    const masked = maskPii(text, { names: ['李娜'] })
    assert.deepEqual(findPii(masked, { names: ['李娜'] }), [])
    assert.match(masked, /退款 300 元/)
    assert.deepEqual(
      findPii(text, { names: ['李娜'] }).map((find) => find.kind),
      ['name', 'phone', 'id_number', 'address', 'bank_card'],
    )
  })
})
