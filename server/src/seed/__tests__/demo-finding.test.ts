import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from '../../__tests__/support/test-app'
import { seedDemoData } from '../demo'
import { DEMO_FINDING } from '../demo-finding'
import { DEMO_GROUP_BUSINESS, seedDemoGroup } from '../demo-group'

describe(`demo data: 苏州 shares a finding with 杭州 (${TEST_DB})`, () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
    await seedDemoData(t.ctx.db)
    await seedDemoData(t.ctx.db)
    await seedDemoGroup(t.ctx)
  })
  after(() => t.close())

  test("杭州市 reads 苏州's finding in the alliance feed and on the demo group; the province is not in the alliance", async () => {
    const city = await loginByPhone(t, '13800000012')
    const alliances = (await t.app.inject({ method: 'GET', url: '/api/staff/alliances', headers: bearer(city.accessToken) })).json()
    const feed = (await t.app.inject({ method: 'GET', url: `/api/staff/alliances/${alliances.items[0].id}/findings`, headers: bearer(city.accessToken) })).json()
    assert.deepEqual(
      feed.items.map((f: { organization: { name: string }; business: { name: string }; complaintCount: number }) => [f.organization.name, f.business.name, f.complaintCount]),
      [[DEMO_FINDING.organization, DEMO_GROUP_BUSINESS, DEMO_FINDING.complaintCount]],
      'one finding, however often the seed runs',
    )
    const group = await t.ctx.db.selectFrom('complaint_groups').select('id').executeTakeFirstOrThrow()
    const onGroup = (await t.app.inject({ method: 'GET', url: `/api/staff/groups/${group.id}/alliance-findings`, headers: bearer(city.accessToken) })).json()
    assert.equal(onGroup.items.length, 1)
    const province = await loginByPhone(t, '13800000011', '10.0.0.2')
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/staff/alliances/${alliances.items[0].id}/findings`, headers: bearer(province.accessToken) })).statusCode, 404)
  })
})
