// Growth: how the read endpoints behave as the complaints table grows. Seeds 1k → 10k → 100k complaints
// (bulk multi-row inserts) into a scratch SQLite file and, when 127.0.0.1:5432 answers, a scratch
// PostgreSQL database; at each size starts the real server process (server/src/server.ts) on it and
// prints per endpoint the median latency and how long the server's event loop was held while that
// endpoint ran: the worst /api/health wait ("health wait max", wall time) and the most CPU the loop
// thread used during one /api/health wait ("loop held max", its own work, without the time it queued
// for a CPU the neighbours held); either over 50 ms is flagged. Per request, measured from outside
// (/proc): CPU of all the server's threads, CPU of its event-loop thread, and how long that thread
// waited for a CPU (on a shared machine the wall times swing with that wait; the CPU times much less).
// The server's jobs first catch up with the deadlines the seeded complaints have passed (shown as
// "(jobs catching up)", with the loop held meanwhile; GROWTH_SETTLE_MS caps the wait, 15 min by
// default); the endpoints are measured after that.
// GROWTH_SIZES=1000,10000, GROWTH_DB=sqlite|postgres and GROWTH_ENDPOINTS=statistics,CSV,enterprise page
// (endpoint names, or parts of them, comma-separated) narrow the run.
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Insertable } from 'kysely'
import { INDUSTRIES } from '../../src/contract/complaint-rules'
import { COMPLAINT_STATUSES, isOpen } from '../../src/contract/complaint-status'
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../server/src/db/database'
import type { ComplaintTable } from '../../server/src/db/schema'
import { hashSecret, signAccessToken } from '../../server/src/modules/auth/tokens'
import { addStaffToOrganization } from '../../server/src/modules/organizations/organizations.service'
import { DEMO_NETWORK, seedDemoNetwork } from '../../server/src/seed/organizations'
import { adminQuery, PG_URL, pgReachable, startServer } from './support/growth-server'
import { LOOP_HELD_LIMIT_MS, machineLoad, processTimes, settle, watchHealth } from './support/loop-watch'

const SIZES = (process.env.GROWTH_SIZES ?? '1000,10000,100000').split(',').map(Number)
const ONLY_DB = process.env.GROWTH_DB
const ONLY_ENDPOINTS = (process.env.GROWTH_ENDPOINTS ?? '').split(',').map((name) => name.trim()).filter(Boolean)
const SECRET = 'growth-bench-secret-'.padEnd(40, 'x')
const ENTERPRISES = 50
const CONSUMERS = 2000
const RUNS = 9
const DAY_MS = 86_400_000

interface Seed {
  staffId: string
  enterpriseId: string
  consumerId: string
  tokens: { staff: string; liaison: string; consumer: string; province: string; city: string; county: string }
}

async function main() {
  const targets: Array<'sqlite' | 'postgres'> = []
  if (ONLY_DB !== 'postgres') targets.push('sqlite')
  if (ONLY_DB !== 'sqlite' && (await pgReachable())) targets.push('postgres')
  for (const target of targets) await runTarget(target)
}

async function runTarget(target: 'sqlite' | 'postgres') {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'weiquan-growth-'))
  const pgName = `weiquan_growth_${randomUUID().replace(/-/g, '').slice(0, 10)}`
  let databaseUrl: string | undefined
  if (target === 'postgres') {
    await adminQuery(`create database ${pgName}`)
    databaseUrl = PG_URL.replace(/\/[^/]*$/, `/${pgName}`)
  }
  const open = () => (databaseUrl ? openDatabase({ databaseUrl }) : openDatabase({ sqliteFile: path.join(dataDir, 'weiquan.db') }))
  try {
    let database = open()
    await migrateToLatest(database.db)
    const seed = await seedPeople(database)
    await database.close()
    let seeded = 0
    for (const size of SIZES) {
      database = open()
      const started = performance.now()
      await seedComplaints(database, seed, seeded, size)
      await database.close()
      const seedMs = Math.round(performance.now() - started)
      seeded = size
      const server = await startServer(dataDir, databaseUrl, SECRET)
      try {
        console.log(`\ngrowth ${target} ${size.toLocaleString('en')} complaints (seeded in ${seedMs} ms; ${machineLoad()}):`)
        const heading = ['median', 'max', 'health wait max', '', 'loop held max', '', 'CPU/req', 'loop CPU/req', 'CPU wait/req']
        const widths = [9, 9, 15, 4, 13, 4, 9, 12, 12]
        const row = (cells: string[]) => cells.map((cell, i) => (widths[i] === 4 ? cell.padEnd(4) : cell.padStart(widths[i]!))).join(' ')
        console.log(`  ${'endpoint'.padEnd(24)} ${row(heading)}`)
        const ms = (value: number) => `${value.toFixed(1)} ms`
        const flag = (value: number) => (value > LOOP_HELD_LIMIT_MS ? `>${LOOP_HELD_LIMIT_MS}` : '')
        const startup = await settle(server.base, server.pid)
        console.log(
          `  ${'(jobs catching up)'.padEnd(24)} ${row([`${(startup.ms / 1000).toFixed(1)} s`, '', ms(startup.held.wallMs), flag(startup.held.wallMs), ms(startup.held.loopCpuMs), flag(startup.held.loopCpuMs), '', '', ''])}`,
        )
        for (const [name, url, token] of endpoints(seed)) {
          const r = await measure(server.base, url, token, server.pid)
          console.log(
            `  ${name.padEnd(24)} ${row([ms(r.median), ms(r.max), ms(r.held.wallMs), flag(r.held.wallMs), ms(r.held.loopCpuMs), flag(r.held.loopCpuMs), ms(r.cpuPerRequest), ms(r.loopCpuPerRequest), ms(r.loopQueuedPerRequest)])}`,
          )
        }
      } finally {
        await server.stop()
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
    if (target === 'postgres') await adminQuery(`drop database if exists ${pgName}`)
  }
}

function endpoints(seed: Seed): Array<[string, string, string | undefined]> {
  const all: Array<[string, string, string | undefined]> = [
    ['staff statistics', '/api/staff/statistics', seed.tokens.staff],
    ['statistics CSV', '/api/staff/statistics.csv', seed.tokens.staff],
    ['figures province', '/api/staff/statistics/figures', seed.tokens.province],
    ['figures city', '/api/staff/statistics/figures', seed.tokens.city],
    ['figures county', '/api/staff/statistics/figures', seed.tokens.county],
    ['figures CSV city', '/api/staff/statistics/figures.csv', seed.tokens.city],
    ['staff queue (open)', '/api/staff/complaints', seed.tokens.staff],
    ['staff queue (mine)', '/api/staff/complaints?assigned=me', seed.tokens.staff],
    ['staff queue (closed)', '/api/staff/complaints?status=closed', seed.tokens.staff],
    ['enterprise queue', '/api/enterprise/complaints', seed.tokens.liaison],
    ['public enterprise page', `/api/enterprises/${seed.enterpriseId}`, undefined],
    ['consumer list', '/api/complaints', seed.tokens.consumer],
  ]
  return ONLY_ENDPOINTS.length ? all.filter(([name]) => ONLY_ENDPOINTS.some((part) => name.includes(part))) : all
}

/**
 * Sequential requests, /api/health polled meanwhile from another thread. Per request: CPU of the
 * server process (all threads, 10 ms ticks, so read over RUNS requests), CPU of its event-loop thread,
 * and how long that thread waited for a CPU. The /api/health polls (about 1 ms of CPU each) are included.
 */
async function measure(base: string, url: string, token: string | undefined, pid: number) {
  const headers = token ? { authorization: `Bearer ${token}` } : undefined
  const once = async () => {
    const started = performance.now()
    const response = await fetch(base + url, { headers })
    await response.arrayBuffer()
    if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`)
    return performance.now() - started
  }
  for (let i = 0; i < 3; i++) await once()
  const health = watchHealth(base, pid)
  const times: number[] = []
  const before = processTimes(pid)
  for (let i = 0; i < RUNS; i++) times.push(await once())
  const after = processTimes(pid)
  const held = await health.stop()
  times.sort((a, b) => a - b)
  return {
    median: times[Math.floor(times.length / 2)]!,
    max: times.at(-1)!,
    held,
    cpuPerRequest: (after.cpuMs - before.cpuMs) / RUNS,
    loopCpuPerRequest: (after.loopCpuMs - before.loopCpuMs) / RUNS,
    loopQueuedPerRequest: (after.loopQueuedMs - before.loopQueuedMs) / RUNS,
  }
}

async function seedPeople(database: DatabaseHandle): Promise<Seed> {
  const db = database.db
  const now = new Date().toISOString()
  const enterpriseIds = Array.from({ length: ENTERPRISES }, () => randomUUID())
  await db
    .insertInto('enterprises')
    .values(enterpriseIds.map((id, i) => ({ id, name: `示例企业${String(i).padStart(3, '0')}有限公司`, credit_code: null, created_at: now, odr: i % 2 === 0 ? 1 : 0, odr_since: null, contact_phone: null, updated_at: now, province: null, city: null, district: null, address: null })))
    .execute()
  const staffId = randomUUID()
  const liaisonId = randomUUID()
  const user = (id: string, role: 'staff' | 'enterprise' | 'consumer', enterpriseId: string | null = null) => ({
    id,
    phone: null,
    wechat_openid: `growth-${id}`,
    role,
    display_name: role,
    enterprise_id: enterpriseId,
    created_at: now,
    updated_at: now,
  })
  const consumerIds = Array.from({ length: CONSUMERS }, () => randomUUID())
  await db.insertInto('users').values([user(staffId, 'staff'), user(liaisonId, 'enterprise', enterpriseIds[0]!)]).execute()
  for (let i = 0; i < consumerIds.length; i += 500) {
    await db.insertInto('users').values(consumerIds.slice(i, i + 500).map((id) => user(id, 'consumer'))).execute()
  }
  const token = async (userId: string) => {
    const sid = randomUUID()
    await db
      .insertInto('sessions')
      .values({ id: sid, user_id: userId, refresh_token_hash: hashSecret(randomUUID()), previous_token_hash: null, created_at: now, refreshed_at: now, expires_at: new Date(Date.now() + 30 * DAY_MS).toISOString(), revoked_at: null })
      .execute()
    return signAccessToken({ sub: userId, sid, exp: Math.floor(Date.now() / 1000) + 3 * 3600 }, SECRET)
  }
  seedState.enterpriseIds = enterpriseIds
  seedState.consumerIds = consumerIds
  // The demo network: complaints are held by its counties, and staff of the province, a city and a county read their figures.
  await seedDemoNetwork(db, new Date())
  const organizations = await db.selectFrom('organizations').select(['id', 'name', 'path']).execute()
  const organization = (name: string) => organizations.find((o) => o.name === name)!
  seedState.counties = DEMO_NETWORK.filter((o) => o.level === 'county').map((o) => organization(o.name))
  const staffAt = async (name: string) => {
    const id = randomUUID()
    await db.insertInto('users').values(user(id, 'staff')).execute()
    await addStaffToOrganization(db, id, organization(name).id, { canManage: true, canMediate: true }, new Date())
    return token(id)
  }
  const [province, city, county] = [DEMO_NETWORK[0]!.name, DEMO_NETWORK[1]!.name, DEMO_NETWORK[2]!.name]
  return {
    staffId,
    enterpriseId: enterpriseIds[0]!,
    consumerId: consumerIds[0]!,
    tokens: { staff: await token(staffId), liaison: await token(liaisonId), consumer: await token(consumerIds[0]!), province: await staffAt(province), city: await staffAt(city), county: await staffAt(county) },
  }
}

const seedState = { enterpriseIds: [] as string[], consumerIds: [] as string[], counties: [] as Array<{ id: string; path: string }> }

/** Complaints from..to-1, spread over the last 12 months; about a third still open. */
async function seedComplaints(database: DatabaseHandle, seed: Seed, from: number, to: number) {
  const now = Date.now()
  const row = (i: number): Insertable<ComplaintTable> => {
    const created = new Date(now - ((i * 7919) % 360) * DAY_MS - (i % 86_400) * 1000)
    const status = COMPLAINT_STATUSES[i % COMPLAINT_STATUSES.length]!
    const enterpriseIndex = i % 5 === 0 ? null : i % (ENTERPRISES * 4) < 60 ? 0 : i % ENTERPRISES
    const enterpriseId = enterpriseIndex === null ? null : seedState.enterpriseIds[enterpriseIndex]!
    const odr = enterpriseIndex !== null && enterpriseIndex % 2 === 0
    const open = isOpen(status)
    const createdIso = created.toISOString()
    // One in ten stays with the top organization (filed before the network); the rest with a county.
    const holder = i % 10 === 0 ? null : seedState.counties[i % seedState.counties.length]
    return {
      id: randomUUID(),
      number: `WQ${String(i).padStart(9, '0')}`,
      consumer_id: i % 4 === 0 ? seed.consumerId : seedState.consumerIds[i % CONSUMERS]!,
      status,
      path: odr ? 'odr' : 'association',
      enterprise_id: enterpriseId,
      business_name: enterpriseId ? `示例企业${String(enterpriseIndex).padStart(3, '0')}有限公司` : `街边小店${i % 300}`,
      industry: INDUSTRIES[i % INDUSTRIES.length]!,
      incident_date: createdIso.slice(0, 10),
      amount_fen: 1000 + (i % 50_000),
      demands: '["refund"]',
      description: '买到的商品有质量问题，商家拒绝退货。',
      contact_phone: '13800000000',
      consent_at: createdIso,
      idempotency_key: `growth-${i}`,
      request_hash: 'x',
      created_at: createdIso,
      updated_at: createdIso,
      closed_at: open ? null : new Date(created.getTime() + 5 * DAY_MS).toISOString(),
      due_at: open && i % 7 !== 0 ? new Date(created.getTime() + ((i % 30) + 1) * DAY_MS).toISOString() : null,
      due_kind: open && i % 7 !== 0 ? 'review' : null,
      assigned_staff_id: i % 3 === 0 ? seed.staffId : null,
      first_response_at: i % 2 === 0 ? new Date(created.getTime() + (i % 200) * 3600_000).toISOString() : null,
      recovered_amount_fen: open ? null : 500 + (i % 9000),
      rating: open || i % 3 ? null : (i % 5) + 1,
      organization_id: holder?.id ?? null,
      organization_path: holder?.path ?? null,
      accepted_at: i % 2 ? createdIso : null,
      mediation_result: status === 'mediated' || status === 'closed' ? (i % 3 ? 'succeeded' : 'failed') : null,
      late_at: i % 11 === 0 ? createdIso : null,
      proposal_amount_fen: status === 'resolved' ? 800 + (i % 5000) : null,
    }
  }
  await database.db.transaction().execute(async (trx) => {
    for (let i = from; i < to; i += 500) {
      await trx
        .insertInto('complaints')
        .values(Array.from({ length: Math.min(500, to - i) }, (_, k) => row(i + k)))
        .execute()
    }
  })
  if (database.dialect === 'postgres') await pgAnalyze(database)
}

async function pgAnalyze(database: DatabaseHandle) {
  const { sql } = await import('kysely')
  // What autovacuum does in a running database: statistics, and a visibility map for index-only scans.
  await sql`vacuum analyze`.execute(database.db)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
