import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { runAdminCommand } from '../cli/admin-commands'
import { checkDeadlines } from '../jobs/deadlines'
import { remindNearDeadlines } from '../jobs/notification-deadline-reminders'
import { claimDueDeliveries } from '../modules/notifications/notification-delivery'
import { insertComplaintAbout } from './support/enterprises'
import { createTestApp, TEST_DB, type TestApp } from './support/test-app'

const N = 120

/**
 * Two workers on one database (PostgreSQL: two pools on the same schema, as two processes would have)
 * run the same batch job at once: every item is handled exactly once, and on PostgreSQL both take
 * part (SKIP LOCKED hands them disjoint batches instead of making one wait for the other).
 */
describe(`two workers run the batch jobs at once (${TEST_DB})`, () => {
  let a: TestApp
  let b: TestApp
  let enterpriseId: string
  before(async () => {
    a = await createTestApp()
    b = TEST_DB === 'postgres' ? await a.another() : a
    await runAdminCommand(a.ctx.db, 'create-enterprise', { phone: '13972000003', name: '张经理', enterprise: '示例优选超市有限公司' })
    await runAdminCommand(a.ctx.db, 'create-staff', { phone: '13972000004', name: '陈主任' })
    enterpriseId = (await a.ctx.db.selectFrom('enterprises').select('id').executeTakeFirstOrThrow()).id
  })
  after(() => a.close())

  const bothWorked = (counts: number[]) => {
    if (TEST_DB === 'postgres') assert.ok(counts.every((count) => count > 0), `one worker did nothing: ${counts.join(' / ')}`)
  }

  test(`${N} passed deadlines: each escalated once`, async () => {
    const past = new Date(a.ctx.now().getTime() - 3600_000).toISOString()
    const ids: string[] = []
    for (let n = 0; n < N; n++) {
      ids.push(await insertComplaintAbout(a, enterpriseId, { status: 'enterprise_handling', createdAt: past, columns: { due_at: past, due_kind: 'enterprise_response' } }))
    }
    const [first, second] = await Promise.all([checkDeadlines(a.ctx), checkDeadlines(b.ctx)])
    assert.equal(first.escalated + second.escalated, N)
    bothWorked([first.escalated, second.escalated])
    const events = await a.ctx.db.selectFrom('complaint_events').select('complaint_id').where('type', '=', 'escalate').execute()
    assert.equal(events.length, N)
    assert.equal(new Set(events.map((e) => e.complaint_id)).size, N)
  })

  test(`${N} steps due soon: each reminded once`, async () => {
    const created = new Date(a.ctx.now().getTime() - 3600_000).toISOString()
    const soon = new Date(a.ctx.now().getTime() + 3 * 3600_000).toISOString()
    const staff = (await a.ctx.db.selectFrom('users').select('id').where('phone', '=', '13972000004').executeTakeFirstOrThrow()).id
    const ids: string[] = []
    for (let n = 0; n < N; n++) {
      const columns = { due_at: soon, due_kind: 'review' as const, assigned_staff_id: staff }
      ids.push(await insertComplaintAbout(a, enterpriseId, { status: 'awaiting_review', createdAt: created, columns }))
    }
    // Only these: the escalated complaints of the test before are due for review within the day too.
    await a.ctx.db.updateTable('complaints').set({ due_at: null, due_kind: null }).where('id', 'not in', ids).execute()
    const [first, second] = await Promise.all([remindNearDeadlines(a.ctx), remindNearDeadlines(b.ctx)])
    assert.equal(first + second, N)
    bothWorked([first, second])
    const reminders = await a.ctx.db.selectFrom('notifications').select('complaint_id').where('source_key', 'like', 'deadline-near:%').execute()
    assert.equal(new Set(reminders.map((r) => r.complaint_id)).size, N)
    assert.equal(reminders.length, N)
    assert.equal(await remindNearDeadlines(a.ctx), 0)
  })

  test('due deliveries: the two claims are disjoint and cover every row', async () => {
    const notification = await a.ctx.db.selectFrom('notifications').select(['id', 'recipient_id']).executeTakeFirstOrThrow()
    const at = new Date(a.ctx.now().getTime() - 1000).toISOString()
    await a.ctx.db
      .insertInto('notification_deliveries')
      .values(
        Array.from({ length: N }, () => ({
          id: randomUUID(),
          notification_id: notification.id,
          recipient_id: notification.recipient_id,
          channel: 'sms' as const,
          idempotency_key: randomUUID(),
          status: 'pending' as const,
          attempts: 0,
          next_attempt_at: at,
          lease_until: null,
          lease_owner: null,
          last_error: null,
          template_id: null,
          created_at: at,
          updated_at: at,
          sent_at: null,
        })),
      )
      .execute()
    const claims = await Promise.all(
      [a, b, a, b].map((t, n) => claimDueDeliveries(t.ctx.db, `worker-${n}`, t.ctx.now(), 60, 40)),
    )
    const ids = claims.flat().map((row) => row.id)
    assert.equal(ids.length, N)
    assert.equal(new Set(ids).size, N)
    bothWorked([claims[0]!.length + claims[2]!.length, claims[1]!.length + claims[3]!.length])
    assert.ok(claims.flat().every((row) => row.status === 'sending' && Number(row.attempts) === 1))
  })
})
