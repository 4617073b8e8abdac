// Notifications: (1) status change → visible on the consumer's live stream, p50/p95 over 200 changes
// (an enterprise proposal through the API every ~120 ms, measured from sending the request to the SSE event);
// (2) WeChat subscribe deliveries per second through the outbox worker against the loopback fake
// WeChat. The real app (createContext/buildApp as server.ts) on SQLite. Gives up after 150 s.
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { CreateComplaintRequest } from '../../src/contract/complaint'
import { chinaToday, IDEMPOTENCY_HEADER } from '../../src/contract/complaint-rules'
import { buildApp } from '../../server/src/app'
import { runAdminCommand } from '../../server/src/cli/admin-commands'
import { loadConfig } from '../../server/src/config'
import { createContext } from '../../server/src/context-factory'
import { deliveryDeps, startOutboxWorker } from '../../server/src/jobs/notification-delivery'
import { notify } from '../../server/src/modules/notifications/notify'
import { startFakeWechat } from '../../server/src/__tests__/support/fake-wechat'

const CHANGES = 200
const DELIVERIES = 1000
const GIVE_UP_AFTER_MS = 150_000
const CONSUMER = '13800000001'
const LIAISON = '13900000003'
const TEMPLATE = 'tmpl-bench'

async function main() {
  setTimeout(() => {
    console.error('notifications: benchmark did not finish in time, stopping')
    process.exit(1)
  }, GIVE_UP_AFTER_MS).unref()

  const wechat = await startFakeWechat('wxbench0000000000', 'bench-secret')
  const dataDir = mkdtempSync(path.join(tmpdir(), 'weiquan-bench-'))
  const config = loadConfig({
    DATA_DIR: dataDir,
    H5_DIR: path.join(dataDir, 'no-h5'),
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    WECHAT_APPID: 'wxbench0000000000',
    WECHAT_SECRET: 'bench-secret',
    WECHAT_API_BASE: wechat.baseUrl,
    WECHAT_SUBSCRIBE_TEMPLATES: TEMPLATE,
  })
  const { ctx, database } = await createContext(config)
  const codes = new Map<string, string>()
  ctx.sms = { sendLoginCode: async (phone, code) => void codes.set(phone, code) }
  const app = await buildApp(ctx)
  try {
    await app.listen({ host: '127.0.0.1', port: 0 })
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
    await runAdminCommand(ctx.db, 'create-enterprise', { phone: LIAISON, name: '张经理', enterprise: '示例优选超市有限公司' })
    await ctx.db.updateTable('enterprises').set({ odr: 1 }).execute()
    const enterpriseId = (await ctx.db.selectFrom('enterprises').select('id').executeTakeFirstOrThrow()).id
    const consumer = await login(base, CONSUMER, codes)
    const liaison = await login(base, LIAISON, codes)
    await visibleLatency(base, consumer, liaison, enterpriseId)

    const stop = startOutboxWorker(deliveryDeps(ctx), { intervalMs: 50 })
    await deliveriesPerSecond(ctx, wechat)
    await stop()
  } finally {
    await app.close()
    await database.close()
    await wechat.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

async function visibleLatency(base: string, consumer: string, liaison: string, enterpriseId: string) {
  const ids: string[] = []
  for (let i = 0; i < CHANGES; i++) {
    const filed = await call(base, consumer, '/api/complaints', complaint(enterpriseId), { [IDEMPOTENCY_HEADER]: randomUUID() })
    ids.push((filed as { id: string }).id)
  }
  const { ticket } = (await call(base, consumer, '/api/notifications/stream-ticket')) as { ticket: string }
  const stream = await fetch(`${base}/api/notifications/stream?ticket=${encodeURIComponent(ticket)}`)
  const reader = stream.body!.getReader()
  const seen = new Map<string, number>()
  let buffer = ''
  void (async () => {
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }))
      if (chunk.done) return
      buffer += new TextDecoder().decode(chunk.value)
      for (const match of buffer.matchAll(/event: notification\ndata: (.*)\n/g)) {
        const item = JSON.parse(match[1]!) as { complaintId: string }
        if (!seen.has(item.complaintId)) seen.set(item.complaintId, performance.now())
      }
      buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 2)
    }
  })()
  // Proposals arrive every ~120 ms at random phases, as people act, not in step with the stream's polls.
  const latencies = await Promise.all(
    ids.map(async (id, i) => {
      await new Promise((resolve) => setTimeout(resolve, i * 120 + Math.random() * 120))
      const started = performance.now()
      await call(base, liaison, `/api/complaints/${id}/actions/propose`, { text: '全额退款，三日内原路退回', amountFen: 100_000, promisedDate: '2030-01-10' })
      while (!seen.has(id)) await new Promise((resolve) => setTimeout(resolve, 5))
      return seen.get(id)! - started
    }),
  )
  await reader.cancel()
  latencies.sort((a, b) => a - b)
  const pick = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!)
  console.log(`notifications: status change → visible on the live stream p50 ${pick(0.5)} ms, p95 ${pick(0.95)} ms (${CHANGES} proposals, SSE polls every 500 ms)`)
}

async function deliveriesPerSecond(ctx: Awaited<ReturnType<typeof createContext>>['ctx'], wechat: Awaited<ReturnType<typeof startFakeWechat>>) {
  const before = wechat.delivered.length
  const now = new Date().toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < DELIVERIES; i++) {
      const userId = randomUUID()
      await trx
        .insertInto('users')
        .values({ id: userId, phone: null, wechat_openid: `openid-bench-${i}`, role: 'consumer', display_name: `用户${i}`, enterprise_id: null, created_at: now, updated_at: now })
        .execute()
      await trx.insertInto('subscribe_quotas').values({ user_id: userId, template_id: TEMPLATE, remaining: 1, updated_at: now }).execute()
      await notify(trx, { recipientId: userId, type: 'complaint_status', title: '投诉进度：消协已受理', body: '示例超市：消协受理', link: null, sourceKey: `bench-${i}`, now: new Date() })
    }
  })
  const started = performance.now()
  while (wechat.delivered.length - before < DELIVERIES) await new Promise((resolve) => setTimeout(resolve, 20))
  const seconds = (performance.now() - started) / 1000
  console.log(`notifications: ${Math.round(DELIVERIES / seconds)} WeChat deliveries/s (${DELIVERIES} through one outbox worker, fake WeChat on loopback, SQLite)`)
}

async function call(base: string, token: string, url: string, body?: object, headers: Record<string, string> = {}): Promise<unknown> {
  const response = await fetch(`${base}${url}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body ? { body: JSON.stringify(body) } : {}),
  })
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`)
  return response.json()
}

async function login(base: string, phone: string, codes: Map<string, string>): Promise<string> {
  const post = (url: string, body: object) => fetch(`${base}${url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const sent = await post('/api/auth/sms-code', { phone })
  if (!sent.ok) throw new Error(`sms-code answered ${sent.status}`)
  const session = await post('/api/auth/phone', { phone, code: codes.get(phone) })
  if (!session.ok) throw new Error(`login answered ${session.status}`)
  return ((await session.json()) as { accessToken: string }).accessToken
}

function complaint(enterpriseId: string): CreateComplaintRequest {
  return {
    business: { name: '示例优选超市有限公司', enterpriseId },
    path: 'odr',
    industry: 'appliances',
    incidentDate: chinaToday(),
    amountFen: 399_900,
    description: '买的电饭煲用了三天就坏了，商家不给退换，客服电话一直打不通。',
    demands: ['refund'],
    evidenceIds: [],
    contactPhone: CONSUMER,
    consentToShare: true,
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
