import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { EMPTY_ENTERPRISE_FORM, enterpriseRequest, liaisonErrors } from '../management/enterprise-form'

const filled = { ...EMPTY_ENTERPRISE_FORM, name: ' 福满多便利店有限公司 ', industry: 'food' as const }

describe('enterprise form: what staff typed → the request, or errors beside the fields', () => {
  test('an empty form says what is missing', () => {
    const result = enterpriseRequest(EMPTY_ENTERPRISE_FORM)
    assert.ok('errors' in result)
    assert.equal(result.errors.name, '请填写企业名称，至少 2 个字')
    assert.equal(result.errors.industry, '请选择行业')
  })

  test('bad credit code, phone and too many promises are caught before sending', () => {
    const result = enterpriseRequest({ ...filled, creditCode: '123', contactPhone: '12345', promises: Array.from({ length: 11 }, (_, i) => `承诺${i}`).join('\n') })
    assert.ok('errors' in result)
    assert.match(result.errors.creditCode ?? '', /18 位/)
    assert.match(result.errors.contactPhone ?? '', /010-65001234/)
    assert.equal(result.errors.promises, '最多 10 条承诺')
  })

  test('a good form: trimmed, blanks become null, one promise per line without repeats, the ODR date only with ODR', () => {
    const result = enterpriseRequest({ ...filled, creditCode: '91110105ma0000000x', contactPhone: '010-65001234', promises: '线下无理由退货\n\n 先行赔付 \n线下无理由退货', odr: false, odrSince: '2024-01-01' })
    assert.ok('body' in result)
    assert.deepEqual(result.body, {
      name: '福满多便利店有限公司',
      industry: 'food',
      creditCode: '91110105MA0000000X',
      province: null,
      city: null,
      district: null,
      address: null,
      contactPhone: '010-65001234',
      odr: false,
      odrSince: null,
      promises: ['线下无理由退货', '先行赔付'],
    })
    const odr = enterpriseRequest({ ...filled, odr: true, odrSince: '' })
    assert.ok('body' in odr && odr.body.odr === true && odr.body.odrSince === null, 'no date: the server dates it today')
  })

  test('liaison: an 11-digit phone and a name', () => {
    assert.deepEqual(liaisonErrors('1380000', ''), { phone: '请输入 11 位手机号', name: '请填写联络员姓名' })
    assert.deepEqual(liaisonErrors('13911115555', '孙经理'), {})
  })
})
