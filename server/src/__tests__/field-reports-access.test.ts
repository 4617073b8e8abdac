import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { fileReport, makeStaff, makeVolunteer, signIn, type Person } from './support/volunteers'

describe(`who sees field reports (${TEST_DB})`, () => {
  let t: TestApp
  let staff: Person
  let alice: Person
  let bob: Person
  let consumer: Person
  const get = (who: Person, url: string) => t.app.inject({ method: 'GET', url, headers: bearer(who.token) })
  before(async () => {
    t = await createTestApp()
    staff = await makeStaff(t, '13900008401')
    alice = await makeVolunteer(t, '13900008402', staff, '王建国')
    bob = await makeVolunteer(t, '13900008403', staff, '李桂兰')
    consumer = await signIn(t, '13900008404')
  })
  after(() => t.close())

  test("a volunteer reading another volunteer's report gets 404, as does a consumer; the photos are hidden too", async () => {
    const report = await fileReport(t, alice)
    for (const outsider of [bob, consumer]) {
      const response = await get(outsider, `/api/field-reports/${report.id}`)
      assert.equal(response.statusCode, 404)
      assert.equal(response.json().code, 'NOT_FOUND')
    }
    const evidenceId = (report.photos as Array<{ evidenceId: string }>)[0]!.evidenceId
    assert.equal((await get(bob, `/api/evidence/${evidenceId}`)).statusCode, 404)
    assert.equal((await get(alice, `/api/evidence/${evidenceId}`)).statusCode, 200)
    assert.equal((await get(staff, `/api/evidence/${evidenceId}`)).statusCode, 200)
    assert.equal((await get(staff, `/api/field-reports/${report.id}`)).statusCode, 200)
    assert.equal((await get(alice, '/api/field-reports/does-not-exist')).statusCode, 404)
  })

  test('my reports list only my own, newest first, page by page', async () => {
    for (let i = 0; i < 4; i++) {
      t.advance(1000)
      await fileReport(t, alice, { businessName: `第${i}家店` })
    }
    await fileReport(t, bob)
    const first = await get(alice, '/api/field-reports/mine?limit=3')
    assert.equal(first.statusCode, 200)
    assert.equal(first.json().items.length, 3)
    assert.equal(first.json().items[0].businessName, '第3家店')
    const second = await get(alice, `/api/field-reports/mine?limit=3&cursor=${first.json().nextCursor}`)
    assert.equal(second.json().items.length, 2)
    assert.equal(second.json().nextCursor, null)
    const names = [...first.json().items, ...second.json().items].map((r: { businessName: string }) => r.businessName)
    assert.equal(new Set(names).size, 5)
    assert.equal((await get(alice, '/api/field-reports/mine?cursor=garbage')).statusCode, 400)
    assert.equal((await get(consumer, '/api/field-reports/mine')).statusCode, 403)
  })

  test('staff lists carry the volunteer name and phone; nobody else may open them', async () => {
    for (const who of [alice, consumer]) {
      assert.equal((await get(who, '/api/staff/field-reports')).statusCode, 403)
      assert.equal((await get(who, '/api/staff/field-reports.csv')).statusCode, 403)
    }
    const list = await get(staff, '/api/staff/field-reports')
    assert.equal(list.statusCode, 200)
    const bobs = list.json().items.filter((r: { volunteer: { id: string } }) => r.volunteer.id === bob.id)
    assert.equal(bobs.length, 1)
    assert.deepEqual(bobs[0].volunteer, { id: bob.id, name: '李桂兰', phone: bob.phone })
    assert.ok(bobs[0].location.latitude)
    // The volunteer's own view never names them (it is theirs) and has no volunteer block.
    const own = await get(bob, `/api/field-reports/${bobs[0].id}`)
    assert.equal(own.json().volunteer, undefined)
  })

  test('staff filter by category, region, observed dates and status', async () => {
    const beijing = await fileReport(t, bob, { category: 'unlicensed', region: '北京市/朝阳区', observedAt: '2026-03-01T17:00:00.000Z' })
    const ids = async (query: string) => (await get(staff, `/api/staff/field-reports?${query}`)).json().items.map((r: { id: string }) => r.id)
    assert.deepEqual(await ids('category=unlicensed'), [beijing.id])
    assert.deepEqual(await ids(`region=${encodeURIComponent('北京市')}`), [beijing.id])
    assert.deepEqual(await ids(`region=${encodeURIComponent('%')}`), [])
    // 17:00 UTC on 1 March is 2 March in China.
    assert.deepEqual(await ids('from=2026-03-02&to=2026-03-02'), [beijing.id])
    assert.deepEqual(await ids('from=2026-03-01&to=2026-03-01'), [])
    await t.app.inject({ method: 'POST', url: `/api/staff/field-reports/${beijing.id}/dismiss`, headers: bearer(staff.token), payload: { note: '已核查无此店' } })
    assert.deepEqual(await ids('status=dismissed'), [beijing.id])
    assert.equal((await get(staff, '/api/staff/field-reports?category=gossip')).statusCode, 400)
    assert.equal((await get(staff, '/api/staff/field-reports?from=2026-3-1')).statusCode, 400)
  })

  test('CSV export: BOM, Chinese headers, labels, and formulas neutralised', async () => {
    await fileReport(t, alice, { businessName: '=cmd|calc!A1', notes: '+1 价格, "翻倍"', location: { latitude: -33.8688, longitude: -70.6693, accuracy: 8 } })
    const csv = await get(staff, `/api/staff/field-reports.csv?region=${encodeURIComponent('内蒙古')}`)
    assert.equal(csv.statusCode, 200)
    assert.match(csv.headers['content-type'] as string, /text\/csv/)
    assert.match(csv.headers['content-disposition'] as string, /attachment/)
    const body = csv.rawPayload.toString('utf8')
    assert.ok(body.startsWith('\uFEFF报告编号,'))
    assert.match(body, /过期变质食品/)
    assert.match(body, /待审核/)
    assert.match(body, /'=cmd\|calc!A1/)
    assert.match(body, /"'\+1 价格, ""翻倍"""/)
    assert.match(body, /王建国/)
    // Coordinates are numbers, not formulas: no apostrophe in front of a minus sign.
    assert.match(body, /,-33\.8688,-70\.6693,8,/)
    assert.doesNotMatch(body, /北京市/)
    assert.equal(body.trimEnd().split('\r\n').length, 1 + 7, 'header and the 7 reports filed in 内蒙古')
  })
})
