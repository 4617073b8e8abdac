import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { StatisticsResponse } from '../../../src/contract/statistics'
import { runAdminCommand } from '../cli/admin-commands'
import { seedDemoNetwork } from '../seed/organizations'
import { fileComplaint } from './support/complaints'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'
import { act } from './support/workflow'

const XIHU = '杭州市西湖区消费者协会'
const SHANGCHENG = '杭州市上城区消费者协会'
const HANGZHOU = '示例省杭州市消费者协会'
const HAISHU = '宁波市海曙区消费者协会'

// Statistics count the caller's organization and everything below it; the top counts the whole network.
describe(`statistics are scoped to the caller's organization subtree (${TEST_DB})`, () => {
  let t: TestApp
  const staff: Record<string, string> = {}
  const org: Record<string, string> = {}
  let consumer: string

  const statistics = async (token: string) => {
    const response = await t.app.inject({ method: 'GET', url: '/api/staff/statistics', headers: bearer(token) })
    assert.equal(response.statusCode, 200, response.body)
    return response.json<StatisticsResponse>()
  }
  const received = async (token: string) => (await statistics(token)).received
  const file = (region: string, name: string) => fileComplaint(t, consumer, { business: { name, region } })

  before(async () => {
    t = await createTestApp()
    await seedDemoNetwork(t.ctx.db, t.ctx.now())
    for (const row of await t.ctx.db.selectFrom('organizations').select(['id', 'name']).execute()) org[row.name] = row.id
    let n = 0
    for (const name of [XIHU, SHANGCHENG, HANGZHOU, HAISHU]) {
      n += 1
      const phone = `1397200000${n}`
      await runAdminCommand(t.ctx.db, 'add-staff', { phone, name: `干事${n}`, organization: name })
      staff[name] = (await loginByPhone(t, phone, `10.72.0.${n}`)).accessToken
    }
    await runAdminCommand(t.ctx.db, 'create-staff', { phone: '13972000099', name: '总会' })
    staff.top = (await loginByPhone(t, '13972000099', '10.72.0.99')).accessToken
    consumer = (await loginByPhone(t, '13972000100', '10.72.1.1')).accessToken
  })
  after(() => t.close())

  test('a county counts only its own, the city the sum of its counties, the top everything; a transfer moves the figures', async () => {
    const a = await file('浙江省/杭州市/西湖区', '西湖一号店')
    await file('浙江省/杭州市/西湖区', '西湖一号店')
    await file('浙江省/杭州市/上城区', '上城二号店')
    await file('浙江省/宁波市/海曙区', '海曙三号店')
    await file('北京市/朝阳区', '北京四号店')

    const xihu = await statistics(staff[XIHU]!)
    assert.equal(xihu.received, 2)
    assert.deepEqual(xihu.topEnterprises.map((e) => [e.name, e.count]), [['西湖一号店', 2]])
    assert.deepEqual(xihu.scope, { organizationName: XIHU, includesBelow: false })
    assert.equal(await received(staff[SHANGCHENG]!), 1)
    assert.equal(await received(staff[HAISHU]!), 1)
    const city = await statistics(staff[HANGZHOU]!)
    assert.equal(city.received, 3)
    assert.deepEqual(city.topEnterprises.map((e) => [e.name, e.count]), [['西湖一号店', 2], ['上城二号店', 1]])
    assert.deepEqual(city.scope, { organizationName: HANGZHOU, includesBelow: true })
    const top = await statistics(staff.top!)
    assert.equal(top.received, 5)
    assert.equal(top.topEnterprises.length, 4)

    await act(t, staff[XIHU]!, a.id, 'accept')
    const moved = await t.app.inject({ method: 'POST', url: `/api/complaints/${a.id}/transfer`, headers: bearer(staff[XIHU]!), payload: { toOrganizationId: org[SHANGCHENG]!, reason: '经营地在上城区' } })
    assert.equal(moved.statusCode, 200, moved.body)
    assert.equal(await received(staff[XIHU]!), 1)
    assert.equal(await received(staff[SHANGCHENG]!), 2)
    assert.equal(await received(staff[HANGZHOU]!), 3)
    assert.equal(await received(staff.top!), 5)
  })

  test('overdue counts only the subtree’s open cases, before today and today', async () => {
    const b = await file('浙江省/杭州市/西湖区', '西湖五号店')
    const c = await file('浙江省/宁波市/海曙区', '海曙六号店')
    const before = { xihu: (await statistics(staff[XIHU]!)).overdue.total, haishu: (await statistics(staff[HAISHU]!)).overdue.total, top: (await statistics(staff.top!)).overdue.total }
    const now = t.ctx.now().getTime()
    await t.ctx.db.updateTable('complaints').set({ due_at: new Date(now - 3 * 86_400_000).toISOString(), due_kind: 'review' }).where('id', '=', b.id).execute()
    await t.ctx.db.updateTable('complaints').set({ due_at: new Date(now - 1000).toISOString(), due_kind: 'review' }).where('id', '=', c.id).execute()
    assert.equal((await statistics(staff[XIHU]!)).overdue.total, before.xihu + 1)
    assert.equal((await statistics(staff[SHANGCHENG]!)).overdue.total, 0)
    // Due a second ago: on some clocks that is still today (counted from complaints), otherwise yesterday (from the rollups).
    assert.equal((await statistics(staff[HAISHU]!)).overdue.total, before.haishu + 1)
    assert.equal((await statistics(staff[HANGZHOU]!)).overdue.review, before.xihu + 1)
    assert.equal((await statistics(staff.top!)).overdue.total, before.top + 2)
  })
})
