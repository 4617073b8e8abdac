// Public warnings list (首页 → 消费警示, the read a storm hits) per second on the embedded SQLite
// database: the real app on 127.0.0.1 with the demo data, no login; once as plain JSON and once
// with `Accept-Encoding: gzip` like a phone. Runs ~2×8 s and gives up after 90 s whatever happens.
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { buildApp } from '../../server/src/app'
import { loadConfig } from '../../server/src/config'
import { createContext } from '../../server/src/context-factory'
import { seedDemoData } from '../../server/src/seed/demo'

const DURATION_SECONDS = 8
const CONNECTIONS = 10
const GIVE_UP_AFTER_MS = 90_000

async function main() {
  const watchdog = setTimeout(() => {
    console.error('warnings: benchmark did not finish in time, stopping')
    process.exit(1)
  }, GIVE_UP_AFTER_MS)
  watchdog.unref()

  const dataDir = mkdtempSync(path.join(tmpdir(), 'weiquan-bench-'))
  const config = loadConfig({ DATA_DIR: dataDir, H5_DIR: path.join(dataDir, 'no-h5'), SEED_DEMO: 'false', LOG_LEVEL: 'warn' })
  const { ctx, database } = await createContext(config)
  await seedDemoData(ctx.db)
  const app = await buildApp(ctx)
  try {
    await app.listen({ host: '127.0.0.1', port: 0 })
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
    for (const [label, headers] of [['plain', {}], ['gzip', { 'accept-encoding': 'gzip' }]] as const) {
      const result = await autocannon({ url: base, connections: CONNECTIONS, duration: DURATION_SECONDS, requests: [{ method: 'GET', path: '/api/warnings', headers }] })
      const perSecond = Math.round(result['2xx'] / result.duration)
      const bytes = Math.round(result.throughput.average / Math.max(perSecond, 1))
      console.log(`warnings (${label}): ${perSecond} lists/s on SQLite (p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ~${bytes} B per answer)`)
      if (result.non2xx || result.errors || result.timeouts) {
        console.log(`  ${result.non2xx} non-2xx ${JSON.stringify(result.statusCodeStats)}, ${result.errors} errors, ${result.timeouts} timeouts`)
      }
    }
  } finally {
    await app.close()
    await database.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
