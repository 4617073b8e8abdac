import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { checkDeadlines } from '../jobs/deadlines'
import { remindNearDeadlines } from '../jobs/notification-deadline-reminders'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { complaintRow, createCast, fileOdrComplaint, type Cast } from './support/workflow'

describe(`deadline notifications (${TEST_DB})`, () => {
  let t: TestApp
  let cast: Cast
  before(async () => {
    // The clock moves weeks ahead; sign-ins must outlive that.
    t = await createTestApp({ ACCESS_TOKEN_TTL_SECONDS: String(60 * 24 * 3600), REFRESH_TOKEN_TTL_DAYS: '90' })
    cast = await createCast(t, '63')
  })
  after(() => t.close())

  const inbox = async (token: string) =>
    (await t.app.inject({ method: 'GET', url: '/api/notifications', headers: bearer(token) })).json().items as Array<{ type: string; title: string; complaintId: string }>

  test('a day before the enterprise deadline its liaison is reminded once; when it passes everyone concerned hears of the escalation', async () => {
    const filed = await fileOdrComplaint(t, cast)
    const dueAt = (await complaintRow(t, filed.id)).due_at!
    assert.equal(await remindNearDeadlines(t.ctx), 0, 'too early')

    t.setNow(new Date(Date.parse(dueAt) - 6 * 3600_000).toISOString())
    assert.equal(await remindNearDeadlines(t.ctx), 1)
    assert.equal(await remindNearDeadlines(t.ctx), 0, 'one reminder per step')
    const reminder = (await inbox(cast.liaison.token))[0]!
    assert.equal(reminder.type, 'deadline')
    assert.equal(reminder.complaintId, filed.id)
    assert.equal((await inbox(cast.consumer.token)).filter((n) => n.type === 'deadline').length, 0)

    t.setNow(new Date(Date.parse(dueAt) + 60_000).toISOString())
    assert.equal((await checkDeadlines(t.ctx)).escalated, 1)
    const liaison = (await inbox(cast.liaison.token))[0]!
    assert.equal(liaison.type, 'deadline')
    assert.match(liaison.title, /超过答复时限/)
    const consumer = (await inbox(cast.consumer.token))[0]!
    assert.equal(consumer.type, 'complaint_status')
    assert.equal(consumer.title, '投诉进度：等待消协受理')
    assert.equal((await inbox(cast.staff.token))[0]!.type, 'complaint_assigned')

    const reviewDue = (await complaintRow(t, filed.id)).due_at!
    t.setNow(new Date(Date.parse(reviewDue) - 3600_000).toISOString())
    await remindNearDeadlines(t.ctx)
    for (const member of [cast.staff, cast.colleague]) {
      const items = await inbox(member.token)
      assert.equal(items[0]!.type, 'deadline', 'unassigned review: every staff member is reminded')
    }
  })
})
