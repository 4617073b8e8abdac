import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import type { Updateable } from 'kysely'
import type { WorkQueueResponse } from '../../../src/contract/complaint-actions'
import { INDUSTRIES } from '../../../src/contract/complaint-rules'
import { COMPLAINT_STATUSES, isOpen } from '../../../src/contract/complaint-status'
import type { EnterpriseDetail } from '../../../src/contract/enterprise'
import type { StatisticsResponse } from '../../../src/contract/statistics'
import type { OrganizationFigures } from '../../../src/contract/statistics-figures'
import { runAdminCommand } from '../cli/admin-commands'
import { seedDemoNetwork } from '../seed/organizations'
import type { Db } from '../db/database'
import type { ComplaintTable } from '../db/schema'
import { insertComplaintAbout } from './support/enterprises'
import { csvInMemory, figuresInMemory, summarizeInMemory, type ReferenceRow } from './support/in-memory-figures'
import { rollupsFromScratch, rollupsInDatabase } from './support/rollups-from-scratch'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'
import { figuresBySql } from './support/figures-by-sql'
import { act, createCast, fileOdrComplaint, PROPOSAL, type Cast } from './support/workflow'

// Statistics, the CSV export, enterprise figures and queues are now counted and paged in SQL (the
// figures from rollups the database keeps current); on the same varied data (China month edges, ties,
// unlisted businesses, more rows than one CSV page), and again after random changes made many at
// once, they must say exactly what the old in-memory code said, and the rollups must hold what
// counting every complaint from scratch gives.
const COMPLAINTS = 1150
const NO_DUE = '9999-12-31T23:59:59.999Z'
const UNLISTED = ['街边小店', '老王小吃', '=SUM(A1)', '阿明修车', '红星理发']

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
}

describe(`statistics, figures and queues from SQL match the in-memory figures (${TEST_DB})`, () => {
  let t: TestApp
  let cast: Cast
  let enterpriseIds: string[]
  /** Complaints written straight to the table (no events or photos hang on them): the random changes pick from these. */
  const seeded: string[] = []
  let next: () => number
  /** The demo network's organizations (and none: filed before the network); the city's staff see a subtree. */
  let holders: Array<{ id: string | null; path: string | null }>
  let cityToken: string
  let cityPath: string

  before(async () => {
    t = await createTestApp()
    cast = await createCast(t, '83')
    await seedDemoNetwork(t.ctx.db, t.ctx.now())
    const organizations = await t.ctx.db.selectFrom('organizations').select(['id', 'name', 'path']).execute()
    holders = [{ id: null, path: null }, ...organizations.map((o) => ({ id: o.id, path: o.path }))]
    cityPath = organizations.find((o) => o.name === '示例省杭州市消费者协会')!.path
    await runAdminCommand(t.ctx.db, 'add-staff', { phone: '13983009901', name: '市干事', organization: '示例省杭州市消费者协会' })
    cityToken = (await loginByPhone(t, '13983009901', '10.83.0.1')).accessToken
    const now = new Date().toISOString()
    const extra = Array.from({ length: 12 }, (_, i) => ({ id: randomUUID(), name: `测试企业${String.fromCharCode(0x7532 + i)}有限公司`, credit_code: null, created_at: now }))
    await t.ctx.db.insertInto('enterprises').values(extra).execute()
    enterpriseIds = [cast.enterpriseId, cast.otherEnterpriseId, ...extra.map((e) => e.id)]
    next = random(20261203)
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!
    // China month edges: 23:59:59.999 on the last day and 00:00 on the first, in UTC.
    const edges = ['2026-02-28T15:59:59.999Z', '2026-02-28T16:00:00.000Z', '2026-03-31T16:00:00.000Z', '2025-11-30T16:00:00.000Z', '2026-06-30T15:59:59.999Z']
    const start = Date.parse('2025-11-20T00:00:00.000Z')
    for (let i = 0; i < COMPLAINTS; i++) {
      // Every tenth complaint shares its instant with the one before: the CSV pages on (created_at, number).
      const createdAt = i < edges.length ? edges[i]! : new Date(start + Math.floor(next() * 230 * 86_400_000)).toISOString()
      const status = pick(COMPLAINT_STATUSES)
      const open = isOpen(status)
      const listed = next() < 0.75
      const enterpriseId = listed ? (next() < 0.5 ? pick(enterpriseIds.slice(0, 2)) : pick(enterpriseIds)) : null
      const responseMs = Math.floor((next() - 0.1) * 200 * 3600_000)
      const holder = pick(holders)
      const mediation = next() < 0.4 ? pick(['succeeded', 'failed'] as const) : null
      const id = await insertComplaintAbout(t, enterpriseId, {
        status,
        createdAt,
        firstResponseAt: next() < 0.6 ? new Date(Date.parse(createdAt) + responseMs).toISOString() : null,
        rating: !open && next() < 0.5 ? 1 + Math.floor(next() * 5) : null,
        columns: {
          path: next() < 0.6 ? 'odr' : 'association',
          industry: pick(INDUSTRIES),
          business_name: listed ? '消费者写的名字' : pick(UNLISTED),
          amount_fen: Math.floor(next() * 1_000_000),
          recovered_amount_fen: next() < 0.5 ? Math.floor(next() * 500_000) : null,
          closed_at: open ? null : new Date(Date.parse(createdAt) + 86_400_000).toISOString(),
          due_at: open && next() < 0.8 ? new Date(Date.now() + Math.floor((next() - 0.5) * 40 * 86_400_000)).toISOString() : null,
          due_kind: open ? pick(['enterprise_response', 'review', 'mediation'] as const) : null,
          assigned_staff_id: next() < 0.3 ? cast.staff.id : null,
          organization_id: holder.id,
          organization_path: holder.path,
          accepted_at: next() < 0.5 ? createdAt : null,
          late_at: next() < 0.3 ? createdAt : null,
          mediation_result: mediation,
          proposal_amount_fen: next() < 0.4 ? Math.floor(next() * 300_000) : null,
        },
      })
      seeded.push(id)
      if (i % 10 === 9) {
        seeded.push(await insertComplaintAbout(t, enterpriseId, { status: pick(COMPLAINT_STATUSES), createdAt, columns: { business_name: pick(UNLISTED) } }))
      }
    }
  })
  after(() => t.close())

  async function allRows(): Promise<Array<ReferenceRow & { id: string; due_at: string | null; due_kind: string | null; assigned_staff_id: string | null }>> {
    const rows = await t.ctx.db
      .selectFrom('complaints')
      .leftJoin('enterprises', 'enterprises.id', 'complaints.enterprise_id')
      .leftJoin('referral_destinations', 'referral_destinations.code', 'complaints.referred_to')
      .selectAll('complaints')
      .select(['enterprises.name as enterprise_name', 'referral_destinations.name as referred_to_name'])
      .execute()
    return rows
      .map((row) => ({ ...row, rating: row.rating === null ? null : Number(row.rating) }))
      .sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.number < b.number ? -1 : 1))
  }

  const inRange = (rows: ReferenceRow[], fromIso: string, toIso: string) => rows.filter((row) => row.created_at >= fromIso && row.created_at < toIso)

  /** Whole months, days at both ends, within one month, one day, and ranges that start or end on a month's first or last day. */
  const RANGES = [
    ['2025-12-01', '2026-06-30', '2025-11-30T16:00:00.000Z', '2026-06-30T16:00:00.000Z'],
    ['2026-02-15', '2026-03-10', '2026-02-14T16:00:00.000Z', '2026-03-10T16:00:00.000Z'],
    ['2026-03-01', '2026-03-01', '2026-02-28T16:00:00.000Z', '2026-03-01T16:00:00.000Z'],
    ['2025-11-25', '2026-05-31', '2025-11-24T16:00:00.000Z', '2026-05-31T16:00:00.000Z'],
    ['2026-01-01', '2026-04-17', '2025-12-31T16:00:00.000Z', '2026-04-17T16:00:00.000Z'],
  ] as const

  async function statisticsMatchMemory(from: string, to: string, fromIso: string, toIso: string) {
    const response = await t.app.inject({ method: 'GET', url: `/api/staff/statistics?from=${from}&to=${to}`, headers: bearer(cast.staff.token) })
    assert.equal(response.statusCode, 200)
    const { definitions, overdue, scope, ...counted } = response.json<StatisticsResponse>()
    assert.ok(definitions)
    // The default organization is the top: its figures are the whole network's.
    assert.equal(scope.organizationName.length > 0, true)
    assert.deepEqual(counted, summarizeInMemory(inRange(await allRows(), fromIso, toIso), from, to), `${from}…${to}`)
    return overdue
  }

  async function rollupsMatchScratch() {
    assert.deepEqual(await rollupsInDatabase(t.ctx.db), rollupsFromScratch(await allRows()))
  }

  async function enterprisePagesMatchMemory() {
    const rows = await allRows()
    for (const id of enterpriseIds) {
      const response = await t.app.inject({ method: 'GET', url: `/api/enterprises/${id}` })
      assert.equal(response.statusCode, 200)
      assert.deepEqual(response.json<EnterpriseDetail>().figures, figuresInMemory(rows.filter((row) => row.enterprise_id === id)), id)
    }
  }

  test('the rollups hold exactly what counting every complaint from scratch gives', rollupsMatchScratch)

  for (const [from, to, fromIso, toIso] of RANGES) {
    test(`statistics ${from}…${to}: the same figures as counted in memory, overdue too`, async () => {
      const overdue = await statisticsMatchMemory(from, to, fromIso, toIso)
      const rows = await allRows()
      const now = new Date().toISOString()
      const late = rows.filter((row) => isOpen(row.status) && row.due_at !== null && row.due_at < now)
      assert.deepEqual(overdue, {
        total: late.length,
        enterpriseResponse: late.filter((row) => row.due_kind === 'enterprise_response').length,
        review: late.filter((row) => row.due_kind === 'review').length,
        mediation: late.filter((row) => row.due_kind === 'mediation').length,
      })
    })

    test(`CSV ${from}…${to}: byte for byte the file the in-memory export wrote`, async () => {
      const response = await t.app.inject({ method: 'GET', url: `/api/staff/statistics.csv?from=${from}&to=${to}`, headers: bearer(cast.staff.token) })
      assert.equal(response.statusCode, 200)
      assert.equal(response.headers['content-type'], 'text/csv; charset=utf-8')
      assert.equal(response.body, csvInMemory(inRange(await allRows(), fromIso, toIso)))
    })
  }

  async function figuresMatchSql(token: string, from: string, to: string, fromIso: string, toIso: string, subtree: string | null) {
    const response = await t.app.inject({ method: 'GET', url: `/api/staff/statistics/figures?from=${from}&to=${to}`, headers: bearer(token) })
    assert.equal(response.statusCode, 200, response.body)
    const figures = response.json<OrganizationFigures>()
    const expected = await figuresBySql(t.ctx.db, fromIso, toIso, subtree)
    assert.deepEqual(figures.total, expected.total, `${from}…${to} ${subtree ?? 'all'}`)
    assert.deepEqual(Object.fromEntries(figures.byIndustry.map(({ industry, label: _, ...f }) => [industry, f])), expected.byIndustry)
    assert.deepEqual(Object.fromEntries(figures.byMonth.filter((m) => m.received > 0).map(({ month, ...f }) => [month, f])), expected.byMonth)
    for (const child of figures.children) {
      const path = (await t.ctx.db.selectFrom('organizations').select('path').where('id', '=', child.organizationId).executeTakeFirstOrThrow()).path
      const { organizationId: _, name: __, ...counted } = child
      assert.deepEqual(counted, (await figuresBySql(t.ctx.db, fromIso, toIso, path)).total, child.name)
    }
  }

  for (const [from, to, fromIso, toIso] of RANGES) {
    test(`roll-up figures ${from}…${to}: the top's and a city's (each county beside) equal a direct SQL count`, async () => {
      await figuresMatchSql(cast.staff.token, from, to, fromIso, toIso, null)
      await figuresMatchSql(cityToken, from, to, fromIso, toIso, cityPath)
    })
  }

  test('the first range is longer than one CSV page', async () => {
    assert.ok(inRange(await allRows(), '2025-11-30T16:00:00.000Z', '2026-06-30T16:00:00.000Z').length > 1000)
  })

  test('every enterprise page shows the figures counted in memory', enterprisePagesMatchMemory)

  async function walk(token: string, url: string): Promise<string[]> {
    const ids: string[] = []
    let cursor: string | null = null
    do {
      const separator = url.includes('?') ? '&' : '?'
      const response: Awaited<ReturnType<TestApp['app']['inject']>> = await t.app.inject({ method: 'GET', url: `${url}${separator}limit=37${cursor ? `&cursor=${cursor}` : ''}`, headers: bearer(token) })
      assert.equal(response.statusCode, 200, response.body)
      const page = response.json<WorkQueueResponse>()
      ids.push(...page.items.map((item) => item.id))
      cursor = page.nextCursor
    } while (cursor)
    return ids
  }

  /** The queue order as the old single query sorted it: open first, deadline, submission, id. */
  function queueOrder(rows: Awaited<ReturnType<typeof allRows>>): string[] {
    const key = (row: (typeof rows)[number]) => [isOpen(row.status) ? 0 : 1, row.due_at ?? NO_DUE, row.created_at, row.id] as const
    return [...rows]
      .sort((a, b) => {
        const [x, y] = [key(a), key(b)]
        for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1
        return 0
      })
      .map((row) => row.id)
  }

  test('the staff queues page through the same complaints in the same order', async () => {
    const rows = await allRows()
    assert.deepEqual(await walk(cast.staff.token, '/api/staff/complaints'), queueOrder(rows.filter((row) => isOpen(row.status))))
    assert.deepEqual(
      await walk(cast.staff.token, '/api/staff/complaints?assigned=me'),
      queueOrder(rows.filter((row) => isOpen(row.status) && row.assigned_staff_id === cast.staff.id)),
    )
    for (const status of ['closed', 'accepted'] as const) {
      assert.deepEqual(await walk(cast.staff.token, `/api/staff/complaints?status=${status}`), queueOrder(rows.filter((row) => row.status === status)))
      assert.deepEqual(
        await walk(cast.staff.token, `/api/staff/complaints?status=${status}&assigned=me`),
        queueOrder(rows.filter((row) => row.status === status && row.assigned_staff_id === cast.staff.id)),
      )
    }
  })

  test('the enterprise inbox pages through its ODR complaints in the same order', async () => {
    const rows = await allRows()
    assert.deepEqual(await walk(cast.liaison.token, '/api/enterprise/complaints'), queueOrder(rows.filter((row) => row.enterprise_id === cast.enterpriseId && row.path === 'odr')))
  })

  /** One random change to one complaint, in its own transaction: anything a writer might do to a counted column. */
  function randomChange(): (db: Db) => Promise<unknown> {
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!
    const id = pick(seeded)
    const update = (values: Updateable<ComplaintTable>) => (db: Db) => db.updateTable('complaints').set(values).where('id', '=', id).execute()
    const changes = [
      () => update({ status: pick(COMPLAINT_STATUSES) }),
      () => update({ status: pick(['mediated', 'closed'] as const), recovered_amount_fen: next() < 0.2 ? null : Math.floor(next() * 500_000) }),
      () => update({ rating: next() < 0.3 ? null : 1 + Math.floor(next() * 5) }),
      () => update({ first_response_at: next() < 0.2 ? null : new Date(Date.parse('2025-11-20T00:00:00.000Z') + Math.floor(next() * 240 * 86_400_000)).toISOString() }),
      () => update({ enterprise_id: next() < 0.3 ? null : pick(enterpriseIds) }),
      () => update({ industry: pick(INDUSTRIES), path: pick(['odr', 'association'] as const) }),
      () => update({ business_name: pick(UNLISTED) }),
      () => update({ due_at: next() < 0.2 ? null : new Date(Date.now() + Math.floor((next() - 0.5) * 40 * 86_400_000)).toISOString(), due_kind: pick(['enterprise_response', 'review', 'mediation'] as const) }),
      () => update({ created_at: new Date(Date.parse('2025-11-20T00:00:00.000Z') + Math.floor(next() * 230 * 86_400_000)).toISOString() }),
      () => update({ description: '只改了与统计无关的内容，计数不变。' }),
      () => update({ accepted_at: next() < 0.5 ? null : '2026-01-01T00:00:00.000Z', late_at: next() < 0.5 ? null : '2026-01-02T00:00:00.000Z' }),
      () => update({ mediation_result: pick(['succeeded', 'failed', null] as const), proposal_amount_fen: next() < 0.3 ? null : Math.floor(next() * 300_000) }),
      () => {
        const holder = pick(holders)
        return update({ organization_id: holder.id, organization_path: holder.path })
      },
      () => {
        seeded.splice(seeded.indexOf(id), 1)
        return (db: Db) => db.deleteFrom('complaints').where('id', '=', id).execute()
      },
    ]
    return pick(changes)()
  }

  /** Runs the writes at once, each in its own transaction; on PostgreSQL they overlap on the pool's connections. */
  async function atOnce(writes: Array<(db: Db) => Promise<unknown>>) {
    await Promise.all(writes.map((write) => t.ctx.db.transaction().execute(async (trx) => write(trx))))
  }

  test('random changes, many at once, keep the rollups equal to counting from scratch and the figures equal to memory', async () => {
    // Ordinary random changes, eight at a time.
    for (let round = 0; round < 40; round++) await atOnce(Array.from({ length: 8 }, () => randomChange()))
    // Twenty complaints filed at the same instant about the same business: all add to the same rollup rows at once.
    const instant = '2026-03-15T04:00:00.000Z'
    const filedAtOnce = await Promise.all(
      Array.from({ length: 20 }, () => insertComplaintAbout(t, cast.otherEnterpriseId, { status: 'submitted', createdAt: instant, columns: { industry: 'travel', path: 'odr' } })),
    )
    seeded.push(...filedAtOnce)
    // Opposite moves between two statuses on the same rollup rows at once (on PostgreSQL these would deadlock if rows were locked in different orders).
    const same = filedAtOnce
    await atOnce(same.map((id, i) => (db: Db) => db.updateTable('complaints').set({ status: i % 2 ? 'submitted' : 'accepted' }).where('id', '=', id).execute()))
    await atOnce(same.map((id, i) => (db: Db) => db.updateTable('complaints').set({ status: i % 2 ? 'accepted' : 'submitted', recovered_amount_fen: i }).where('id', '=', id).execute()))
    // Real writers through the API, at once: filing, the enterprise's proposal, the consumer's acceptance and rating.
    const filed = await Promise.all(Array.from({ length: 4 }, () => fileOdrComplaint(t, cast)))
    for (const [token, action, payload] of [
      [cast.liaison.token, 'propose', PROPOSAL],
      [cast.consumer.token, 'accept_proposal', undefined],
      [cast.consumer.token, 'rate', { stars: 4 }],
    ] as const) {
      const responses = await Promise.all(filed.map((complaint) => act(t, token, complaint.id, action, payload)))
      for (const response of responses) assert.equal(response.statusCode, 200, `${action}: ${response.body}`)
    }

    await rollupsMatchScratch()
    for (const [from, to, fromIso, toIso] of RANGES) {
      await statisticsMatchMemory(from, to, fromIso, toIso)
      await figuresMatchSql(cast.staff.token, from, to, fromIso, toIso, null)
      await figuresMatchSql(cityToken, from, to, fromIso, toIso, cityPath)
    }
    await enterprisePagesMatchMemory()
  })
})
