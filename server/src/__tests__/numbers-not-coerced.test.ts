import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { countRows, postComplaint, validComplaint } from './support/complaints'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { act, createCast, fileOdrComplaint, PROPOSAL, type Cast } from './support/workflow'
import { countOf, makeVolunteer, postReport, validReport, type Person } from './support/volunteers'

/** Numbers written as text, and a boolean: none of them is a number in JSON. */
const NOT_NUMBERS: unknown[] = ['Infinity', '-Infinity', 'NaN', '0x10', '1e3', '16', ' 16', '', true, null]

function assertRefused(response: { statusCode: number; json(): unknown; body: string }, sent: unknown) {
  assert.equal(response.statusCode, 400, `${JSON.stringify(sent)} → ${response.statusCode} ${response.body}`)
  const body = response.json() as { code: string; message: string }
  assert.equal(body.code, 'VALIDATION_FAILED')
  assert.match(body.message, /[\u4e00-\u9fa5]/)
}

describe(`a number sent as text is refused, not stored (${TEST_DB})`, () => {
  let t: TestApp
  let cast: Cast
  let volunteer: Person
  before(async () => {
    t = await createTestApp()
    cast = await createCast(t, '83')
    volunteer = await makeVolunteer(t, '13683000001', { ...cast.staff, phone: '' })
  })
  after(() => t.close())

  const get = (token: string, url: string) => t.app.inject({ url, headers: bearer(token) })

  async function assertListsOpen() {
    for (const [token, url] of [
      [cast.consumer.token, '/api/complaints'],
      [cast.staff.token, '/api/staff/complaints'],
      [cast.colleague.token, '/api/staff/complaints'],
      [cast.liaison.token, '/api/enterprise/complaints'],
      [volunteer.token, '/api/field-reports/mine'],
      [cast.staff.token, '/api/staff/field-reports'],
    ] as const) {
      const response = await get(token, url)
      assert.equal(response.statusCode, 200, `${url}: ${response.body}`)
    }
    const page = await t.app.inject({ url: `/api/enterprises/${cast.enterpriseId}` })
    assert.equal(page.statusCode, 200, page.body)
  }

  test('POST /api/complaints with amountFen "Infinity", "0x10", "1e3", true… answers 400 and stores nothing', async () => {
    const before = await countRows(t, 'complaints')
    for (const amountFen of NOT_NUMBERS) {
      assertRefused(await postComplaint(t, cast.consumer.token, { ...validComplaint(t), amountFen }), amountFen)
    }
    assert.equal(await countRows(t, 'complaints'), before)
    await assertListsOpen()
  })

  test('rate {"stars":"Infinity"} and propose {"amountFen":"Infinity"} answer 400; the public enterprise page still opens', async () => {
    const filed = await fileOdrComplaint(t, cast)
    for (const amountFen of NOT_NUMBERS) assertRefused(await act(t, cast.liaison.token, filed.id, 'propose', { ...PROPOSAL, amountFen }), amountFen)
    assert.equal((await act(t, cast.liaison.token, filed.id, 'propose', PROPOSAL)).statusCode, 200)
    assert.equal((await act(t, cast.consumer.token, filed.id, 'accept_proposal')).statusCode, 200)
    for (const stars of NOT_NUMBERS) assertRefused(await act(t, cast.consumer.token, filed.id, 'rate', { stars }), stars)
    const row = await t.ctx.db.selectFrom('complaints').select(['rating', 'proposal_amount_fen']).where('id', '=', filed.id).executeTakeFirstOrThrow()
    assert.equal(row.rating, null)
    assert.equal(Number(row.proposal_amount_fen), PROPOSAL.amountFen)
    await assertListsOpen()
  })

  test('a field report with location.accuracy "Infinity" (or latitude "1e1") answers 400 and stores nothing', async () => {
    const before = await countOf(t, 'field_reports')
    for (const accuracy of NOT_NUMBERS) {
      const report = await validReport(t, volunteer)
      assertRefused(await postReport(t, volunteer, { ...report, location: { ...report.location, accuracy } }), accuracy)
    }
    const report = await validReport(t, volunteer)
    assertRefused(await postReport(t, volunteer, { ...report, location: { ...report.location, latitude: '1e1' } }), '1e1')
    const photo = report.photos[0]!
    assertRefused(await postReport(t, volunteer, { ...report, photos: [{ ...photo, accuracy: 'Infinity' }] }), 'photo accuracy')
    assert.equal(await countOf(t, 'field_reports'), before)
    await assertListsOpen()
  })

  test('query strings take plain digits only: ?limit=Infinity, 0x10, 1e3 or empty answer 400; ?limit=5 works', async () => {
    const lists: Array<[string, string]> = [
      [cast.consumer.token, '/api/complaints?limit='],
      [cast.staff.token, '/api/staff/complaints?limit='],
      [cast.liaison.token, '/api/enterprise/complaints?limit='],
      [cast.consumer.token, '/api/notifications?limit='],
      [volunteer.token, '/api/field-reports/mine?limit='],
      [cast.staff.token, '/api/staff/field-reports?limit='],
      [cast.consumer.token, '/api/enterprises?page='],
      [cast.consumer.token, '/api/warnings?pageSize='],
      [cast.staff.token, '/api/users?page='],
    ]
    for (const [token, url] of lists) {
      for (const bad of ['Infinity', '0x10', '1e3', '', '5.0', '+5', 'true']) {
        assertRefused(await get(token, url + encodeURIComponent(bad)), `${url}${bad}`)
      }
      const fine = await get(token, `${url}5`)
      assert.equal(fine.statusCode, 200, `${url}5: ${fine.body}`)
    }
  })

  test('text holding U+0000 answers 400 (PostgreSQL cannot store it and answered 500)', async () => {
    assertRefused(await get(cast.consumer.token, '/api/enterprises?q=%00'), 'q=%00')
    const before = await countRows(t, 'complaints')
    const description = '办了年卡才三个月，健身房突然关门，\u0000老板电话打不通，会员卡余额无法退还。'
    assertRefused(await postComplaint(t, cast.consumer.token, { ...validComplaint(t), description }), 'description with U+0000')
    assert.equal(await countRows(t, 'complaints'), before)
  })
})
