import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import pg from 'pg'
import { loadConfig } from '../config'
import { createContext } from '../context-factory'
import type { DatabaseHandle } from '../db/database'
import type { AppContext } from '../context'
import { notify } from '../modules/notifications/notify'
import { startFakeWechat } from './support/fake-wechat'
import { TEST_DB } from './support/test-app'

const PG_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'
const TEMPLATE = 'tmpl-progress-1'

/**
 * The worker runs as its own process (`npm run worker`) and is killed with SIGKILL while WeChat has
 * not answered its send; after a restart the notification is delivered exactly once.
 */
describe(`a worker killed mid-delivery (${TEST_DB})`, () => {
  let wechat: Awaited<ReturnType<typeof startFakeWechat>>
  let env: Record<string, string>
  let ctx: AppContext
  let database: DatabaseHandle
  let cleanup: () => Promise<void>
  const children: ChildProcess[] = []

  before(async () => {
    wechat = await startFakeWechat('wx1234567890abcdef', 'app-secret')
    const dataDir = mkdtempSync(path.join(tmpdir(), 'weiquan-worker-'))
    env = {
      TOKEN_SECRET: 'test-secret-'.padEnd(40, 'x'),
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      WECHAT_APPID: 'wx1234567890abcdef',
      WECHAT_SECRET: 'app-secret',
      WECHAT_API_BASE: wechat.baseUrl,
      WECHAT_SUBSCRIBE_TEMPLATES: TEMPLATE,
      NOTIFY_LEASE_SECONDS: '1',
    }
    let dropSchema = async () => {}
    if (TEST_DB === 'postgres') {
      const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`
      const admin = new pg.Client({ connectionString: PG_URL })
      await admin.connect()
      await admin.query(`create schema ${schema}`)
      await admin.end()
      env.DATABASE_URL = `${PG_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`
      dropSchema = async () => {
        const client = new pg.Client({ connectionString: PG_URL })
        await client.connect()
        await client.query(`drop schema ${schema} cascade`)
        await client.end()
      }
    }
    ;({ ctx, database } = await createContext(loadConfig(env)))
    cleanup = async () => {
      await database.close()
      await dropSchema()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
  after(async () => {
    for (const child of children) child.kill('SIGKILL')
    // The fake WeChat first: a failed set-up must not leave it holding the test process open.
    await wechat?.close()
    await cleanup?.()
  })

  const startWorker = () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '..', 'worker.ts')], {
      env: { ...process.env, ...env },
      stdio: 'ignore',
    })
    children.push(child)
    return child
  }
  const until = async (condition: () => boolean | Promise<boolean>, ms: number, what: string) => {
    const deadline = Date.now() + ms
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  test('killed while WeChat had not answered → delivered exactly once after restart', async () => {
    const now = new Date().toISOString()
    const userId = randomUUID()
    await ctx.db
      .insertInto('users')
      .values({ id: userId, phone: null, wechat_openid: 'openid-uncle-li', role: 'consumer', display_name: '李大爷', enterprise_id: null, created_at: now, updated_at: now })
      .execute()
    await ctx.db.insertInto('subscribe_quotas').values({ user_id: userId, template_id: TEMPLATE, remaining: 1, updated_at: now }).execute()
    await ctx.db.transaction().execute((trx) =>
      notify(trx, { recipientId: userId, type: 'complaint_status', title: '投诉进度：消协已受理', body: '示例超市：消协受理', link: null, sourceKey: 'crash-test', now: new Date() }),
    )

    wechat.switches.holdNext = 1
    const first = startWorker()
    await until(() => wechat.heldCount() === 1, 20_000, 'the first worker to send')
    first.kill('SIGKILL')
    await new Promise((resolve) => first.once('exit', resolve))
    await until(() => wechat.heldOpenCount() === 0, 10_000, 'the fake WeChat to see the dead worker disconnect')
    wechat.releaseHeld()
    const row = await ctx.db.selectFrom('notification_deliveries').selectAll().executeTakeFirstOrThrow()
    assert.equal(row.status, 'sending', 'the dead worker left its lease behind')
    assert.equal(wechat.delivered.length, 0)

    const second = startWorker()
    await until(async () => (await ctx.db.selectFrom('notification_deliveries').select('status').executeTakeFirstOrThrow()).status === 'sent', 20_000, 'the restarted worker to deliver')
    // Give a duplicate every chance to appear before counting.
    await new Promise((resolve) => setTimeout(resolve, 2500))
    second.kill('SIGTERM')
    assert.equal(wechat.delivered.length, 1)
    assert.equal(wechat.delivered[0]!.touser, 'openid-uncle-li')
    const sent = await ctx.db.selectFrom('notification_deliveries').selectAll().executeTakeFirstOrThrow()
    assert.equal(Number(sent.attempts), 2)
    assert.equal(sent.template_id, TEMPLATE, 'the retry reused the quota the first attempt had taken')
  })
})
