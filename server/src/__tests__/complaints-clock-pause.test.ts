import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { ComplaintDetail } from '../../../src/contract/complaint'
import type { WorkQueueResponse } from '../../../src/contract/complaint-actions'
import { checkDeadlines } from '../jobs/deadlines'
import { fileComplaint } from './support/complaints'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { act, complaintRow, createCast, readComplaint, type Cast } from './support/workflow'

const china = (local: string) => new Date(`${local}+08:00`).toISOString()

describe(`testing/appraisal pause of the case clock (${TEST_DB})`, () => {
  let t: TestApp
  let cast: Cast
  before(async () => {
    t = await createTestApp({ ACCESS_TOKEN_TTL_SECONDS: String(365 * 86_400), REFRESH_TOKEN_TTL_DAYS: '365' })
    t.setNow(china('2026-06-01T10:00:00'))
    cast = await createCast(t, '91')
  })
  after(() => t.close())

  const detail = async (id: string, token: string) => (await readComplaint(t, token, id)).json() as ComplaintDetail
  const notificationsOf = (userId: string, complaintId: string) =>
    t.ctx.db.selectFrom('notifications').select('title').where('recipient_id', '=', userId).where('complaint_id', '=', complaintId).execute()

  test('pausing for 3 working days moves the deadline by exactly 3 working days; both sides see 计时已暂停 meanwhile', async () => {
    t.setNow(china('2026-06-01T10:00:00')) // Monday
    const filed = await fileComplaint(t, cast.consumer.token)
    // 7 working days: 6-02 … 6-05, 6-08 … 6-10.
    assert.equal((await complaintRow(t, filed.id)).due_at, china('2026-06-10T23:59:59'))
    // samr-2026 version 3 (2026-12-04T0040): version 2 plus the performance follow-up section.
    assert.equal((await detail(filed.id, cast.staff.token)).rules.ruleSetId, 'samr-2026-performance')

    t.setNow(china('2026-06-02T15:00:00'))
    const paused = await act(t, cast.staff.token, filed.id, 'pause_clock', { reason: '送检：会员卡消费记录司法鉴定' })
    assert.equal(paused.statusCode, 200, paused.body)
    const whilePaused = paused.json() as ComplaintDetail
    assert.equal(whilePaused.handling.clockPaused?.reason, '送检：会员卡消费记录司法鉴定')
    const leftAtPause = whilePaused.handling.dueDaysLeft
    assert.equal(leftAtPause, 6)

    // Days pass: the countdown does not move, for the consumer and in the staff queue.
    t.setNow(china('2026-06-05T11:00:00'))
    const consumerView = await detail(filed.id, cast.consumer.token)
    assert.equal(consumerView.handling.dueDaysLeft, leftAtPause)
    // No date is promised while paused.
    assert.equal(consumerView.nextStep?.dueAt, null)
    assert.match(consumerView.nextStep?.text ?? '', /暂停计时/)
    assert.ok(consumerView.handling.clockPaused)
    const queue = (await t.app.inject({ method: 'GET', url: '/api/staff/complaints', headers: bearer(cast.staff.token) })).json() as WorkQueueResponse
    const item = queue.items.find((i) => i.id === filed.id)!
    assert.equal(item.clockPausedAt?.slice(0, 16), china('2026-06-02T15:00:00').slice(0, 16))
    assert.equal(item.dueDaysLeft, leftAtPause)

    // Resumed on Friday 6-05: 6-03, 6-04, 6-05 were paused, so 6-10 becomes 6-15 (6-11, 6-12, 6-15).
    const resumed = await act(t, cast.staff.token, filed.id, 'resume_clock', { note: '鉴定报告已出' })
    assert.equal(resumed.statusCode, 200, resumed.body)
    const row = await complaintRow(t, filed.id)
    assert.equal(row.due_at, china('2026-06-15T23:59:59'))
    assert.equal(row.clock_paused_at, null)
    const events = (await detail(filed.id, cast.consumer.token)).events
    const resumeEvent = events.find((e) => e.type === 'resume_clock')!
    assert.equal(resumeEvent.data?.pausedDays, 3)
    assert.ok(events.some((e) => e.type === 'pause_clock' && e.note === '送检：会员卡消费记录司法鉴定'))

    // The consumer was told of both.
    const told = await notificationsOf(cast.consumer.id, filed.id)
    assert.ok(told.length >= 2, JSON.stringify(told))
  })

  test('the overdue job leaves a paused case alone', async () => {
    t.setNow(china('2026-07-01T10:00:00'))
    const filed = await fileComplaint(t, cast.consumer.token)
    assert.equal((await act(t, cast.staff.token, filed.id, 'pause_clock', { reason: '产品送质检机构检测' })).statusCode, 200)
    t.setNow(china('2026-08-20T10:00:00')) // long past the 7 working days
    await checkDeadlines(t.ctx)
    const row = await complaintRow(t, filed.id)
    assert.equal(row.overdue_at, null)
    const overdue = await t.ctx.db.selectFrom('complaint_events').select('id').where('complaint_id', '=', filed.id).where('type', '=', 'overdue').execute()
    assert.equal(overdue.length, 0)
    assert.equal((await detail(filed.id, cast.staff.token)).handling.overdue, false)

    // Once resumed the deadline lies ahead again (moved by the paused weeks) and the job has nothing to flag.
    assert.equal((await act(t, cast.staff.token, filed.id, 'resume_clock', {})).statusCode, 200)
    await checkDeadlines(t.ctx)
    const after = await complaintRow(t, filed.id)
    assert.ok(Date.parse(after.due_at!) > Date.parse(china('2026-08-20T10:00:00')))
    assert.equal(after.overdue_at, null)
  })

  test('a second pause is refused with 409; resuming a running clock too; other roles get 403', async () => {
    t.setNow(china('2026-09-01T10:00:00'))
    const filed = await fileComplaint(t, cast.consumer.token)
    const notPaused = await act(t, cast.staff.token, filed.id, 'resume_clock', {})
    assert.deepEqual([notPaused.statusCode, notPaused.json().code], [409, 'CLOCK_NOT_PAUSED'])
    assert.equal((await act(t, cast.staff.token, filed.id, 'pause_clock', { reason: '检测' })).statusCode, 200)
    const again = await act(t, cast.colleague.token, filed.id, 'pause_clock', { reason: '再次检测' })
    assert.deepEqual([again.statusCode, again.json().code], [409, 'CLOCK_ALREADY_PAUSED'])
    assert.match(again.json().message, /计时已暂停/)

    for (const token of [cast.consumer.token, cast.liaison.token]) {
      assert.equal((await act(t, token, filed.id, 'pause_clock', { reason: '检测' })).statusCode, 403)
      assert.equal((await act(t, token, filed.id, 'resume_clock', {})).statusCode, 403)
    }
    // No reason, no pause.
    assert.equal((await act(t, cast.staff.token, filed.id, 'pause_clock', { reason: '  ' })).statusCode, 400)
  })

  test('two pauses at once: one wins, the other gets 409', async () => {
    t.setNow(china('2026-09-07T10:00:00'))
    const filed = await fileComplaint(t, cast.consumer.token)
    const results = await Promise.all([
      act(t, cast.staff.token, filed.id, 'pause_clock', { reason: '检测一' }),
      act(t, cast.colleague.token, filed.id, 'pause_clock', { reason: '检测二' }),
    ])
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409])
    const pauses = await t.ctx.db.selectFrom('complaint_events').select('id').where('complaint_id', '=', filed.id).where('type', '=', 'pause_clock').execute()
    assert.equal(pauses.length, 1)
  })

  test('whether paused time counts comes from the case rules: a 2019 case cannot pause, and the basis is shown unverified', async () => {
    t.setNow(china('2026-03-02T10:00:00'))
    const old = await fileComplaint(t, cast.consumer.token)
    const refused = await act(t, cast.staff.token, old.id, 'pause_clock', { reason: '检测' })
    assert.deepEqual([refused.statusCode, refused.json().code], [422, 'CLOCK_PAUSE_NOT_IN_RULES'])
    const v2 = (await t.app.inject({ method: 'GET', url: '/api/rule-sets/samr-2026-v2' })).json()
    assert.equal(v2.content.testingPause.excluded, true)
    assert.equal(v2.content.testingPause.verified, false)
    assert.ok(v2.content.testingPause.source.url)
  })
})
