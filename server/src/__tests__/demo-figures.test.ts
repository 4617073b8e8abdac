import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { fenToYuan } from '../../../src/contract/complaint-rules'
import type { Figure, OrganizationFigures } from '../../../src/contract/statistics-figures'
import { seedDemoData } from '../seed/demo'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'

const line = (name: string, f: Figure) =>
  `${name}: 收到 ${f.received}，受理 ${f.accepted}，办结 ${f.closed}（办结率 ${f.closeRate}），按期 ${f.closedOnTime}（${f.onTimeRate}），调解成功 ${f.mediationSucceeded}/${f.mediationEnded}（${f.mediationSuccessRate}），挽回 ${fenToYuan(f.recoveredFen)} 元`

// The demo start shows the network's roll-up figures: province → cities → counties, each login its own subtree.
describe(`demo data: roll-up figures province → city → county (${TEST_DB})`, () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
    await seedDemoData(t.ctx.db)
    await seedDemoData(t.ctx.db)
  })
  after(() => t.close())

  const figuresOf = async (phone: string, ip: string) => {
    const { accessToken } = await loginByPhone(t, phone, ip)
    const response = await t.app.inject({ method: 'GET', url: '/api/staff/statistics/figures', headers: bearer(accessToken) })
    assert.equal(response.statusCode, 200, response.body)
    return response.json<OrganizationFigures>()
  }

  test('the province sees its two cities, a city its two counties, a county itself; seeding twice adds nothing', async () => {
    const province = await figuresOf('13800000011', '10.91.0.1')
    const city = await figuresOf('13800000012', '10.91.0.2')
    const county = await figuresOf('13800000013', '10.91.0.3')
    for (const f of [province, city, county]) {
      console.log(line(`${f.organizationName}${f.includesBelow ? '（含下级）' : ''}`, f.total))
      for (const child of f.children) console.log(`  ${line(child.name, child)}`)
    }
    assert.equal(province.total.received, 12)
    assert.deepEqual(province.children.map((c) => c.received).sort(), [5, 7])
    assert.equal(city.total.received, 7)
    assert.deepEqual(city.children.map((c) => [c.name, c.received]).sort(), [['杭州市上城区消费者协会', 3], ['杭州市西湖区消费者协会', 4]])
    assert.equal(county.total.received, 4)
    assert.deepEqual(county.children, [])
    assert.equal(province.total.recoveredFen, 260_000 + 12_800 + 180_000 + 99_900 + 450_000 + 35_000 + 6_600)
  })
})
