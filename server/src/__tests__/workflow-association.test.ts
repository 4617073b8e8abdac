import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { fileComplaint } from './support/complaints'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { act, complaintRow, createCast, readComplaint, type Cast } from './support/workflow'

describe(`the association path (${TEST_DB})`, () => {
  let t: TestApp
  let cast: Cast
  before(async () => {
    t = await createTestApp()
    cast = await createCast(t, '72')
  })
  after(() => t.close())

  const step = async (token: string, id: string, action: string, payload?: object) => {
    const response = await act(t, token, id, action, payload)
    assert.equal(response.statusCode, 200, `${action}: ${response.body}`)
    return response.json()
  }

  test('accept → mediate → mediated with the recovered amount → close', async () => {
    const filed = await fileComplaint(t, cast.consumer.token)
    assert.equal((await complaintRow(t, filed.id)).due_kind, 'review')

    const assigned = await step(cast.staff.token, filed.id, 'assign', { staffId: cast.colleague.id })
    assert.equal(assigned.handling.assignedStaffId, cast.colleague.id)
    assert.equal(assigned.status, 'awaiting_review')

    const accepted = await step(cast.colleague.token, filed.id, 'accept', { note: '符合受理条件' })
    assert.equal(accepted.status, 'accepted')
    assert.ok(accepted.handling.acceptedAt)
    assert.equal(accepted.handling.dueKind, 'mediation')
    // 《办法》(2026) 第二十三条第一款第（五）项: sixty (calendar) days from acceptance, to the end of that China day.
    const acceptedOn = new Date(Date.parse(accepted.handling.acceptedAt) + 8 * 3_600_000).toISOString().slice(0, 10)
    const sixtyDaysOn = new Date(Date.parse(`${acceptedOn}T00:00:00Z`) + 60 * 86_400_000).toISOString().slice(0, 10)
    assert.equal(accepted.handling.dueAt, new Date(`${sixtyDaysOn}T23:59:59+08:00`).toISOString())
    assert.equal(accepted.nextStep.dueAt, accepted.handling.dueAt)

    assert.equal((await step(cast.colleague.token, filed.id, 'start_mediation')).status, 'mediating')
    const noted = await step(cast.colleague.token, filed.id, 'note', { text: '已电话联系商家，约定周五到场调解' })
    assert.equal(noted.status, 'mediating')

    const mediated = await step(cast.colleague.token, filed.id, 'mediation_succeeded', { agreement: '商家退还 3000 元', recoveredAmountFen: 300_000 })
    assert.equal(mediated.status, 'mediated')
    assert.equal(mediated.handling.recoveredAmountFen, 300_000)
    assert.equal(mediated.handling.outcome, '商家退还 3000 元')
    assert.deepEqual(mediated.events.at(-1).data, { recoveredAmountFen: 300_000 })

    const closed = await step(cast.colleague.token, filed.id, 'close', { outcome: '调解成功，商家已履行' })
    assert.equal(closed.status, 'closed')
    assert.equal(closed.handling.dueAt, null)
    const events = closed.events as Array<{ type: string; actorRole: string; fromStatus: string; toStatus: string }>
    assert.deepEqual(
      events.map((e) => e.type),
      ['submitted', 'assign', 'accept', 'start_mediation', 'note', 'mediation_succeeded', 'close'],
    )
    assert.ok(events.slice(1).every((e) => e.actorRole === 'staff'))
    const row = await t.ctx.db.selectFrom('complaint_events').selectAll().where('complaint_id', '=', filed.id).where('type', '=', 'accept').executeTakeFirstOrThrow()
    assert.equal(row.actor_id, cast.colleague.id)
    assert.equal(row.note, '符合受理条件')

    // Terminal: nothing more, but the consumer may rate.
    const again = await act(t, cast.colleague.token, filed.id, 'close', { outcome: '再结一次' })
    assert.equal(again.statusCode, 409)
    assert.equal(again.json().code, 'INVALID_TRANSITION')
    assert.equal((await step(cast.consumer.token, filed.id, 'rate', { stars: 4 })).handling.rating.stars, 4)
  })

  test('mediation fails with advice, then closes', async () => {
    const filed = await fileComplaint(t, cast.consumer.token)
    await step(cast.staff.token, filed.id, 'accept')
    await step(cast.staff.token, filed.id, 'start_mediation')
    const bad = await act(t, cast.staff.token, filed.id, 'mediation_failed', { advice: 'shout' })
    assert.equal(bad.statusCode, 400)
    const failed = await step(cast.staff.token, filed.id, 'mediation_failed', { advice: 'support_litigation_letter', note: '商家拒不到场' })
    assert.equal(failed.status, 'mediation_failed')
    assert.deepEqual(failed.events.at(-1).data, { advice: 'support_litigation_letter' })
    assert.equal((await step(cast.staff.token, filed.id, 'close', { outcome: '已出具支持诉讼函' })).status, 'closed')
  })

  test('rejection needs one of the legal grounds', async () => {
    const filed = await fileComplaint(t, cast.consumer.token)
    assert.equal((await act(t, cast.staff.token, filed.id, 'reject', {})).statusCode, 400)
    // Well-formed but not a ground of this case's rule set: refused with the reason.
    const unknown = await act(t, cast.staff.token, filed.id, 'reject', { ground: 'dont_like_it' })
    assert.equal(unknown.statusCode, 422)
    assert.equal(unknown.json().code, 'REFUSAL_GROUND_NOT_IN_RULES')
    assert.equal((await complaintRow(t, filed.id)).status, 'awaiting_review')
    const rejected = await step(cast.staff.token, filed.id, 'reject', { ground: 'over_three_years' })
    assert.equal(rejected.status, 'rejected')
    assert.equal(rejected.handling.rejectionGround, 'over_three_years')
    assert.equal((await act(t, cast.consumer.token, filed.id, 'rate', { stars: 1 })).statusCode, 409)
  })

  test('staff-only actions and queues refuse consumers and liaisons (403); liaisons cannot read association complaints', async () => {
    const filed = await fileComplaint(t, cast.consumer.token)
    for (const action of ['accept', 'start_mediation', 'note', 'assign']) {
      assert.equal((await act(t, cast.consumer.token, filed.id, action, {})).statusCode, 403, action)
    }
    assert.equal((await act(t, cast.liaison.token, filed.id, 'accept')).statusCode, 403)
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/staff/complaints', headers: bearer(cast.consumer.token) })).statusCode, 403)
    assert.equal((await readComplaint(t, cast.liaison.token, filed.id)).statusCode, 404)
    // Out of order is a conflict, not a permission problem.
    const early = await act(t, cast.staff.token, filed.id, 'mediation_succeeded', { agreement: '退款', recoveredAmountFen: 1 })
    assert.equal(early.statusCode, 409)
    const unknownField = await act(t, cast.staff.token, filed.id, 'accept', { note: '受理', priority: 'high' })
    assert.equal(unknownField.statusCode, 400)
    assert.equal((await act(t, cast.staff.token, filed.id, 'assign', { staffId: cast.consumer.id })).statusCode, 422)
  })

  test('a double accept: one wins, the other gets 409', async () => {
    const filed = await fileComplaint(t, cast.consumer.token)
    const responses = await Promise.all([act(t, cast.staff.token, filed.id, 'accept'), act(t, cast.colleague.token, filed.id, 'accept')])
    assert.deepEqual(responses.map((r) => r.statusCode).sort(), [200, 409])
    assert.equal(Number((await complaintRow(t, filed.id)).version), 1)
  })

  test('the staff queue filters by status and by who handles it', async () => {
    const mine = await fileComplaint(t, cast.consumer.token)
    await step(cast.staff.token, mine.id, 'assign', { staffId: cast.staff.id })
    const queue = async (query: string) => {
      const response = await t.app.inject({ method: 'GET', url: `/api/staff/complaints${query}`, headers: bearer(cast.staff.token) })
      assert.equal(response.statusCode, 200, response.body)
      return response.json().items as Array<{ id: string; status: string; assignedStaffId: string | null; dueAt: string | null }>
    }
    const assignedToMe = await queue('?assigned=me')
    assert.ok(assignedToMe.length >= 1)
    assert.ok(assignedToMe.every((item) => item.assignedStaffId === cast.staff.id))
    const waiting = await queue('?status=awaiting_review')
    assert.ok(waiting.some((item) => item.id === mine.id))
    assert.ok(waiting.every((item) => item.status === 'awaiting_review'))
    const due = waiting.map((item) => item.dueAt ?? '~')
    assert.deepEqual(due, [...due].sort())
    const open = await queue('')
    assert.ok(open.every((item) => !['resolved', 'rejected', 'withdrawn', 'closed'].includes(item.status)))
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/staff/complaints?status=nope', headers: bearer(cast.staff.token) })).statusCode, 400)
  })

  test('withdrawing still works on any open step and clears the deadline', async () => {
    const filed = await fileComplaint(t, cast.consumer.token)
    await step(cast.staff.token, filed.id, 'accept')
    const response = await t.app.inject({ method: 'POST', url: `/api/complaints/${filed.id}/withdraw`, headers: bearer(cast.consumer.token) })
    assert.equal(response.statusCode, 200, response.body)
    assert.equal(response.json().status, 'withdrawn')
    assert.equal(response.json().handling.dueAt, null)
  })
})
