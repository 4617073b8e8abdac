import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { act, createCast, fileOdrComplaint, PROPOSAL, type Cast } from './support/workflow'
import { fileReport, makeVolunteer, type Person } from './support/volunteers'
import { published } from './support/warnings'

/**
 * Rows written before the database checked numbers (or by a future bug): the check is lifted for
 * the test so the row can exist, as it does in an old database.
 */
async function liftCheck(t: TestApp, table: string, column: string) {
  const name = `numeric_${table}_${column}`
  if (TEST_DB === 'postgres') await sql`alter table ${sql.table(table)} drop constraint if exists ${sql.id(name)}`.execute(t.ctx.db)
  else for (const suffix of ['insert', 'update']) await sql`drop trigger if exists ${sql.id(`${name}_${suffix}`)}`.execute(t.ctx.db)
}

describe(`one bad row does not take a list down (${TEST_DB})`, () => {
  let t: TestApp
  let cast: Cast
  let volunteer: Person
  const good: { complaint?: string; report?: string; warning?: string } = {}
  const bad: { complaint?: string; damaged?: string; rated?: string; report?: string; warning?: string } = {}

  before(async () => {
    t = await createTestApp()
    cast = await createCast(t, '85')
    volunteer = await makeVolunteer(t, '13685000001', { ...cast.staff, phone: '' })
    for (const [table, column] of [['complaints', 'amount_fen'], ['complaints', 'rating'], ['complaints', 'recovered_amount_fen'], ['field_reports', 'accuracy'], ['field_reports', 'latitude']]) {
      await liftCheck(t, table!, column!)
    }
    if (TEST_DB === 'sqlite') {
      // The rollups the complaints triggers keep would refuse the same numbers: lifted too, as in an old database.
      const rollupChecks = await sql<{ name: string }>`select name from sqlite_master where type = 'trigger' and name like 'numeric%rollups%'`.execute(t.ctx.db)
      for (const { name } of rollupChecks.rows) await sql`drop trigger ${sql.id(name)}`.execute(t.ctx.db)
    }
    // PostgreSQL's bigint and integer cannot hold Infinity at all; SQLite kept whatever it was given.
    const huge = TEST_DB === 'sqlite' ? Infinity : 99
    bad.complaint = (await fileOdrComplaint(t, cast)).id
    await t.ctx.db
      .updateTable('complaints')
      .set({ amount_fen: TEST_DB === 'sqlite' ? Infinity : 1, due_at: 'not a date', recovered_amount_fen: TEST_DB === 'sqlite' ? Infinity : null })
      .where('id', '=', bad.complaint)
      .execute()
    bad.damaged = (await fileOdrComplaint(t, cast)).id
    await t.ctx.db.updateTable('complaints').set({ demands: 'not json', due_at: 'not a date' }).where('id', '=', bad.damaged).execute()
    bad.rated = (await fileOdrComplaint(t, cast)).id
    await act(t, cast.liaison.token, bad.rated, 'propose', PROPOSAL)
    await act(t, cast.consumer.token, bad.rated, 'accept_proposal')
    await act(t, cast.consumer.token, bad.rated, 'rate', { stars: 5 })
    await t.ctx.db.updateTable('complaints').set({ rating: huge }).where('id', '=', bad.rated).execute()
    await t.ctx.db.insertInto('complaint_events').values({ id: crypto.randomUUID(), complaint_id: bad.rated, type: 'note', actor_id: null, actor_role: 'staff', note: null, from_status: null, to_status: null, created_at: t.ctx.now().toISOString(), data: '{broken', seq: 1000, chain_hash: '0'.repeat(64) }).execute()
    bad.report = (await fileReport(t, volunteer)).id
    await t.ctx.db.updateTable('field_reports').set({ accuracy: Infinity, latitude: TEST_DB === 'sqlite' ? -Infinity : 1e300 }).where('id', '=', bad.report).execute()
    bad.warning = (await published(t, cast.staff.token)).id
    await t.ctx.db.updateTable('warnings').set({ regions: '{"oops"' }).where('id', '=', bad.warning).execute()

    good.complaint = (await fileOdrComplaint(t, cast)).id
    good.report = (await fileReport(t, volunteer)).id
    good.warning = (await published(t, cast.staff.token, { title: '警惕预付卡跑路' })).id
  })
  after(() => t.close())

  async function read(token: string | null, url: string) {
    const response = await t.app.inject({ url, headers: token ? bearer(token) : {} })
    assert.equal(response.statusCode, 200, `${url}: ${response.statusCode} ${response.body}`)
    return response
  }
  const ids = (body: { items: Array<{ id: string }> }) => body.items.map((item) => item.id)

  test('complaint lists of the consumer, every staff member and the liaison answer 200 with the good rows', async () => {
    for (const [token, url] of [
      [cast.consumer.token, '/api/complaints'],
      [cast.staff.token, '/api/staff/complaints'],
      [cast.colleague.token, '/api/staff/complaints?status=resolved'],
      [cast.liaison.token, '/api/enterprise/complaints'],
    ] as const) {
      const listed = ids((await read(token, url)).json())
      if (!url.includes('resolved')) assert.ok(listed.includes(good.complaint!), `${url} lost the good complaint`)
    }
  })

  test('a damaged complaint still opens: bad demands, deadline and event data read as empty', async () => {
    const detail = (await read(cast.consumer.token, `/api/complaints/${bad.damaged}`)).json()
    assert.deepEqual(detail.demands, [])
    const rated = (await read(cast.consumer.token, `/api/complaints/${bad.rated}`)).json()
    assert.equal(rated.events.at(-1).data, null)
  })

  test('the public enterprise page opens for anonymous visitors; a rating outside 1–5 is left out of the average', async () => {
    const page = (await read(null, `/api/enterprises/${cast.enterpriseId}`)).json()
    assert.equal(page.figures.ratingCount, 0)
  })

  test('field reports (mine, staff list, CSV, the report) and staff statistics answer 200', async () => {
    assert.ok(ids((await read(volunteer.token, '/api/field-reports/mine')).json()).includes(good.report!))
    assert.ok(ids((await read(cast.staff.token, '/api/staff/field-reports')).json()).includes(good.report!))
    await read(cast.staff.token, '/api/staff/field-reports.csv')
    await read(cast.staff.token, `/api/field-reports/${good.report}`)
    await read(cast.staff.token, '/api/staff/statistics')
  })

  test('warnings (public list, staff list, the warning) answer 200 with bad regions read as none', async () => {
    assert.ok(ids((await read(null, '/api/warnings')).json()).includes(good.warning!))
    assert.ok(ids((await read(cast.staff.token, '/api/staff/warnings')).json()).includes(good.warning!))
    assert.deepEqual((await read(null, `/api/warnings/${bad.warning}`)).json().regions, [])
  })
})
