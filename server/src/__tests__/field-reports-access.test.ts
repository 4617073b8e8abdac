import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { runAdminCommand } from '../cli/admin-commands'
import { DEFAULT_ORGANIZATION_ID } from '../modules/organizations/organizations.repository'
import { createOrganization } from '../modules/organizations/organizations.service'
import { insertUser } from '../modules/users/user.repository'
import { withUnmigratedDatabase } from './support/migration-database'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { fileReport, makeStaff, makeVolunteer, notificationsOf, signIn, staffPost, type Person } from './support/volunteers'

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

describe(`field reports belong to the organization covering their region (${TEST_DB})`, () => {
  let t: TestApp
  let top: Person
  let city: Person
  let xihu: Person
  let shangcheng: Person
  let volunteer: Person
  const get = (who: Person, url: string) => t.app.inject({ method: 'GET', url, headers: bearer(who.token) })
  const listed = async (who: Person) => (await get(who, '/api/staff/field-reports?limit=100')).json().items.map((r: { id: string }) => r.id) as string[]
  const csv = async (who: Person) => (await get(who, '/api/staff/field-reports.csv')).rawPayload.toString('utf8')
  const statusOf = async (id: string) => (await t.ctx.db.selectFrom('field_reports').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status

  before(async () => {
    t = await createTestApp()
    const suffix = randomUUID().slice(0, 6)
    const hangzhou = await createOrganization(t.ctx.db, { name: `杭州市消费者协会${suffix}`, level: 'city', regionCode: '3301', parentId: DEFAULT_ORGANIZATION_ID }, t.ctx.now())
    const counties = { xihu: `西湖区消费者协会${suffix}`, shangcheng: `上城区消费者协会${suffix}` }
    await createOrganization(t.ctx.db, { name: counties.xihu, level: 'county', regionCode: '330106', parentId: hangzhou.id }, t.ctx.now())
    await createOrganization(t.ctx.db, { name: counties.shangcheng, level: 'county', regionCode: '330102', parentId: hangzhou.id }, t.ctx.now())
    const member = async (phone: string, organization: string) => {
      await runAdminCommand(t.ctx.db, 'add-staff', { phone, name: '干事', organization })
      return signIn(t, phone)
    }
    top = await makeStaff(t, '13900008501')
    city = await member('13900008502', hangzhou.name)
    xihu = await member('13900008503', counties.xihu)
    shangcheng = await member('13900008504', counties.shangcheng)
    volunteer = await makeVolunteer(t, '13900008505', top, '赵志愿')
  })
  after(() => t.close())

  test("a West Lake report: West Lake, Hangzhou and the top see it with its photo; Shangcheng (a sibling county) does not", async () => {
    const report = await fileReport(t, volunteer, { region: '浙江省/杭州市/西湖区', businessName: '文三路水果店' })
    const photo = (report.photos as Array<{ evidenceId: string }>)[0]!.evidenceId
    for (const who of [xihu, city, top]) {
      assert.ok((await listed(who)).includes(report.id))
      assert.match(await csv(who), /文三路水果店/)
      assert.equal((await get(who, `/api/field-reports/${report.id}`)).statusCode, 200)
      assert.equal((await get(who, `/api/evidence/${photo}`)).statusCode, 200)
    }
    assert.ok(!(await listed(shangcheng)).includes(report.id))
    assert.doesNotMatch(await csv(shangcheng), /文三路水果店/)
    for (const url of [`/api/field-reports/${report.id}`, `/api/evidence/${photo}`]) {
      const response = await get(shangcheng, url)
      assert.equal(response.statusCode, 404)
      assert.equal(response.json().code, 'NOT_FOUND')
    }
  })

  test('a sibling county cannot verify, dismiss or convert the report (404, nothing changes, nobody is told)', async () => {
    const report = await fileReport(t, volunteer, { region: '浙江省/杭州市/西湖区' })
    const before = (await notificationsOf(t, volunteer.id)).length
    for (const [action, body] of [['verify', {}], ['dismiss', { note: '不是我们区的' }], ['convert-complaint', {}], ['convert-warning', {}]] as const) {
      const response = await staffPost(t, shangcheng, `/api/staff/field-reports/${report.id}/${action}`, body)
      assert.equal(response.statusCode, 404, action)
      assert.equal(response.json().code, 'NOT_FOUND')
    }
    assert.equal(await statusOf(report.id), 'pending')
    assert.equal((await notificationsOf(t, volunteer.id)).length, before)
    // Once decided by its own county, the sibling still gets 404, not "already decided".
    assert.equal((await staffPost(t, xihu, `/api/staff/field-reports/${report.id}/verify`, {})).statusCode, 200)
    assert.equal((await staffPost(t, shangcheng, `/api/staff/field-reports/${report.id}/dismiss`, { note: '重复' })).statusCode, 404)
    assert.equal((await staffPost(t, city, `/api/staff/field-reports/${report.id}/dismiss`, { note: '重复' })).statusCode, 200)
    assert.equal(await statusOf(report.id), 'dismissed')
  })

  test('a report naming only the city goes to the city; one outside every organization to the top', async () => {
    const hangzhouOnly = await fileReport(t, volunteer, { region: '浙江省/杭州市' })
    const mongolia = await fileReport(t, volunteer, { region: '内蒙古/锡林郭勒盟/正蓝旗' })
    const noRegion = await fileReport(t, volunteer, { region: undefined })
    assert.ok((await listed(city)).includes(hangzhouOnly.id))
    assert.ok(!(await listed(xihu)).includes(hangzhouOnly.id))
    assert.equal((await get(xihu, `/api/field-reports/${hangzhouOnly.id}`)).statusCode, 404)
    for (const id of [mongolia.id, noRegion.id]) {
      assert.ok((await listed(top)).includes(id))
      assert.ok(!(await listed(city)).includes(id))
      assert.equal((await get(city, `/api/field-reports/${id}`)).statusCode, 404)
    }
    // The volunteer who filed them reads all three, whichever organization reviews them.
    for (const id of [hangzhouOnly.id, mongolia.id, noRegion.id]) assert.equal((await get(volunteer, `/api/field-reports/${id}`)).statusCode, 200)
  })

  test('a county that converts its report into a complaint holds that complaint; its sibling does not see it', async () => {
    const report = await fileReport(t, volunteer, { region: '浙江省/杭州市/西湖区', businessName: '保俶路药店' })
    const converted = await staffPost(t, xihu, `/api/staff/field-reports/${report.id}/convert-complaint`, { note: '请核查' })
    assert.equal(converted.statusCode, 200)
    const { complaintId } = converted.json()
    const complaint = await get(xihu, `/api/complaints/${complaintId}`)
    assert.equal(complaint.statusCode, 200)
    assert.equal(complaint.json().status, 'awaiting_review')
    assert.equal((await get(city, `/api/complaints/${complaintId}`)).statusCode, 200)
    assert.equal((await get(shangcheng, `/api/complaints/${complaintId}`)).statusCode, 404)
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/complaints/${complaintId}/actions/accept`, headers: bearer(xihu.token), payload: {} })).statusCode, 200)
  })
})

describe(`field reports filed before organizations held them (${TEST_DB})`, () => {
  test('the migration gives each report the organization covering its region, else the top', async () => {
    await withUnmigratedDatabase(async (db, migrator) => {
      assert.equal((await migrator.migrateTo('2026-12-04T0036-event-hash-chain')).error, undefined)
      const at = '2026-12-01T00:00:00.000Z'
      const org = (id: string, parent: string, path: string, level: string, region: string, depth: number) =>
        db.insertInto('organizations').values({ id, parent_id: parent, level, region_code: region, name: id, path, depth, rule_family: null, group_threshold: null, group_window_days: null, created_at: at } as never).execute()
      await org('o-hz', 'org-default', '/org-default/o-hz/', 'city', '3301', 1)
      await org('o-xh', 'o-hz', '/org-default/o-hz/o-xh/', 'county', '330106', 2)
      const volunteer = await insertUser(db, { phone: '13688000101', role: 'volunteer', displayName: '老志愿者' })
      const report = (id: string, region: string | null) =>
        db
          .insertInto('field_reports')
          .values({ id, volunteer_id: volunteer.id, client_id: id, request_hash: 'h', category: 'expired_food', status: 'pending', business_name: '老店', region, observed_at: at, created_at: at, updated_at: at } as never)
          .execute()
      await report('r-xihu', '浙江省/杭州市/西湖区')
      await report('r-xihu-2', '浙江省/杭州市/西湖区')
      await report('r-shangcheng', '浙江省/杭州市/上城区')
      await report('r-mongolia', '内蒙古/锡林郭勒盟')
      await report('r-none', null)
      const migrated = await migrator.migrateToLatest()
      assert.equal(migrated.error, undefined, String(migrated.error))
      const rows = await db.selectFrom('field_reports').select(['id', 'organization_id', 'organization_path']).orderBy('id').execute()
      assert.deepEqual(rows, [
        { id: 'r-mongolia', organization_id: 'org-default', organization_path: '/org-default/' },
        { id: 'r-none', organization_id: 'org-default', organization_path: '/org-default/' },
        { id: 'r-shangcheng', organization_id: 'o-hz', organization_path: '/org-default/o-hz/' },
        { id: 'r-xihu', organization_id: 'o-xh', organization_path: '/org-default/o-hz/o-xh/' },
        { id: 'r-xihu-2', organization_id: 'o-xh', organization_path: '/org-default/o-hz/o-xh/' },
      ])
    })
  })
})
