import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { countRows, fileComplaint } from './support/complaints'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'

describe(`withdrawing a complaint (${TEST_DB})`, () => {
  let t: TestApp
  let token: string
  before(async () => {
    t = await createTestApp()
    token = (await loginByPhone(t, '13900000601', '10.8.0.1')).accessToken
  })
  after(() => t.close())

  const withdraw = (id: string, payload?: object) =>
    t.app.inject({ method: 'POST', url: `/api/complaints/${id}/withdraw`, headers: bearer(token), ...(payload ? { payload } : {}) })

  test('closes it and records who, when, why and from which status', async () => {
    const complaint = await fileComplaint(t, token)
    const response = await withdraw(complaint.id, { reason: '商家已经退款了' })
    assert.equal(response.statusCode, 200, response.body)
    const detail = response.json()
    assert.equal(detail.status, 'withdrawn')
    assert.equal(detail.nextStep, null)
    const event = detail.events.at(-1)
    assert.equal(event.type, 'withdrawn')
    assert.equal(event.actorRole, 'consumer')
    assert.equal(event.note, '商家已经退款了')
    assert.equal(event.fromStatus, 'awaiting_review')
    assert.equal(event.toStatus, 'withdrawn')
    const row = await t.ctx.db.selectFrom('complaint_events').selectAll().where('id', '=', event.id).executeTakeFirstOrThrow()
    assert.equal(row.actor_id, (await t.ctx.db.selectFrom('complaints').select('consumer_id').where('id', '=', complaint.id).executeTakeFirstOrThrow()).consumer_id)
    const stored = await t.ctx.db.selectFrom('complaints').selectAll().where('id', '=', complaint.id).executeTakeFirstOrThrow()
    assert.equal(stored.closed_at, event.createdAt)
    assert.equal(Number(stored.version), 1)
  })

  test('a reason is optional, and so is the body', async () => {
    const complaint = await fileComplaint(t, token)
    const response = await withdraw(complaint.id)
    assert.equal(response.statusCode, 200, response.body)
    assert.equal(response.json().events.at(-1).note, null)
  })

  test('withdrawing twice: 409 COMPLAINT_NOT_OPEN', async () => {
    const complaint = await fileComplaint(t, token)
    assert.equal((await withdraw(complaint.id, {})).statusCode, 200)
    const again = await withdraw(complaint.id, {})
    assert.equal(again.statusCode, 409)
    assert.equal(again.json().code, 'COMPLAINT_NOT_OPEN')
  })

  test('two withdrawals at once: exactly one wins, one event is recorded', async () => {
    const complaint = await fileComplaint(t, token)
    const before = await countRows(t, 'complaint_events')
    const answers = await Promise.all([withdraw(complaint.id, { reason: '一' }), withdraw(complaint.id, { reason: '二' }), withdraw(complaint.id, {})])
    const codes = answers.map((a) => a.statusCode).sort()
    assert.deepEqual(codes, [200, 409, 409], answers.map((a) => a.body).join('\n'))
    for (const loser of answers.filter((a) => a.statusCode === 409)) {
      assert.ok(['COMPLAINT_NOT_OPEN', 'INVALID_TRANSITION'].includes(loser.json().code))
    }
    assert.equal(await countRows(t, 'complaint_events'), before + 1)
    const stored = await t.ctx.db.selectFrom('complaints').selectAll().where('id', '=', complaint.id).executeTakeFirstOrThrow()
    assert.equal(Number(stored.version), 1)
  })
})
