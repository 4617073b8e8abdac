import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { notify } from '../modules/notifications/notify'
import { createCast, fileOdrComplaint, type Cast } from './support/workflow'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { withoutGroupComplaints } from './support/complaints'

describe(`notification seq counts each person's own notifications (${TEST_DB})`, () => {
  let t: TestApp
  let cast: Cast
  before(async () => {
    t = await createTestApp()
    cast = await createCast(t, '73')
    await withoutGroupComplaints(t)
  })
  after(() => t.close())

  const inbox = async (token: string) =>
    (await t.app.inject({ url: '/api/notifications?limit=50', headers: bearer(token) })).json() as { items: Array<{ seq: number; title: string }> }
  const note = (recipientId: string, title: string) => ({
    recipientId,
    type: 'complaint_message' as const,
    title,
    body: '测试消息',
    link: null,
    sourceKey: `seq-test:${randomUUID()}`,
    now: t.ctx.now(),
  })

  test("a person's first notification is seq 1, however busy everyone else has been", async () => {
    for (let i = 0; i < 5; i++) await fileOdrComplaint(t, cast)
    assert.equal((await inbox(cast.liaison.token)).items.length, 5)
    await t.ctx.db.transaction().execute((trx) => notify(trx, note(cast.otherLiaison.id, '第一条')))
    assert.deepEqual((await inbox(cast.otherLiaison.token)).items.map((n) => n.seq), [1])
  })

  test('notifications for one person written at the same moment all arrive, each with its own seq', async () => {
    const recipient = cast.colleague
    const titles = Array.from({ length: 6 }, (_, i) => `同时 ${i}`)
    // Half in their own transactions (how the app writes them), half outside any.
    const results = await Promise.allSettled(
      titles.map((title, i) =>
        i % 2 === 0 ? t.ctx.db.transaction().execute((trx) => notify(trx, note(recipient.id, title))) : notify(t.ctx.db, note(recipient.id, title)),
      ),
    )
    assert.deepEqual(
      results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason)),
      [],
      'no write failed',
    )
    const items = (await inbox(recipient.token)).items
    assert.deepEqual(items.map((n) => n.title).sort(), [...titles].sort())
    assert.deepEqual(items.map((n) => n.seq).sort((a, b) => a - b), [1, 2, 3, 4, 5, 6])
  })
})
