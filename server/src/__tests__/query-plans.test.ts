import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { CompiledQuery } from 'kysely'
import { countsByStatusQuery, responseTimesQuery } from '../modules/enterprises/enterprise-figures'
import { complaintsCreatedPage, countsCreatedBetween, countsPerEnterpriseCreatedBetween, overdueByKindQuery } from '../modules/statistics/statistics.repository'
import { enterpriseQueueQuery, staffQueueQuery } from '../modules/workflow/workflow.repository'
import { accessRecordsQuery } from '../modules/privacy/access-log.repository'
import { latestVersionQuery, ruleSetInForceQuery } from '../modules/rules/rule-sets.repository'
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

  test('filing finds the rules in force through rule_sets_in_force, newest first; publishing finds the latest version by (code, version)', async () => {
    const inForce = await plan(ruleSetInForceQuery(t.ctx.db, 'samr', '2026-04-15'))
    assert.doesNotMatch(inForce, /SCAN rule_sets(?! USING (COVERING )?INDEX)|Seq Scan on rule_sets/, inForce)
    assert.match(inForce, /(USING (COVERING )?INDEX|Index Scan( Backward)? using) rule_sets_in_force\b/, inForce)
    assertInOrder(inForce)
    const latest = await plan(latestVersionQuery(t.ctx.db, 'samr-2026'))
    assert.doesNotMatch(latest, /SCAN rule_sets(?! USING (COVERING )?INDEX)|Seq Scan on rule_sets/, latest)
    assertInOrder(latest)
  })

  test('statistics count each month from complaints_created_stats; overdue from complaints_open_queue', async () => {
    const from = '2026-04-30T16:00:00.000Z'
    const to = '2026-05-31T16:00:00.000Z'
    assertIndexed(await plan(countsCreatedBetween(t.ctx.db, t.ctx.dialect, from, to)), 'complaints_created_stats')
    assertIndexed(await plan(countsPerEnterpriseCreatedBetween(t.ctx.db, from, to)), 'complaints_created_stats')
    assertIndexed(await plan(overdueByKindQuery(t.ctx.db, to)), 'complaints_open_queue')
  })

  test('the CSV export pages through complaints_created_stats in its order', async () => {
    const text = await plan(complaintsCreatedPage(t.ctx.db, '2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', { createdAt: AFTER.createdAt, number: 'WQ1' }, 1000))
    assertIndexed(text, 'complaints_created_stats')
    assertInOrder(text)
  })

  test('an enterprise page reads only its own complaints through an index', async () => {
    assertIndexed(await plan(countsByStatusQuery(t.ctx.db, 'e-1')), 'complaints_enterprise_figures')
    const times = await plan(responseTimesQuery(t.ctx.db, t.ctx.dialect, 'e-1').orderBy('ms'))
    assert.doesNotMatch(times, /SCAN complaints(?! USING)|Seq Scan on complaints/, times)
    assert.match(times, /enterprise_id=\?|enterprise_id = /, times)
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
