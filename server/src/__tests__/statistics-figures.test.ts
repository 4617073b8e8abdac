import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Figure, OrganizationFigures } from '../../../src/contract/statistics-figures'
import { runAdminCommand } from '../cli/admin-commands'
import { checkDeadlines } from '../jobs/deadlines'
import { seedDemoNetwork } from '../seed/organizations'
import { fileComplaint } from './support/complaints'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'
import { act } from './support/workflow'
import { addTestStation, consentedWalkIn, makeOperator, submitWalkIn, walkInComplaint } from './support/walk-ins'

const PROVINCE = '示例省消费者协会'
const HANGZHOU = '示例省杭州市消费者协会'
const NINGBO = '示例省宁波市消费者协会'
const XIHU = '杭州市西湖区消费者协会'
const SHANGCHENG = '杭州市上城区消费者协会'
const HAISHU = '宁波市海曙区消费者协会'

const counts = (f: Figure) => ({ received: f.received, accepted: f.accepted, closed: f.closed, closedOnTime: f.closedOnTime, mediationEnded: f.mediationEnded, mediationSucceeded: f.mediationSucceeded, recoveredFen: f.recoveredFen })

// The figures an association reports upward: each organization its subtree, the organizations below side by side.
describe(`roll-up figures per organization, side by side (${TEST_DB})`, () => {
  let t: TestApp
  const staff: Record<string, string> = {}
  const org: Record<string, string> = {}
  let consumer: string

  const figures = async (who: string) => {
    const response = await t.app.inject({ method: 'GET', url: '/api/staff/statistics/figures', headers: bearer(staff[who]!) })
    assert.equal(response.statusCode, 200, response.body)
    return response.json<OrganizationFigures>()
  }
  const file = (region: string, name: string) => fileComplaint(t, consumer, { business: { name, region } })
  const ok = async (who: string, id: string, action: string, payload?: object) => {
    const response = await act(t, staff[who]!, id, action, payload)
    assert.equal(response.statusCode, 200, `${action}: ${response.body}`)
  }

  before(async () => {
    t = await createTestApp()
    await seedDemoNetwork(t.ctx.db, t.ctx.now())
    for (const row of await t.ctx.db.selectFrom('organizations').select(['id', 'name']).execute()) org[row.name] = row.id
    let n = 0
    for (const name of [PROVINCE, HANGZHOU, XIHU, SHANGCHENG, HAISHU]) {
      n += 1
      await runAdminCommand(t.ctx.db, 'add-staff', { phone: `1397300000${n}`, name: `干事${n}`, organization: name })
      staff[name] = (await loginByPhone(t, `1397300000${n}`, `10.73.0.${n}`)).accessToken
    }
    await runAdminCommand(t.ctx.db, 'create-staff', { phone: '13973000099', name: '总会' })
    staff.top = (await loginByPhone(t, '13973000099', '10.73.0.99')).accessToken
    consumer = (await loginByPhone(t, '13973000100', '10.73.1.1')).accessToken

    // 西湖区: mediated with money (on time), mediation failed, mediated after the deadline passed.
    const mediated = await file('浙江省/杭州市/西湖区', '西湖一号店')
    for (const [action, payload] of [['accept'], ['start_mediation'], ['mediation_succeeded', { agreement: '退款', recoveredAmountFen: 12_345 }], ['close', { outcome: '已履行' }]] as const) {
      await ok(XIHU, mediated.id, action, payload)
    }
    const failed = await file('浙江省/杭州市/西湖区', '西湖二号店')
    for (const [action, payload] of [['accept'], ['start_mediation'], ['mediation_failed', { advice: 'litigation' }], ['close', { outcome: '告知诉讼' }]] as const) {
      await ok(XIHU, failed.id, action, payload)
    }
    const late = await file('浙江省/杭州市/西湖区', '西湖三号店')
    await ok(XIHU, late.id, 'accept')
    await t.ctx.db.updateTable('complaints').set({ due_at: new Date(t.ctx.now().getTime() - 86_400_000).toISOString() }).where('id', '=', late.id).execute()
    await ok(XIHU, late.id, 'start_mediation')
    await ok(XIHU, late.id, 'mediation_succeeded', { agreement: '换货', recoveredAmountFen: 500 })
    await ok(XIHU, late.id, 'close', { outcome: '已履行' })
    // 上城区: one refused at review (closed on time, never accepted).
    const refused = await file('浙江省/杭州市/上城区', '上城一号店')
    await ok(SHANGCHENG, refused.id, 'reject', { ground: 'missing_facts' })
    // 海曙区 one open case flagged late by the deadline job; 北京 one held by the top.
    const flagged = await file('浙江省/宁波市/海曙区', '海曙一号店')
    await t.ctx.db.updateTable('complaints').set({ due_at: new Date(t.ctx.now().getTime() - 1000).toISOString(), due_kind: 'review' }).where('id', '=', flagged.id).execute()
    await checkDeadlines(t.ctx)
    await file('北京市/朝阳区', '北京一号店')
  })
  after(() => t.close())

  test('a county sees its own figures and nothing of a sibling; rates as counted', async () => {
    const xihu = await figures(XIHU)
    assert.equal(xihu.organizationName, XIHU)
    assert.equal(xihu.includesBelow, false)
    assert.deepEqual(xihu.children, [])
    assert.equal(xihu.own, null)
    assert.deepEqual(counts(xihu.total), { received: 3, accepted: 3, closed: 3, closedOnTime: 2, mediationEnded: 3, mediationSucceeded: 2, recoveredFen: 12_845 })
    assert.equal(xihu.total.onTimeRate, 0.667)
    assert.equal(xihu.total.mediationSuccessRate, 0.667)
    assert.equal(xihu.total.closeRate, 1)
    assert.equal(xihu.byMonth.reduce((sum, month) => sum + month.received, 0), 3)
    assert.equal(xihu.byIndustry.reduce((sum, industry) => sum + industry.recoveredFen, 0), 12_845)
    assert.ok(!JSON.stringify(xihu).includes(SHANGCHENG))
    const shangcheng = await figures(SHANGCHENG)
    assert.deepEqual(counts(shangcheng.total), { received: 1, accepted: 0, closed: 1, closedOnTime: 1, mediationEnded: 0, mediationSucceeded: 0, recoveredFen: 0 })
    assert.equal(shangcheng.total.mediationSuccessRate, null)
  })

  test('the city sees its counties side by side, the province its cities, the top the province and its own', async () => {
    const city = await figures(HANGZHOU)
    assert.equal(city.total.received, 4)
    assert.deepEqual(city.children.map((c) => [c.name, c.received, c.closedOnTime]).sort(), [[SHANGCHENG, 1, 1], [XIHU, 3, 2]])
    assert.equal(city.own!.received, 0)
    const province = await figures(PROVINCE)
    assert.equal(province.total.received, 5)
    assert.deepEqual(province.children.map((c) => [c.name, c.received]).sort(), [[NINGBO, 1], [HANGZHOU, 4]])
    const ningbo = province.children.find((c) => c.name === NINGBO)!
    assert.equal(ningbo.closed, 0)
    const top = await figures('top')
    assert.equal(top.total.received, 6)
    // 苏州 (the demo alliance partner) sits directly below the top too, with nothing received here.
    assert.deepEqual(top.children.map((c) => [c.name, c.received]), [[PROVINCE, 5], ['苏州市消费者权益保护委员会', 0]])
    assert.equal(top.own!.received, 1)
  })

  test('a case flagged late stays late: closing it later does not count as on time', async () => {
    const row = await t.ctx.db.selectFrom('complaints').select(['id', 'late_at']).where('business_name', '=', '海曙一号店').executeTakeFirstOrThrow()
    assert.ok(row.late_at)
    await ok(HAISHU, row.id, 'reject', { ground: 'missing_facts' })
    const haishu = await figures(HAISHU)
    assert.deepEqual([haishu.total.closed, haishu.total.closedOnTime, haishu.total.onTimeRate], [1, 0, 0])
  })

  test('a transfer moves the figures, acceptance included (the receiver accepts again)', async () => {
    const moving = await file('浙江省/杭州市/西湖区', '西湖四号店')
    await ok(XIHU, moving.id, 'accept')
    assert.deepEqual([(await figures(XIHU)).total.received, (await figures(XIHU)).total.accepted], [4, 4])
    const moved = await t.app.inject({ method: 'POST', url: `/api/complaints/${moving.id}/transfer`, headers: bearer(staff[XIHU]!), payload: { toOrganizationId: org[SHANGCHENG]!, reason: '经营地在上城区' } })
    assert.equal(moved.statusCode, 200, moved.body)
    assert.deepEqual([(await figures(XIHU)).total.received, (await figures(XIHU)).total.accepted], [3, 3])
    assert.deepEqual([(await figures(SHANGCHENG)).total.received, (await figures(SHANGCHENG)).total.accepted], [2, 0])
    const city = await figures(HANGZHOU)
    assert.deepEqual(city.children.map((c) => [c.name, c.received]).sort(), [[SHANGCHENG, 2], [XIHU, 3]])
    assert.equal(city.total.received, 5)
  })

  test('CSV: BOM, Chinese headers, the total, own and each county, months and industries', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/staff/statistics/figures.csv', headers: bearer(staff[HANGZHOU]!) })
    assert.equal(response.statusCode, 200)
    assert.equal(response.headers['content-type'], 'text/csv; charset=utf-8')
    assert.match(String(response.headers['content-disposition']), /attachment; filename="weiquan-figures-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"/)
    const lines = response.body.split('\r\n')
    assert.equal(lines[0], '\uFEFF分组,名称,收到（件）,受理（件）,办结（件）,已引导（件）,办结率,按期办结（件）,按期办结率,调解结束（件）,调解成功（件）,调解成功率,挽回经济损失（元）')
    assert.equal(lines[1], `合计,${HANGZHOU}（含下级）,5,3,4,0,80%,3,75%,3,2,66.7%,128.45`)
    assert.equal(lines[2], `本级,${HANGZHOU},0,0,0,0,,0,,0,0,,0`)
    assert.ok(lines.includes(`下级机构,${XIHU}（含下级）,3,3,3,0,100%,2,66.7%,3,2,66.7%,128.45`), response.body)
    assert.ok(lines.some((line) => line.startsWith('月份,')))
    assert.ok(lines.some((line) => line.startsWith('行业,')))
    const county = await t.app.inject({ method: 'GET', url: '/api/staff/statistics/figures.csv', headers: bearer(staff[SHANGCHENG]!) })
    assert.ok(!county.body.includes(XIHU))
    assert.ok(!county.body.includes('本级'))
  })

  test('by station: cases filed at each station of the subtree per month, in the figures and the CSV', async () => {
    const wensan = await addTestStation(t, org[XIHU]!, '统计文三路服务站')
    await addTestStation(t, org[HAISHU]!, '统计鼓楼服务站')
    const operator = await makeOperator(t, '13973000201', wensan, org[XIHU]!)
    for (const phone of ['13973000301', '13973000302']) {
      const filed = await submitWalkIn(t, operator, await consentedWalkIn(t, operator, phone), walkInComplaint(t, phone))
      assert.equal(filed.statusCode, 201, filed.body)
    }
    const month = new Date(t.ctx.now().getTime() + 8 * 3600_000).toISOString().slice(0, 7)
    const stationsOf = async (who: string) => (await figures(who)).byStation.stations.map((s) => [s.name, s.total, s.counts.at(-1)])

    const city = await figures(HANGZHOU)
    assert.equal(city.byStation.months.length, 12)
    assert.equal(city.byStation.months.at(-1), month)
    assert.equal(city.byStation.wholeMonths, true)
    assert.deepEqual(city.byStation.stations.map((s) => [s.name, s.organizationName, s.total, s.counts.at(-1)]), [['统计文三路服务站', XIHU, 2, 2]])
    assert.deepEqual(await stationsOf(XIHU), [['统计文三路服务站', 2, 2]])
    assert.deepEqual(await stationsOf(SHANGCHENG), [])
    assert.deepEqual((await stationsOf(PROVINCE)).sort(), [['统计文三路服务站', 2, 2], ['统计鼓楼服务站', 0, 0]])
    assert.deepEqual((await stationsOf('top')).length, 2)

    // The counter operator (neither manages nor mediates) sees only the station they work at.
    const own = await t.app.inject({ method: 'GET', url: '/api/staff/statistics/figures', headers: bearer(operator.token) })
    assert.deepEqual(own.json<OrganizationFigures>().byStation.stations.map((s) => s.id), [wensan.id])

    // Another period: its own months; a range inside a month is still counted by whole months, and says so.
    const past = await t.app.inject({ method: 'GET', url: '/api/staff/statistics/figures?from=2024-01-01&to=2024-03-31', headers: bearer(staff[XIHU]!) })
    const pastStations = past.json<OrganizationFigures>().byStation
    assert.deepEqual([pastStations.months, pastStations.wholeMonths, pastStations.stations[0]!.counts], [['2024-01', '2024-02', '2024-03'], true, [0, 0, 0]])
    const partial = await t.app.inject({ method: 'GET', url: '/api/staff/statistics/figures?from=2024-01-10&to=2024-02-20', headers: bearer(staff[XIHU]!) })
    assert.equal(partial.json<OrganizationFigures>().byStation.wholeMonths, false)

    const csv = (await t.app.inject({ method: 'GET', url: '/api/staff/statistics/figures.csv', headers: bearer(staff[HANGZHOU]!) })).body.split('\r\n')
    const header = csv.findIndex((line) => line.startsWith('服务站代办（件）,所属机构,'))
    assert.ok(header > 0, csv.join('\n'))
    assert.equal(csv[header - 1], '')
    assert.match(csv[header]!, /,合计$/)
    assert.match(csv[header + 1]!, new RegExp(`^统计文三路服务站,${XIHU},(0,){11}2,2$`))
    const sibling = await t.app.inject({ method: 'GET', url: '/api/staff/statistics/figures.csv', headers: bearer(staff[SHANGCHENG]!) })
    assert.ok(!sibling.body.includes('服务站'))
  })

  test('bad dates are refused with a Chinese message', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/staff/statistics/figures?from=2026-02-30', headers: bearer(staff[XIHU]!) })
    assert.equal(response.statusCode, 400)
    assert.match(response.json<{ message: string }>().message, /日期/)
  })
})
