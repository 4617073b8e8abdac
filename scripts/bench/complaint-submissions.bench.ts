// Complaint submissions per second on the embedded SQLite database: the real app (same
// createContext/buildApp path as server.ts) on 127.0.0.1, one signed-in consumer, no photos,
// a fresh Idempotency-Key per request. Runs ~10 s and gives up after 90 s whatever happens.
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import type { CreateComplaintRequest } from '../../src/contract/complaint'
import { chinaToday, IDEMPOTENCY_HEADER } from '../../src/contract/complaint-rules'
import { buildApp } from '../../server/src/app'
import { loadConfig } from '../../server/src/config'
import { createContext } from '../../server/src/context-factory'

const DURATION_SECONDS = 10
const CONNECTIONS = 10
const GIVE_UP_AFTER_MS = 90_000
const PHONE = '13800000001'

async function main() {
  const watchdog = setTimeout(() => {
    console.error('complaints: benchmark did not finish in time, stopping')
    process.exit(1)
  }, GIVE_UP_AFTER_MS)
  watchdog.unref()

  const dataDir = mkdtempSync(path.join(tmpdir(), 'weiquan-bench-'))
  // An explicit environment: never the developer's DATABASE_URL or data folder.
  const config = loadConfig({ DATA_DIR: dataDir, H5_DIR: path.join(dataDir, 'no-h5'), SEED_DEMO: 'false', LOG_LEVEL: 'warn' })
  const { ctx, database } = await createContext(config)
  const codes: string[] = []
  ctx.sms = { sendLoginCode: async (_phone, code) => void codes.push(code) }
  const app = await buildApp(ctx)
  try {
    await app.listen({ host: '127.0.0.1', port: 0 })
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
    const token = await login(base, codes)
    const result = await autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: DURATION_SECONDS,
      requests: [
        {
          method: 'POST',
          path: '/api/complaints',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(complaint()),
          setupRequest: (request) => ({ ...request, headers: { ...request.headers, [IDEMPOTENCY_HEADER]: randomUUID() } }),
        },
      ],
    })
    const filed = await database.db
      .selectFrom('complaints')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const perSecond = Math.round(result['2xx'] / result.duration)
    console.log(`complaints: ${perSecond} submissions/s on SQLite (p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms)`)
    // The database may hold a few more: requests still in flight when the clock stopped were committed.
    console.log(`  ${result['2xx']} answered 2xx in ${result.duration} s over ${CONNECTIONS} connections; ${Number(filed.n)} complaints in the database`)
    if (result.non2xx || result.errors || result.timeouts) {
      console.log(`  not filed: ${result.non2xx} non-2xx answers ${JSON.stringify(result.statusCodeStats)}, ${result.errors} errors, ${result.timeouts} timeouts`)
    }
  } finally {
    await app.close()
    await database.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

async function login(base: string, codes: string[]): Promise<string> {
  const post = (url: string, body: object) =>
    fetch(`${base}${url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const sent = await post('/api/auth/sms-code', { phone: PHONE })
  if (!sent.ok) throw new Error(`sms-code answered ${sent.status}`)
  const session = await post('/api/auth/phone', { phone: PHONE, code: codes.at(-1) })
  if (!session.ok) throw new Error(`login answered ${session.status}`)
  return ((await session.json()) as { accessToken: string }).accessToken
}

function complaint(): CreateComplaintRequest {
  return {
    business: { name: '快乐健身有限公司', address: '朝阳区建国路 88 号', region: '北京市/朝阳区' },
    industry: 'prepaid',
    incidentDate: chinaToday(),
    amountFen: 399_900,
    description: '办了年卡才三个月，健身房突然关门，老板电话打不通，会员卡余额无法退还。',
    demands: ['refund'],
    evidenceIds: [],
    contactPhone: PHONE,
    consentToShare: true,
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
