import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from '../../__tests__/support/test-app'
import { seedDemoData } from '../demo'
import { DEMO_GROUP_BUSINESS, seedDemoGroup } from '../demo-group'

describe(`demo data: a group complaint in the city's 重点督办 list (${TEST_DB})`, () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
    await seedDemoData(t.ctx.db)
  })
  after(() => t.close())

  test('five demo complaints about one tea shop form one group held by 西湖区, seen by 杭州市; seeding again adds nothing', async () => {
    await seedDemoGroup(t.ctx)
    await seedDemoGroup(t.ctx)
    const groups = await t.ctx.db.selectFrom('complaint_groups').innerJoin('organizations', 'organizations.id', 'complaint_groups.organization_id').select(['complaint_groups.id', 'member_count', 'organizations.name']).execute()
    assert.equal(groups.length, 1)
    assert.equal(Number(groups[0]!.member_count), 5)
    assert.equal(groups[0]!.name, '杭州市西湖区消费者协会')
    const city = await loginByPhone(t, '13800000012')
    const list = await t.app.inject({ method: 'GET', url: '/api/staff/groups', headers: bearer(city.accessToken) })
    assert.deepEqual((list.json() as { items: Array<{ businessName: string }> }).items.map((g) => g.businessName), [DEMO_GROUP_BUSINESS])
  })
})
