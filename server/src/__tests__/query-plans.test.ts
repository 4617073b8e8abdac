import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { CompiledQuery } from 'kysely'
import { countsByStatusQuery, responseTimesPage } from '../modules/enterprises/enterprise-figures'
import { businessCountsIn, complaintCountsIn, complaintsCreatedPage, overdueBeforeTodayQuery, overdueTodayQuery, type RollupSpan } from '../modules/statistics/statistics.repository'
import { enterpriseQueueQuery, staffQueueQuery } from '../modules/workflow/workflow.repository'
import { accessRecordsQuery } from '../modules/privacy/access-log.repository'
import { createTestApp, type TestApp } from './support/test-app'

// Every statistics, enterprise-figures and queue query is read from an index, never by scanning all
// complaints; queues also come out of the index in their order (no sort of every matching row).
// PostgreSQL prefers a sequential scan of a small table, so seq scans are switched off for the
// EXPLAIN (and bitmap scans and sorts with them): the question is whether an index CAN serve the query.
const AFTER = { rank: 0, due: '2026-06-01T00:00:00.000Z', createdAt: '2026-05-01T00:00:00.000Z', id: 'c-1' }

describe('query plans', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(() => t.close())

  async function plan(query: { compile(): CompiledQuery }): Promise<string> {
    const compiled = query.compile()
    if (t.ctx.dialect === 'sqlite') {
      const result = await t.ctx.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]))
      return result.rows.map((row) => row.detail).join('\n')
    }
    return t.ctx.db.transaction().execute(async (trx) => {
      // Nor does it walk an index in order over a few estimated rows when a bitmap scan and a sort are cheaper.
      for (const setting of ['enable_seqscan', 'enable_bitmapscan', 'enable_sort']) await trx.executeQuery(CompiledQuery.raw(`set local ${setting} = off`))
      const result = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]))
      return result.rows.map((row) => row['QUERY PLAN']).join('\n')
    })
  }

  function assertIndexed(text: string, index: string) {
    assert.doesNotMatch(text, /SCAN complaints(?! USING (COVERING )?INDEX)/, text)
    assert.doesNotMatch(text, /Seq Scan on complaints/, text)
    assert.match(text, new RegExp(`(USING (COVERING )?INDEX|Index (Only )?Scan using) ${index}\\b`), text)
  }

  function assertInOrder(text: string) {
    assert.doesNotMatch(text, /TEMP B-TREE FOR ORDER BY/, text)
    assert.doesNotMatch(text, /Sort Key/, text)
  }

  const queues = {
    'staff queue: every open complaint': ['complaints_open_queue', (t: TestApp) => staffQueueQuery(t.ctx.db, {}, null, 21)],
    'staff queue: next page': ['complaints_open_queue', (t: TestApp) => staffQueueQuery(t.ctx.db, {}, AFTER, 21)],
    'staff queue: mine': ['complaints_open_assigned_queue', (t: TestApp) => staffQueueQuery(t.ctx.db, { assignedTo: 'u-1' }, AFTER, 21)],
    'staff queue: one status': ['complaints_status_queue', (t: TestApp) => staffQueueQuery(t.ctx.db, { status: 'closed' }, AFTER, 21)],
    'staff queue: one status, mine': ['complaints_assigned_status_queue', (t: TestApp) => staffQueueQuery(t.ctx.db, { status: 'closed', assignedTo: 'u-1' }, null, 21)],
    'enterprise inbox': ['complaints_enterprise_queue', (t: TestApp) => enterpriseQueueQuery(t.ctx.db, 'e-1', null, 21)],
    'enterprise inbox: next page': ['complaints_enterprise_queue', (t: TestApp) => enterpriseQueueQuery(t.ctx.db, 'e-1', AFTER, 21)],
  } as const
  for (const [name, [index, build]] of Object.entries(queues)) {
    test(`${name} reads ${index} in queue order`, async () => {
      const text = await plan(build(t))
      assertIndexed(text, index)
      assertInOrder(text)
    })
  }

  /** A range of one rollup table's primary key (grain and period), never a scan of the table or of complaints. */
  function assertRollupRange(text: string, table: string) {
    assert.doesNotMatch(text, /SCAN |Seq Scan|complaints/, text)
    assert.match(text, new RegExp(`SEARCH ${table} USING (COVERING )?INDEX sqlite_autoindex_${table}_1 \\(grain=\\? AND period>\\? AND period<\\?\\)|Index (Only )?Scan using ${table}_pk on ${table}[^]*Index Cond: \\(\\(grain = [^)]+\\) AND \\(period >= [^)]+\\) AND \\(period <= [^)]+\\)\\)`), text)
  }

  const spans: RollupSpan[] = [
    { grain: 'day', from: '2026-05-03', to: '2026-05-31' },
    { grain: 'month', from: '2025-06', to: '2026-05' },
  ]
  for (const span of spans) {
    test(`statistics add up the ${span.grain} rollups of a range from their primary keys`, async () => {
      assertRollupRange(await plan(complaintCountsIn(t.ctx.db, span)), 'complaint_rollups')
      assertRollupRange(await plan(businessCountsIn(t.ctx.db, span)), 'business_rollups')
    })
  }

  test('statistics count overdue complaints from open_due_rollups before today, from complaints_open_queue today', async () => {
    const before = await plan(overdueBeforeTodayQuery(t.ctx.db, '2026-05-31T16:00:00.000Z'))
    assert.doesNotMatch(before, /SCAN |Seq Scan|complaints/, before)
    assert.match(before, /SEARCH open_due_rollups USING (COVERING )?INDEX sqlite_autoindex_open_due_rollups_1 \(due_day<\?\)|Index (Only )?Scan using open_due_rollups_pk on open_due_rollups[^]*Index Cond: \(due_day < [^)]+\)/, before)
    assertIndexed(await plan(overdueTodayQuery(t.ctx.db, '2026-05-31T16:00:00.000Z')), 'complaints_open_queue')
  })

  test('the CSV export pages through complaints_created_stats in its order', async () => {
    const text = await plan(complaintsCreatedPage(t.ctx.db, '2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', { createdAt: AFTER.createdAt, number: 'WQ1' }, 1000))
    assertIndexed(text, 'complaints_created_stats')
    assertInOrder(text)
  })

  test('an enterprise page reads only its own rollup rows, response times in key order', async () => {
    const counts = await plan(countsByStatusQuery(t.ctx.db, 'e-1'))
    assert.doesNotMatch(counts, /SCAN |Seq Scan|complaints/, counts)
    assert.match(counts, /SEARCH enterprise_figure_rollups USING INDEX sqlite_autoindex_enterprise_figure_rollups_1 \(enterprise_id=\?\)|Index Scan using enterprise_figure_rollups_pk on enterprise_figure_rollups[^]*Index Cond: \(enterprise_id = [^)]+\)/, counts)
    const times = await plan(responseTimesPage(t.ctx.db, 'e-1', 3_600_000, 2000))
    assert.doesNotMatch(times, /SCAN |Seq Scan|complaints|TEMP B-TREE|Sort Key/, times)
    assert.match(times, /SEARCH enterprise_response_rollups USING (COVERING )?INDEX sqlite_autoindex_enterprise_response_rollups_1 \(enterprise_id=\? AND response_ms>\?\)|Index Scan using enterprise_response_rollups_pk on enterprise_response_rollups[^]*Index Cond: \(\(enterprise_id = [^)]+\) AND \(response_ms > [^)]+\)\)/, times)
  })

  // The staff access log (who read personal details), for one case or all, newest first.
  const accessLog = {
    'access log: one complaint': ['access_records_complaint', (t: TestApp) => accessRecordsQuery(t.ctx.db, { complaintId: 'c-1', after: null, limit: 21 })],
    'access log: one complaint, next page': ['access_records_complaint', (t: TestApp) => accessRecordsQuery(t.ctx.db, { complaintId: 'c-1', after: { createdAt: AFTER.createdAt, id: AFTER.id }, limit: 21 })],
    'access log: everything': ['access_records_created', (t: TestApp) => accessRecordsQuery(t.ctx.db, { after: null, limit: 21 })],
  } as const
  for (const [name, [index, build]] of Object.entries(accessLog)) {
    test(`${name} reads ${index} newest first`, async () => {
      const text = await plan(build(t))
      assert.doesNotMatch(text, /SCAN access_records(?! USING (COVERING )?INDEX)/, text)
      assert.doesNotMatch(text, /Seq Scan on access_records/, text)
      assert.match(text, new RegExp(`(USING (COVERING )?INDEX|Index (Only )?Scan( Backward)? using) ${index}\\b`), text)
      assertInOrder(text)
    })
  }
})
