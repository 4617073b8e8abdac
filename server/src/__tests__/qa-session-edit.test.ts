import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { QaSession } from '../../../src/contract/lawyer-qa'
import { SessionViewCounter } from '../modules/lawyers/qa-views'
import { inviteLawyer, scheduleSession } from './support/lawyers'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { makeStaff, type Person } from './support/volunteers'

const HOUR = 3600_000

describe(`staff edit a lawyer Q&A session; its views are counted in batches (${TEST_DB})`, () => {
  let t: TestApp
  let staff: Person
  let zhou: Person
  let wu: Person
  let number = 300

  before(async () => {
    t = await createTestApp({ ACCESS_TOKEN_TTL_SECONDS: String(86400) })
    staff = await makeStaff(t, '13732000001')
    zhou = await inviteLawyer(t, staff, '13732000002', '周律师')
    wu = await inviteLawyer(t, staff, '13732000003', '吴律师')
  })
  after(() => t.close())

  const edit = (id: string, body: object) => t.app.inject({ method: 'PUT', url: `/api/staff/qa-sessions/${id}`, headers: bearer(staff.token), payload: body })
  const staffSession = async (id: string) => ((await t.app.inject({ url: '/api/staff/qa-sessions', headers: bearer(staff.token) })).json().items as QaSession[]).find((s) => s.id === id)!
  const times = (fromHours: number, toHours: number) => {
    const now = t.ctx.now().getTime()
    return { startsAt: new Date(now + fromHours * HOUR).toISOString(), endsAt: new Date(now + toHours * HOUR).toISOString() }
  }

  test('staff change the theme, time and lawyers; the lawyer taken off duty no longer sees the session', async () => {
    const id = await scheduleSession(t, staff, [zhou], ++number, '预付卡退费')
    const before = await staffSession(id)
    assert.equal(before.version, 0)
    const when = times(-1, 48)
    const changed = await edit(id, { version: 0, theme: '  预付卡退费（延长一天）', ...when, lawyerIds: [wu.id] })
    assert.equal(changed.statusCode, 200, changed.body)
    const after = changed.json() as QaSession
    assert.equal(after.theme, '预付卡退费（延长一天）')
    assert.equal(after.title, before.title, 'the number stays')
    assert.deepEqual(after.lawyers.map((l) => l.name), ['吴律师'])
    assert.equal(after.version, 1)
    assert.equal(after.endsAt, when.endsAt)
    const workspace = async (who: Person) => ((await t.app.inject({ url: '/api/lawyer/workspace', headers: bearer(who.token) })).json().sessions as QaSession[]).map((s) => s.id)
    assert.ok(!(await workspace(zhou)).includes(id))
    assert.ok((await workspace(wu)).includes(id))
    const publicView = (await t.app.inject({ url: `/api/qa-sessions/${id}` })).json().session as QaSession
    assert.equal(publicView.theme, '预付卡退费（延长一天）')
  })

  test('an edit from an old version is refused with 409; of two edits at once exactly one wins', async () => {
    const id = await scheduleSession(t, staff, [zhou], ++number, '网购退货')
    const stale = await edit(id, { version: 3, theme: '网购退货（旧）', ...times(-1, 5), lawyerIds: [zhou.id] })
    assert.equal(stale.statusCode, 409)
    assert.equal(stale.json().code, 'QA_SESSION_EDIT_CONFLICT')
    assert.equal(stale.json().message, '这一期刚被别人修改过，请刷新后再改')
    const both = await Promise.all([
      edit(id, { version: 0, theme: '网购退货（甲）', ...times(-1, 5), lawyerIds: [zhou.id] }),
      edit(id, { version: 0, theme: '网购退货（乙）', ...times(-1, 6), lawyerIds: [wu.id] }),
    ])
    assert.deepEqual(both.map((r) => r.statusCode).sort(), [200, 409], both.map((r) => r.body).join('\n'))
    const winner = both.find((r) => r.statusCode === 200)!.json() as QaSession
    const stored = await staffSession(id)
    assert.equal(stored.theme, winner.theme, 'the session is what the winning edit wrote, lawyers and all')
    assert.deepEqual(stored.lawyers.map((l) => l.id), winner.lawyers.map((l) => l.id))
    assert.equal(stored.version, 1)
  })

  test('bad input changes nothing: the end before the start, a lawyer not on the team, an ended session, a JSON string for the version', async () => {
    const id = await scheduleSession(t, staff, [zhou], ++number, '老年人保健品', 2)
    const body = { version: 0, theme: '老年人保健品', ...times(-1, 3), lawyerIds: [zhou.id] }
    assert.equal((await edit(id, { ...body, ...times(3, 1) })).json().code, 'QA_SESSION_TIME_INVALID')
    assert.equal((await edit(id, { ...body, lawyerIds: [staff.id] })).json().code, 'LAWYER_NOT_AVAILABLE')
    assert.equal((await edit(id, { ...body, version: '0' })).statusCode, 400)
    assert.equal((await edit(id, { ...body, number: 999 })).statusCode, 400, 'the number cannot be changed')
    assert.equal((await edit('no-such-session', body)).statusCode, 404)
    t.advance(2 * HOUR)
    const ended = await edit(id, body)
    assert.equal(ended.statusCode, 409)
    assert.equal(ended.json().code, 'QA_SESSION_ENDED')
    const stored = await staffSession(id)
    assert.equal(stored.version, 0)
    assert.deepEqual(stored.lawyers.map((l) => l.name), ['周律师'])
  })

  test('opening a session page writes no row; the reader sees their view at once; closing the app writes them all', async () => {
    const id = await scheduleSession(t, staff, [zhou], ++number, '旅游购物')
    const stored = async () => Number((await t.ctx.db.selectFrom('qa_sessions').select('view_count').where('id', '=', id).executeTakeFirstOrThrow()).view_count)
    const counts: number[] = []
    for (let i = 0; i < 5; i++) counts.push((await t.app.inject({ url: `/api/qa-sessions/${id}` })).json().session.viewCount)
    assert.deepEqual(counts, [1, 2, 3, 4, 5])
    assert.equal(await stored(), 0, 'nothing written yet: views wait for the next batch')
    await t.app.close()
    assert.equal(await stored(), 5)
  })
})

describe(`session views from two instances add up exactly (${TEST_DB})`, () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(() => t.close())

  test('flushes in turns and at once, with views arriving meanwhile', async () => {
    const staff = await makeStaff(t, '13732000011')
    const lawyer = await inviteLawyer(t, staff, '13732000012', '郑律师')
    const [a, b] = [await scheduleSession(t, staff, [lawyer], 401), await scheduleSession(t, staff, [lawyer], 402)]
    const one = new SessionViewCounter(t.ctx.db)
    const two = new SessionViewCounter(t.ctx.db)
    let expected = 0
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 6; i++) one.record(i % 2 ? a : b)
      for (let i = 0; i < 4; i++) two.record(a)
      expected += 10
      const flushing = Promise.all([one.flush(), two.flush()])
      one.record(b)
      expected += 1
      await flushing
    }
    await Promise.all([one.flush(), two.flush(), one.flush()])
    const rows = await t.ctx.db.selectFrom('qa_sessions').select('view_count').where('id', 'in', [a, b]).execute()
    assert.equal(rows.reduce((sum, row) => sum + Number(row.view_count), 0), expected)
    assert.equal(one.unsaved(a) + one.unsaved(b) + two.unsaved(a), 0)
  })
})
