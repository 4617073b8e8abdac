import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { deliveryDeps, startOutboxWorker } from '../jobs/notification-delivery'
import { notify } from '../modules/notifications/notify'
import { startFakeWechat } from './support/fake-wechat'
import { createTestApp, TEST_DB, type TestApp } from './support/test-app'

const TEMPLATE = 'tmpl-progress-1'
const N = 30

describe(`two outbox workers at once (${TEST_DB})`, () => {
  let wechat: Awaited<ReturnType<typeof startFakeWechat>>
  let t: TestApp
  before(async () => {
    wechat = await startFakeWechat('wx1234567890abcdef', 'app-secret')
    t = await createTestApp({ WECHAT_APPID: 'wx1234567890abcdef', WECHAT_SECRET: 'app-secret', WECHAT_API_BASE: wechat.baseUrl, WECHAT_SUBSCRIBE_TEMPLATES: TEMPLATE })
  })
  after(async () => {
    await t.close()
    await wechat.close()
  })

  test(`${N} notifications → ${N} WeChat messages, none twice`, async () => {
    const now = t.ctx.now().toISOString()
    for (let i = 0; i < N; i++) {
      const userId = randomUUID()
      await t.ctx.db
        .insertInto('users')
        .values({ id: userId, phone: null, wechat_openid: `openid-${i}`, role: 'consumer', display_name: `用户${i}`, enterprise_id: null, created_at: now, updated_at: now })
        .execute()
      await t.ctx.db.insertInto('subscribe_quotas').values({ user_id: userId, template_id: TEMPLATE, remaining: 1, updated_at: now }).execute()
      await t.ctx.db.transaction().execute((trx) =>
        notify(trx, { recipientId: userId, type: 'complaint_status', title: '投诉进度：消协已受理', body: '消协受理', link: null, sourceKey: `outbox-${i}`, now: new Date() }),
      )
    }
    // Slow answers keep both workers busy at the same time.
    wechat.switches.delayMs = 20
    const stops = [startOutboxWorker(deliveryDeps(t.ctx), { intervalMs: 50 }), startOutboxWorker(deliveryDeps(t.ctx), { intervalMs: 50 })]
    const deadline = Date.now() + 20_000
    while (wechat.delivered.length < N && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
    await new Promise((resolve) => setTimeout(resolve, 500))
    await Promise.all(stops.map((stop) => stop()))
    assert.equal(wechat.delivered.length, N)
    assert.equal(new Set(wechat.delivered.map((m) => m.touser)).size, N)
    const statuses = await t.ctx.db.selectFrom('notification_deliveries').select('status').execute()
    assert.ok(statuses.every((row) => row.status === 'sent'))
  })
})
