import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { insertEvidenceRows } from './support/evidence-rows'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'
import { createCast, fileOdrComplaint, PROPOSAL, readComplaint, type Cast } from './support/workflow'

describe(`who looked at a consumer's personal details (${TEST_DB})`, () => {
  let t: TestApp
  let cast: Cast
  before(async () => {
    t = await createTestApp()
    cast = await createCast(t, '73')
  })
  after(() => t.close())

  const get = (token: string, url: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) })
  const accessLog = (token: string, complaintId: string, extra = '') => get(token, `/api/staff/access-log?complaintId=${complaintId}${extra}`)

  test('the liaison sees the phone while the case is open with them, masked once it is closed; each read is recorded', async () => {
    const filed = await fileOdrComplaint(t, cast)
    const open = await readComplaint(t, cast.liaison.token, filed.id)
    assert.equal(open.statusCode, 200, open.body)
    assert.equal(open.json().contactPhone, '13800000001')

    const withdrawn = await t.app.inject({ method: 'POST', url: `/api/complaints/${filed.id}/withdraw`, headers: bearer(cast.consumer.token), payload: {} })
    assert.equal(withdrawn.statusCode, 200, withdrawn.body)
    assert.equal((await readComplaint(t, cast.liaison.token, filed.id)).json().contactPhone, '138****0001')

    const log = (await accessLog(cast.staff.token, filed.id)).json()
    assert.deepEqual(
      log.items.map((entry: { what: string; actorId: string; organizationId: string }) => [entry.what, entry.actorId, entry.organizationId]),
      [
        ['detail', cast.liaison.id, cast.enterpriseId],
        ['phone', cast.liaison.id, cast.enterpriseId],
      ],
    )
    assert.equal(log.items[0].organization, '示例优选超市有限公司')
  })

  test('the consumer sees who opened the case by role and organization, never the staff member; list views are not recorded', async () => {
    const filed = await fileOdrComplaint(t, cast)
    assert.deepEqual((await readComplaint(t, cast.consumer.token, filed.id)).json().viewers, [])
    assert.equal((await get(cast.staff.token, '/api/staff/complaints')).statusCode, 200)
    assert.equal((await get(cast.liaison.token, '/api/enterprise/complaints')).statusCode, 200)
    assert.equal((await readComplaint(t, cast.staff.token, filed.id)).statusCode, 200)
    assert.equal((await readComplaint(t, cast.liaison.token, filed.id)).statusCode, 200)

    const mine = await readComplaint(t, cast.consumer.token, filed.id)
    const viewers = mine.json().viewers as Array<{ roleLabel: string; organization: string; what: string; at: string }>
    assert.deepEqual(
      viewers.map(({ roleLabel, organization, what }) => ({ roleLabel, organization, what })),
      [
        { roleLabel: '企业联络员', organization: '示例优选超市有限公司', what: 'phone' },
        { roleLabel: '消协工作人员', organization: '消费者协会', what: 'phone' },
      ],
    )
    const text = JSON.stringify(viewers)
    for (const secret of [cast.staff.id, cast.liaison.id, '13973000004', '陈主任', '张经理']) assert.ok(!text.includes(secret), secret)

    // Another consumer cannot learn anything about it.
    const other = await loginByPhone(t, '13773000009')
    assert.equal((await readComplaint(t, other.accessToken, filed.id)).statusCode, 404)
  })

  test("the answer to a liaison's action holds the phone, so it is recorded as a read too", async () => {
    const filed = await fileOdrComplaint(t, cast)
    const proposed = await t.app.inject({ method: 'POST', url: `/api/complaints/${filed.id}/actions/propose`, headers: bearer(cast.liaison.token), payload: PROPOSAL })
    assert.equal(proposed.statusCode, 200, proposed.body)
    assert.equal(proposed.json().contactPhone, '13800000001')
    const log = (await accessLog(cast.staff.token, filed.id)).json()
    assert.deepEqual(log.items.map((entry: { what: string; actorId: string }) => [entry.what, entry.actorId]), [['phone', cast.liaison.id]])
  })

  test('original photos and exports are recorded too', async () => {
    const [photo] = await insertEvidenceRows(t, cast.consumer.id, 1)
    const filed = await fileOdrComplaint(t, cast, { evidenceIds: [photo!] })
    assert.equal((await get(cast.staff.token, `/api/evidence/${photo}/original`)).statusCode, 200)
    assert.equal((await accessLog(cast.staff.token, filed.id)).json().items[0].what, 'original_photo')

    assert.equal((await get(cast.staff.token, '/api/staff/statistics.csv')).statusCode, 200)
    assert.equal((await get(cast.staff.token, '/api/staff/field-reports.csv')).statusCode, 200)
    const latest = (await get(cast.staff.token, '/api/staff/access-log?limit=2')).json().items
    assert.deepEqual(
      latest.map((entry: { what: string; complaintId: string | null; actorId: string }) => [entry.what, entry.complaintId, entry.actorId]),
      [
        ['export', null, cast.staff.id],
        ['export', null, cast.staff.id],
      ],
    )
  })

  test('the log pages by cursor, newest first', async () => {
    const filed = await fileOdrComplaint(t, cast)
    for (let i = 0; i < 3; i++) {
      assert.equal((await readComplaint(t, cast.staff.token, filed.id)).statusCode, 200)
      t.advance(1000)
    }
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: { items: Array<{ id: string; at: string }>; nextCursor: string | null } = (await accessLog(cast.staff.token, filed.id, `&limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json()
      seen.push(...page.items.map((entry) => entry.at))
      cursor = page.nextCursor
    } while (cursor)
    assert.equal(seen.length, 3)
    assert.deepEqual(seen, [...seen].sort().reverse())
    assert.equal((await accessLog(cast.staff.token, filed.id, '&cursor=nonsense')).statusCode, 400)
  })

  test('liaisons, consumers and volunteers cannot read the access log, not even of their own organization', async () => {
    const filed = await fileOdrComplaint(t, cast)
    await readComplaint(t, cast.liaison.token, filed.id)
    for (const token of [cast.liaison.token, cast.otherLiaison.token, cast.consumer.token]) {
      const refused = await accessLog(token, filed.id)
      assert.equal(refused.statusCode, 403)
      assert.equal(refused.json().code, 'FORBIDDEN')
    }
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/staff/access-log' })).statusCode, 401)
  })
})
