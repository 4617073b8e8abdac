import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  firstIncompleteStep,
  newDraft,
  normalizeBusinessKey,
  photoState,
  stepErrors,
  toCreateRequest,
  type ComplaintDraft,
  type DraftPhoto,
} from '../drafts/draft-model'

const TODAY = '2026-11-23'

function draft(overrides: Partial<ComplaintDraft> = {}): ComplaintDraft {
  return {
    ...newDraft({ id: 'd-1', idempotencyKey: 'k-1', ownerId: 'u-1', phone: '13800000001', now: '2026-11-23T01:00:00.000Z' }),
    ...overrides,
  }
}

const filled = () =>
  draft({
    business: { name: ' 示例优选超市 ', region: '北京市/朝阳区', address: '', creditCode: '', enterpriseId: null },
    industry: 'food',
    incidentDate: TODAY,
    amountYuan: '128.5',
    description: '买到的牛奶已经过期三天了，商家拒绝退款还态度很差。',
    demands: ['refund', 'apology'],
    consent: true,
  })

const photo = (overrides: Partial<DraftPhoto> = {}): DraftPhoto => ({
  id: 'p-1',
  file: 'wxfile://usr/p-1.jpg',
  bytes: 1000,
  original: false,
  evidence: null,
  error: null,
  rejected: false,
  ...overrides,
})

describe('draft key: one draft per business', () => {
  test('spaces, case, full-width letters and brackets do not make a different business', () => {
    const key = normalizeBusinessKey('示例优选超市（朝阳店）')
    assert.equal(key, '示例优选超市朝阳店')
    for (const variant of [' 示例优选超市(朝阳店) ', '示例 优选 超市 （朝阳店）', '示例优选超市【朝阳店】', '示例·优选超市(朝阳店)']) {
      assert.equal(normalizeBusinessKey(variant), key, variant)
    }
    assert.equal(normalizeBusinessKey('ＡＢＣ 健身'), 'abc健身')
    assert.equal(normalizeBusinessKey('abc健身'), normalizeBusinessKey('Abc 健身'))
  })

  test('different businesses stay different; an empty name has an empty key', () => {
    assert.notEqual(normalizeBusinessKey('示例优选超市'), normalizeBusinessKey('示例优选便利店'))
    assert.equal(normalizeBusinessKey('  '), '')
  })
})

describe('inline errors per step (same rules as the server)', () => {
  test('a new draft: step 1 wants a name and an industry, step 2 the facts, step 4 the consent', () => {
    const d = draft()
    assert.deepEqual(Object.keys(stepErrors(d, 1, TODAY)).sort(), ['businessName', 'industry'])
    assert.deepEqual(Object.keys(stepErrors(d, 2, TODAY)).sort(), ['amount', 'demands', 'description', 'incidentDate'])
    assert.deepEqual(stepErrors(d, 3, TODAY), {})
    assert.deepEqual(stepErrors(d, 4, TODAY), { consent: '需要您同意后才能提交投诉' })
    assert.equal(firstIncompleteStep(d, TODAY), 1)
  })

  test('messages are the contract rules, in Chinese', () => {
    const d = draft({ description: '太短了', amountYuan: '12.345', incidentDate: '2026-11-24', demands: ['other'] })
    const errors = stepErrors(d, 2, TODAY)
    assert.equal(errors.description, '请至少写 20 个字，还差 17 个字')
    assert.equal(errors.amount, '金额只能是数字，最多两位小数')
    assert.equal(errors.incidentDate, '发生日期不能晚于今天')
    assert.equal(errors.demands, '选择“其他”时，请写明您的诉求')
    assert.equal(stepErrors(draft({ business: { ...draft().business, name: '超市', creditCode: 'ABC' } }), 1, TODAY).creditCode, '统一社会信用代码应为 18 位数字或大写字母')
    assert.equal(stepErrors(draft({ contactPhone: '123' }), 4, TODAY).contactPhone, '请输入 11 位手机号')
  })

  test('the incident date is not chosen for the person: a new draft asks for it first on step 2', () => {
    const d = draft()
    assert.equal(d.incidentDate, '')
    assert.equal(stepErrors(d, 2, TODAY).incidentDate, '请选择发生日期')
    // On screen order, so a failed 下一步 reveals the date field first.
    assert.equal(Object.keys(stepErrors(d, 2, TODAY))[0], 'incidentDate')
    assert.equal(Object.keys(stepErrors(draft({ incidentDate: TODAY }), 2, TODAY))[0], 'amount')
  })

  test('a filled draft is complete', () => {
    assert.equal(firstIncompleteStep(filled(), TODAY), null)
  })
})

describe('the submitted request', () => {
  test('trims text, turns yuan into fen, leaves out empty optional fields and lists uploaded photos', () => {
    const d = filled()
    d.photos = [photo({ id: 'a', evidence: { id: 'ev-a', sha256: 'x', original: false, uploadedAt: '2026-11-23T01:00:00.000Z' } }), photo({ id: 'b', evidence: { id: 'ev-b', sha256: 'y', original: false, uploadedAt: '2026-11-23T01:00:00.000Z' } })]
    assert.deepEqual(toCreateRequest(d), {
      business: { name: '示例优选超市', region: '北京市/朝阳区' },
      industry: 'food',
      incidentDate: TODAY,
      amountFen: 12850,
      description: '买到的牛奶已经过期三天了，商家拒绝退款还态度很差。',
      demands: ['refund', 'apology'],
      evidenceIds: ['ev-a', 'ev-b'],
      contactPhone: '13800000001',
      consentToShare: true,
      publicationConsent: { publish: false, photos: false },
    })
  })

  test('the separate consent to publish is always answered, no unless ticked; photos only with it', () => {
    const d = filled()
    d.publishPhotos = true
    assert.deepEqual(toCreateRequest(d).publicationConsent, { publish: false, photos: false })
    d.publishConsent = true
    assert.deepEqual(toCreateRequest(d).publicationConsent, { publish: true, photos: false }, 'no photos in the draft')
    d.photos = [photo({ id: 'a', evidence: { id: 'ev-a', sha256: 'x', original: false, uploadedAt: '2026-11-23T01:00:00.000Z' } })]
    assert.deepEqual(toCreateRequest(d).publicationConsent, { publish: true, photos: true })
  })

  test('the green channel is asked for only for a chosen ODR enterprise; any other business goes to the association', () => {
    const d = filled()
    assert.equal(toCreateRequest(d).path, undefined, 'a draft without a choice lets the server decide')
    d.path = 'odr'
    assert.equal(toCreateRequest(d).path, 'association', 'typed by hand: not in the directory')
    d.business = { ...d.business, enterpriseId: 'e-1', enterpriseOdr: true }
    assert.deepEqual([toCreateRequest(d).path, toCreateRequest(d).business.enterpriseId], ['odr', 'e-1'])
    d.path = 'association'
    assert.equal(toCreateRequest(d).path, 'association')
    d.path = 'odr'
    d.business.enterpriseOdr = false
    assert.equal(toCreateRequest(d).path, 'association', 'the enterprise is not in the green channel')
  })

  test('the credit code is sent in capitals', () => {
    const d = filled()
    d.business.creditCode = '91110105mA01abcd2x'
    assert.equal(toCreateRequest(d).business.creditCode, '91110105MA01ABCD2X')
  })
})

describe('photo state', () => {
  test('uploaded only when the upload matches the 原图 switch', () => {
    assert.equal(photoState(photo()), 'pending')
    assert.equal(photoState(photo({ error: '网络连接失败' })), 'failed')
    assert.equal(photoState(photo({ evidence: { id: 'e', sha256: 's', original: false, uploadedAt: '2026-11-23T01:00:00.000Z' } })), 'uploaded')
    assert.equal(photoState(photo({ original: true, evidence: { id: 'e', sha256: 's', original: false, uploadedAt: '2026-11-23T01:00:00.000Z' } })), 'pending')
  })
})

test('一键投诉: the request names the store commitment the draft carries, and an ordinary draft names none', () => {
  const terms = { days: 15, conditions: '商品完好', exclusions: ['perishable' as const], exclusionNote: null, startsOn: TODAY }
  const oneTap = { ...filled(), returnCommitment: { id: 'rc-1', enterpriseName: '示例优选超市有限公司', storeName: '三里屯店', storeAddress: '三里屯路 19 号', terms } }
  assert.equal(toCreateRequest(oneTap).returnCommitmentId, 'rc-1')
  assert.equal('returnCommitmentId' in toCreateRequest(filled()), false)
  assert.equal('returnCommitmentId' in toCreateRequest({ ...filled(), returnCommitment: null }), false)
})
