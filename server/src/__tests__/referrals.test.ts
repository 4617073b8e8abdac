import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { ReferralDestination } from '../../../src/contract/referral'
import type { StatisticsResponse } from '../../../src/contract/statistics'
import { fileComplaint } from './support/complaints'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { act, complaintRow, createCast, readComplaint, type Cast } from './support/workflow'

describe(`引导至其他部门: referring a complaint to the body that can act (${TEST_DB})`, () => {
  let t: TestApp
  let cast: Cast
  before(async () => {
    t = await createTestApp()
    cast = await createCast(t, '91')
  })
  after(() => t.close())

  const statistics = async (): Promise<StatisticsResponse> => {
    const response = await t.app.inject({ url: '/api/staff/statistics', headers: bearer(cast.staff.token) })
    assert.equal(response.statusCode, 200, response.body)
    return response.json()
  }

  test('anyone can read the destinations; each has its source, and unchecked ones say why', async () => {
    const response = await t.app.inject({ url: '/api/referral-destinations' })
    assert.equal(response.statusCode, 200, response.body)
    const { destinations } = response.json() as { destinations: ReferralDestination[] }
    const byCode = new Map(destinations.map((d) => [d.code, d]))
    assert.equal(byCode.get('telecom_appeal')?.hotline, '12300')
    assert.deepEqual(byCode.get('telecom_appeal')?.industries, ['telecom'])
    assert.equal(byCode.get('financial_regulator')?.hotline, '12378')
    assert.equal(byCode.get('transport_12328')?.hotline, '12328')
    for (const d of destinations) {
      assert.ok(d.source?.url, `${d.code} has a source page`)
      if (!d.verified) assert.ok(d.note, `${d.code} says what could not be checked`)
    }
  })

  test('staff see the telecom body suggested first for a telecom complaint; the consumer sees no options', async () => {
    const filed = await fileComplaint(t, cast.consumer.token, { industry: 'telecom' })
    const staffView = (await readComplaint(t, cast.staff.token, filed.id)).json()
    assert.equal(staffView.referral.options[0].code, 'telecom_appeal')
    assert.equal(staffView.referral.options[0].suggested, true)
    assert.equal(staffView.referral.options.filter((o: { suggested: boolean }) => o.suggested).length, 1)
    const consumerView = (await readComplaint(t, cast.consumer.token, filed.id)).json()
    assert.deepEqual(consumerView.referral, { given: null, options: [] })
  })

  test('refer: the case ends as 已引导 with the body, hotline and an event; the consumer is told where to go', async () => {
    const before = await statistics()
    const filed = await fileComplaint(t, cast.consumer.token, { industry: 'telecom' })
    const response = await act(t, cast.staff.token, filed.id, 'refer', { destination: 'telecom_appeal', note: '话费争议请先找运营商，再向 12300 申诉' })
    assert.equal(response.statusCode, 200, response.body)
    const detail = response.json()
    assert.equal(detail.status, 'referred')
    assert.equal(detail.handling.dueAt, null)
    assert.equal(detail.events.at(-1).type, 'refer')
    assert.equal(detail.events.at(-1).data.destination.hotline, '12300')
    assert.equal((await complaintRow(t, filed.id)).referred_to, 'telecom_appeal')
    assert.ok((await complaintRow(t, filed.id)).closed_at)

    const consumerView = (await readComplaint(t, cast.consumer.token, filed.id)).json()
    assert.equal(consumerView.referral.given.name, detail.events.at(-1).data.destination.name)
    assert.equal(consumerView.referral.given.hotline, '12300')
    assert.equal(consumerView.referral.given.staffNote, '话费争议请先找运营商，再向 12300 申诉')
    assert.match(consumerView.nextStep.text, /其他部门/)

    const notices = await t.ctx.db.selectFrom('notifications').selectAll().where('complaint_id', '=', filed.id).where('recipient_id', '=', cast.consumer.id).execute()
    const notice = notices.find((n) => n.body.includes('12300'))
    assert.ok(notice, JSON.stringify(notices.map((n) => n.body)))
    assert.equal(notice.title, '投诉进度：已引导')

    // Ended: nothing more can be done, and the consumer cannot rate a referral.
    assert.equal((await act(t, cast.staff.token, filed.id, 'accept')).statusCode, 409)
    assert.equal((await act(t, cast.consumer.token, filed.id, 'rate', { stars: 3 })).statusCode, 409)

    const afterRefer = await statistics()
    assert.equal(afterRefer.referred, before.referred + 1)
    assert.equal(afterRefer.closed, before.closed, 'a referral is not counted as closed (nor as refused)')
    assert.equal(afterRefer.received, before.received + 1)
    const telecom = afterRefer.byIndustry.find((row) => row.industry === 'telecom')
    assert.ok(telecom && telecom.referred >= 1)
  })

  test('a refusal is still counted as closed and not as referred', async () => {
    const before = await statistics()
    const filed = await fileComplaint(t, cast.consumer.token)
    assert.equal((await act(t, cast.staff.token, filed.id, 'reject', { ground: 'over_three_years' })).statusCode, 200)
    const afterReject = await statistics()
    assert.equal(afterReject.closed, before.closed + 1)
    assert.equal(afterReject.referred, before.referred)
  })

  test('the CSV shows 已引导 and the body', async () => {
    const filed = await fileComplaint(t, cast.consumer.token, { industry: 'finance' })
    assert.equal((await act(t, cast.staff.token, filed.id, 'refer', { destination: 'financial_regulator' })).statusCode, 200)
    const csv = await t.app.inject({ url: '/api/staff/statistics.csv', headers: bearer(cast.staff.token) })
    assert.equal(csv.statusCode, 200)
    const line = csv.body.split('\r\n').find((l) => l.startsWith(filed.number))
    assert.ok(line)
    assert.match(line, /已引导/)
    assert.match(line, /国家金融监督管理总局/)
    assert.match(csv.body.split('\r\n')[0]!, /引导至$/)
  })

  test('wrong input, role and state are refused with 4xx; the case is unchanged', async () => {
    const filed = await fileComplaint(t, cast.consumer.token)
    assert.equal((await act(t, cast.staff.token, filed.id, 'refer', {})).statusCode, 400)
    assert.equal((await act(t, cast.staff.token, filed.id, 'refer', { destination: 12300 })).statusCode, 400)
    assert.equal((await act(t, cast.staff.token, filed.id, 'refer', { destination: 'telecom_appeal', extra: 1 })).statusCode, 400)
    const unknown = await act(t, cast.staff.token, filed.id, 'refer', { destination: 'moon_office' })
    assert.equal(unknown.statusCode, 422)
    assert.equal(unknown.json().code, 'REFERRAL_DESTINATION_UNKNOWN')
    assert.match(unknown.json().message, /部门/)
    assert.equal((await act(t, cast.consumer.token, filed.id, 'refer', { destination: 'telecom_appeal' })).statusCode, 403)
    assert.equal((await act(t, cast.liaison.token, filed.id, 'refer', { destination: 'telecom_appeal' })).statusCode, 403)
    assert.equal((await complaintRow(t, filed.id)).status, 'awaiting_review')

    const withdrawn = await fileComplaint(t, cast.consumer.token)
    await t.app.inject({ method: 'POST', url: `/api/complaints/${withdrawn.id}/withdraw`, headers: bearer(cast.consumer.token) })
    assert.equal((await act(t, cast.staff.token, withdrawn.id, 'refer', { destination: 'telecom_appeal' })).statusCode, 409)
  })

  test('a double submit: one 200, one 409, one event', async () => {
    const filed = await fileComplaint(t, cast.consumer.token)
    const body = { destination: 'government_hotline' }
    const responses = await Promise.all([act(t, cast.staff.token, filed.id, 'refer', body), act(t, cast.colleague.token, filed.id, 'refer', body)])
    assert.deepEqual(responses.map((r) => r.statusCode).sort(), [200, 409])
    const events = await t.ctx.db.selectFrom('complaint_events').select('id').where('complaint_id', '=', filed.id).where('type', '=', 'refer').execute()
    assert.equal(events.length, 1)
  })

  test('an accepted case can still be referred', async () => {
    const filed = await fileComplaint(t, cast.consumer.token, { industry: 'travel' })
    assert.equal((await act(t, cast.staff.token, filed.id, 'accept')).statusCode, 200)
    const staffView = (await readComplaint(t, cast.staff.token, filed.id)).json()
    assert.equal(staffView.referral.options[0].code, 'tourism_complaints')
    assert.equal((await act(t, cast.staff.token, filed.id, 'refer', { destination: 'tourism_complaints' })).json().status, 'referred')
  })
})
