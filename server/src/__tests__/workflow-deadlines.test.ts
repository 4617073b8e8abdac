import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { ComplaintEventType } from '../../../src/contract/complaint-events'
import { checkDeadlines } from '../jobs/deadlines'
import { fileComplaint } from './support/complaints'
import { createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'
import { act, complaintRow, createCast, fileOdrComplaint, readComplaint, type Cast } from './support/workflow'

const china = (local: string) => new Date(`${local}+08:00`).toISOString()

describe(`deadlines (${TEST_DB})`, () => {
  let t: TestApp
  let cast: Cast
  before(async () => {
    t = await createTestApp()
    t.setNow(china('2025-09-28T10:00:00'))
    cast = await createCast(t, '73')
  })
  after(() => t.close())

  const events = (id: string, type: ComplaintEventType) =>
    t.ctx.db.selectFrom('complaint_events').selectAll().where('complaint_id', '=', id).where('type', '=', type).execute()

  test('an ODR complaint filed before National Day escalates only after its 10th working day', async () => {
    t.setNow(china('2025-09-28T10:00:00'))
    const filed = await fileOdrComplaint(t, cast)
    // 9-29, 9-30, (10-1 … 10-8 off), 10-9, 10-10, 10-11 (调休 Saturday), 10-13 … 10-17.
    assert.equal((await complaintRow(t, filed.id)).due_at, china('2025-10-17T23:59:59'))

    t.setNow(china('2025-10-08T12:00:00')) // calendar day 10
    assert.deepEqual(await checkDeadlines(t.ctx), { escalated: 0, flagged: 0 })
    t.setNow(china('2025-10-17T23:59:00'))
    await checkDeadlines(t.ctx)
    assert.equal((await complaintRow(t, filed.id)).status, 'enterprise_handling')

    t.setNow(china('2025-10-18T00:00:30'))
    const [first, second] = await Promise.all([checkDeadlines(t.ctx), checkDeadlines(t.ctx)])
    assert.equal(first!.escalated + second!.escalated, 1)
    const row = await complaintRow(t, filed.id)
    assert.equal(row.status, 'awaiting_review')
    assert.equal(row.due_kind, 'review')
    // 7 working days from Saturday 10-18: 10-20 … 10-24, 10-27, 10-28.
    assert.equal(row.due_at, china('2025-10-28T23:59:59'))
    const escalations = await events(filed.id, 'escalate')
    assert.equal(escalations.length, 1)
    assert.equal(escalations[0]!.actor_role, 'system')
    assert.equal(escalations[0]!.actor_id, null)
    assert.equal(escalations[0]!.from_status, 'enterprise_handling')

    // Run again: nothing more happens.
    assert.deepEqual(await checkDeadlines(t.ctx), { escalated: 0, flagged: 0 })

    // Through the API the consumer sees it with the association, and the enterprise can no longer answer.
    const consumer = await loginByPhone(t, '13973000001', '10.73.0.1')
    const detail = (await readComplaint(t, consumer.accessToken, filed.id)).json()
    assert.equal(detail.status, 'awaiting_review')
    assert.equal(detail.nextStep.dueAt, china('2025-10-28T23:59:59'))
    const liaison = await loginByPhone(t, '13973000003', '10.73.0.3')
    const late = await act(t, liaison.accessToken, filed.id, 'propose', { text: '退款', amountFen: 100, promisedDate: '2025-10-30' })
    assert.equal(late.statusCode, 409)
    assert.equal(late.json().code, 'INVALID_TRANSITION')
  })

  test('an answered ODR complaint is not escalated', async () => {
    t.setNow(china('2025-11-03T10:00:00'))
    const liaison = await loginByPhone(t, '13973000003', '10.73.1.3')
    const consumer = await loginByPhone(t, '13973000001', '10.73.1.1')
    const filed = await fileOdrComplaint(t, { ...cast, consumer: { id: consumer.user.id, token: consumer.accessToken } })
    const proposed = await act(t, liaison.accessToken, filed.id, 'propose', { text: '退款', amountFen: 100, promisedDate: '2025-11-10' })
    assert.equal(proposed.statusCode, 200, proposed.body)
    t.setNow(china('2025-12-31T10:00:00'))
    await checkDeadlines(t.ctx)
    assert.equal((await complaintRow(t, filed.id)).status, 'enterprise_proposed')
  })

  test('a late association step is flagged once, and survives a restart because it lives in the database', async () => {
    t.setNow(china('2026-01-05T09:00:00'))
    const consumer = await loginByPhone(t, '13973000001', '10.73.2.1')
    const filed = await fileComplaint(t, consumer.accessToken)
    const row = await complaintRow(t, filed.id)
    // Seven working days from Monday 01-05.
    assert.equal(row.due_at, china('2026-01-14T23:59:59'))
    t.setNow(china('2026-01-14T18:00:00'))
    await checkDeadlines(t.ctx)
    assert.equal((await complaintRow(t, filed.id)).overdue_at, null)

    t.setNow(china('2026-01-15T08:00:00'))
    const runs = await Promise.all([checkDeadlines(t.ctx), checkDeadlines(t.ctx)])
    assert.equal(runs[0]!.flagged + runs[1]!.flagged, 1)
    await checkDeadlines(t.ctx)
    const flagged = await complaintRow(t, filed.id)
    assert.equal(flagged.status, 'awaiting_review')
    assert.ok(flagged.overdue_at)
    assert.equal(Number(flagged.version), 0)
    const overdue = await events(filed.id, 'overdue')
    assert.equal(overdue.length, 1)
    assert.equal(overdue[0]!.actor_role, 'system')

    // Accepting starts a new step with a new deadline, and clears the flag.
    const staff = await loginByPhone(t, '13973000004', '10.73.2.4')
    const accepted = await act(t, staff.accessToken, filed.id, 'accept')
    assert.equal(accepted.statusCode, 200, accepted.body)
    assert.equal(accepted.json().handling.overdue, false)
    assert.equal(accepted.json().handling.dueKind, 'mediation')
  })
})
