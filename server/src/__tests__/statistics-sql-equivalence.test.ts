import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import type { WorkQueueResponse } from '../../../src/contract/complaint-actions'
import { INDUSTRIES } from '../../../src/contract/complaint-rules'
import { COMPLAINT_STATUSES, isOpen } from '../../../src/contract/complaint-status'
import type { EnterpriseDetail } from '../../../src/contract/enterprise'
import type { StatisticsResponse } from '../../../src/contract/statistics'
import { insertComplaintAbout } from './support/enterprises'
import { csvInMemory, figuresInMemory, summarizeInMemory, type ReferenceRow } from './support/in-memory-figures'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { createCast, type Cast } from './support/workflow'

// Statistics, the CSV export, enterprise figures and queues are now counted and paged in SQL; on
// the same varied data (China month edges, ties, unlisted businesses, more rows than one CSV page)
// they must say exactly what the old in-memory code said.
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

  before(async () => {
    t = await createTestApp()
    cast = await createCast(t, '83')
    const now = new Date().toISOString()
    const extra = Array.from({ length: 12 }, (_, i) => ({ id: randomUUID(), name: `测试企业${String.fromCharCode(0x7532 + i)}有限公司`, credit_code: null, created_at: now }))
    await t.ctx.db.insertInto('enterprises').values(extra).execute()
    enterpriseIds = [cast.enterpriseId, cast.otherEnterpriseId, ...extra.map((e) => e.id)]
    const next = random(20261203)
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
      await insertComplaintAbout(t, enterpriseId, {
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
        },
      })
      if (i % 10 === 9) {
        await insertComplaintAbout(t, enterpriseId, { status: pick(COMPLAINT_STATUSES), createdAt, columns: { business_name: pick(UNLISTED) } })
      }
    }
  })
  after(() => t.close())

  async function allRows(): Promise<Array<ReferenceRow & { id: string; due_at: string | null; due_kind: string | null; assigned_staff_id: string | null }>> {
    const rows = await t.ctx.db
      .selectFrom('complaints')
      .leftJoin('enterprises', 'enterprises.id', 'complaints.enterprise_id')
      .selectAll('complaints')
      .select('enterprises.name as enterprise_name')
      .execute()
    return rows
      .map((row) => ({ ...row, rating: row.rating === null ? null : Number(row.rating) }))
      .sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.number < b.number ? -1 : 1))
  }

  const inRange = (rows: ReferenceRow[], fromIso: string, toIso: string) => rows.filter((row) => row.created_at >= fromIso && row.created_at < toIso)

  for (const [from, to, fromIso, toIso] of [
    ['2025-12-01', '2026-06-30', '2025-11-30T16:00:00.000Z', '2026-06-30T16:00:00.000Z'],
    ['2026-02-15', '2026-03-10', '2026-02-14T16:00:00.000Z', '2026-03-10T16:00:00.000Z'],
    ['2026-03-01', '2026-03-01', '2026-02-28T16:00:00.000Z', '2026-03-01T16:00:00.000Z'],
  ] as const) {
    test(`statistics ${from}…${to}: the same figures as counted in memory, overdue too`, async () => {
      const response = await t.app.inject({ method: 'GET', url: `/api/staff/statistics?from=${from}&to=${to}`, headers: bearer(cast.staff.token) })
      assert.equal(response.statusCode, 200)
      const body = response.json<StatisticsResponse>()
      const rows = await allRows()
      const { definitions, overdue, ...counted } = body
      assert.ok(definitions)
      assert.deepEqual(counted, summarizeInMemory(inRange(rows, fromIso, toIso), from, to))
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

  test('the first range is longer than one CSV page', async () => {
    assert.ok(inRange(await allRows(), '2025-11-30T16:00:00.000Z', '2026-06-30T16:00:00.000Z').length > 1000)
  })

  test('every enterprise page shows the figures counted in memory', async () => {
    const rows = await allRows()
    for (const id of enterpriseIds) {
      const response = await t.app.inject({ method: 'GET', url: `/api/enterprises/${id}` })
      assert.equal(response.statusCode, 200)
      assert.deepEqual(response.json<EnterpriseDetail>().figures, figuresInMemory(rows.filter((row) => row.enterprise_id === id)), id)
    }
  })

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
})
