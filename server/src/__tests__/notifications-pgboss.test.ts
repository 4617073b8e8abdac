import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import pg from 'pg'
import { deliveryDeps } from '../jobs/notification-delivery'
import { startPgBossWorker } from '../jobs/notification-pgboss'
import { notify } from '../modules/notifications/notify'
import { startFakeWechat } from './support/fake-wechat'
import { createTestApp, TEST_DB, type TestApp } from './support/test-app'

const PG_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'
const TEMPLATE = 'tmpl-progress-1'
const N = 40

describe('pg-boss queue with two workers (postgres)', { skip: TEST_DB !== 'postgres' && 'pg-boss needs PostgreSQL (TEST_DB=postgres)' }, () => {
  let wechat: Awaited<ReturnType<typeof startFakeWechat>>
  let t: TestApp
  const bossSchema = `pgboss_t_${randomUUID().replace(/-/g, '').slice(0, 12)}`
  before(async () => {
    wechat = await startFakeWechat('wx1234567890abcdef', 'app-secret')
    t = await createTestApp({
      DATABASE_URL: PG_URL,
      NOTIFY_QUEUE: 'pgboss',
      WECHAT_APPID: 'wx1234567890abcdef',
      WECHAT_SECRET: 'app-secret',
      WECHAT_API_BASE: wechat.baseUrl,
      WECHAT_SUBSCRIBE_TEMPLATES: TEMPLATE,
    })
  })
  after(async () => {
    await t?.close()
    await wechat?.close()
    const client = new pg.Client({ connectionString: PG_URL })
    await client.connect()
    await client.query(`drop schema if exists ${bossSchema} cascade`)
    await client.end()
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
        notify(trx, { recipientId: userId, type: 'complaint_status', title: '投诉进度：消协已受理', body: '消协受理', link: null, sourceKey: `pgboss-${i}`, now: new Date() }),
      )
    }
    wechat.switches.delayMs = 20
    const errors: unknown[] = []
    const options = { schema: bossSchema, relayMs: 200, onError: (error: unknown) => errors.push(error) }
    const stopA = await startPgBossWorker(deliveryDeps(t.ctx), PG_URL, options)
    const stopB = await startPgBossWorker(deliveryDeps(t.ctx), PG_URL, options)
    const deadline = Date.now() + 30_000
    const sentCount = async () =>
      Number((await t.ctx.db.selectFrom('notification_deliveries').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'sent').executeTakeFirstOrThrow()).n)
    while ((await sentCount()) < N && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100))
    // Both relays keep running a while: a duplicate would show up now.
    await new Promise((resolve) => setTimeout(resolve, 1500))
    await Promise.all([stopA(), stopB()])

    assert.deepEqual(errors, [])
    assert.equal(await sentCount(), N)
    assert.equal(wechat.delivered.length, N)
    assert.equal(new Set(wechat.delivered.map((m) => m.touser)).size, N)
    const jobs = await sql<{ n: string }>`select count(*) as n from ${sql.table(`${bossSchema}.job`)}`.execute(t.ctx.db)
    assert.equal(Number(jobs.rows[0]!.n), N, 'one pg-boss job per delivery even with two relays')
  })
})
