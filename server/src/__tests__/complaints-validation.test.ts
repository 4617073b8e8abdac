import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { CreateComplaintRequest } from '../../../src/contract/complaint'
import { chinaToday } from '../../../src/contract/complaint-rules'
import { attachedEvidenceCount, countRows, fileComplaint, postComplaint, validComplaint } from './support/complaints'
import { insertEvidenceRows } from './support/evidence-rows'
import { createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'

const chinese = (n: number) => '消费者权益保护法规定商家应当退款'.repeat(Math.ceil(n / 16)).slice(0, n)

/** The China date `days` from today. */
function chinaDay(t: TestApp, days: number) {
  return chinaToday(new Date(t.ctx.now().getTime() + days * 86_400_000))
}

describe(`bad complaints are refused and nothing is written (${TEST_DB})`, () => {
  let t: TestApp
  let token: string
  let consumerId: string
  before(async () => {
    t = await createTestApp()
    const session = await loginByPhone(t, '13900000201', '10.3.0.1')
    token = session.accessToken
    consumerId = session.user.id
  })
  after(() => t.close())

  /** Posts and checks the refusal, and that no complaint, event or photo link appeared. */
  async function refused(body: unknown, status: number, code: string, message?: RegExp) {
    const before = { complaints: await countRows(t, 'complaints'), events: await countRows(t, 'complaint_events'), photos: await attachedEvidenceCount(t) }
    const response = await postComplaint(t, token, body)
    assert.equal(response.statusCode, status, response.body)
    assert.equal(response.json().code, code)
    assert.match(response.json().message, message ?? /[\u4e00-\u9fa5]/)
    assert.deepEqual(
      { complaints: await countRows(t, 'complaints'), events: await countRows(t, 'complaint_events'), photos: await attachedEvidenceCount(t) },
      before,
    )
  }
  const withChanges = (changes: Partial<CreateComplaintRequest>) => validComplaint(t, changes)

  test('a description of 19 Chinese characters is too short', async () => {
    await refused(withChanges({ description: chinese(19) }), 400, 'VALIDATION_FAILED', /至少写 20 个字，还差 1 个字/)
  })

  test('blanks around the description do not count', async () => {
    await refused(withChanges({ description: `   ${chinese(19)}\n\n` }), 400, 'VALIDATION_FAILED', /还差 1 个字/)
  })

  test('2000 Chinese characters are fine, 2001 are too many', async () => {
    assert.equal((await postComplaint(t, token, withChanges({ description: chinese(2000) }))).statusCode, 201)
    await refused(withChanges({ description: chinese(2001) }), 400, 'VALIDATION_FAILED', /不能超过 2000 个字，已超出 1 个字/)
  })

  test('an emoji counts as one character', async () => {
    assert.equal((await postComplaint(t, token, withChanges({ description: '😀'.repeat(20) }))).statusCode, 201)
    await refused(withChanges({ description: '😀'.repeat(19) }), 400, 'VALIDATION_FAILED', /还差 1 个字/)
  })

  test('a negative amount', async () => {
    await refused(withChanges({ amountFen: -1 }), 400, 'VALIDATION_FAILED', /amountFen/)
  })

  test('an absurd amount (more than ¥10,000,000)', async () => {
    await refused(withChanges({ amountFen: 1_000_000_001 }), 400, 'VALIDATION_FAILED', /amountFen/)
  })

  test('an amount that is not whole fen', async () => {
    await refused(withChanges({ amountFen: 12.5 }), 400, 'VALIDATION_FAILED', /amountFen/)
  })

  test('an incident date in the future (China date)', async () => {
    await refused(withChanges({ incidentDate: chinaDay(t, 1) }), 400, 'VALIDATION_FAILED', /不能晚于今天/)
  })

  test('an incident more than 3 years ago', async () => {
    const [y, m, d] = chinaToday(t.ctx.now()).split('-')
    const threeYearsAgo = `${Number(y) - 3}-${m}-${d}`
    assert.equal((await postComplaint(t, token, withChanges({ incidentDate: threeYearsAgo }))).statusCode, 201)
    await refused(withChanges({ incidentDate: chinaDay(t, -(3 * 366 + 1)) }), 400, 'VALIDATION_FAILED', /超过 3 年/)
  })

  test('a date that does not exist', async () => {
    await refused(withChanges({ incidentDate: '2025-02-30' }), 400, 'VALIDATION_FAILED', /日期格式不正确/)
  })

  test("'other' demand without saying what", async () => {
    await refused(withChanges({ demands: ['refund', 'other'], demandDetail: '  ' }), 400, 'VALIDATION_FAILED', /请写明您的诉求/)
  })

  test('no consent to share with the business', async () => {
    await refused(withChanges({ consentToShare: false as never }), 400, 'VALIDATION_FAILED', /consentToShare/)
  })

  test('a business name of one character', async () => {
    await refused(withChanges({ business: { name: ' 店 ' } }), 400, 'VALIDATION_FAILED', /商家名称至少 2 个字/)
  })

  test('a malformed credit code', async () => {
    await refused(withChanges({ business: { name: '快乐健身有限公司', creditCode: '12345' } }), 400, 'VALIDATION_FAILED', /统一社会信用代码/)
  })

  test('unknown fields', async () => {
    await refused({ ...withChanges({}), status: 'resolved' }, 400, 'VALIDATION_FAILED', /不支持的字段「status」/)
  })

  test('a 10th photo', async () => {
    const photos = await insertEvidenceRows(t, consumerId, 10)
    await refused(withChanges({ evidenceIds: photos }), 400, 'TOO_MANY_PHOTOS', /最多上传 9 张照片/)
    assert.equal((await postComplaint(t, token, withChanges({ evidenceIds: photos.slice(0, 9) }))).statusCode, 201)
  })

  test('an unknown photo id', async () => {
    const [mine] = await insertEvidenceRows(t, consumerId, 1)
    await refused(withChanges({ evidenceIds: [mine!, 'no-such-photo'] }), 422, 'EVIDENCE_INVALID')
  })

  test("another user's photo", async () => {
    const other = await loginByPhone(t, '13900000202', '10.3.0.2')
    const [mine] = await insertEvidenceRows(t, consumerId, 1)
    const [theirs] = await insertEvidenceRows(t, other.user.id, 1)
    await refused(withChanges({ evidenceIds: [mine!, theirs!] }), 422, 'EVIDENCE_INVALID')
  })

  test('a photo already attached to another complaint', async () => {
    const [used] = await insertEvidenceRows(t, consumerId, 1)
    await fileComplaint(t, token, { evidenceIds: [used!] })
    const [fresh] = await insertEvidenceRows(t, consumerId, 1)
    await refused(withChanges({ evidenceIds: [fresh!, used!] }), 422, 'EVIDENCE_INVALID')
  })

  test('the same photo twice', async () => {
    const [photo] = await insertEvidenceRows(t, consumerId, 1)
    await refused(withChanges({ evidenceIds: [photo!, photo!] }), 400, 'VALIDATION_FAILED')
  })

  test('a refused submission leaves no gap in the numbers', async () => {
    const rows = await t.ctx.db.selectFrom('complaints').select('number').orderBy('number').execute()
    assert.deepEqual(
      rows.map((r) => Number(r.number.slice(-6))),
      rows.map((_, i) => i + 1),
    )
  })
})
