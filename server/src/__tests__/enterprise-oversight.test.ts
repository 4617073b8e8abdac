import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { runAdminCommand } from '../cli/admin-commands'
import { seedDemoNetwork } from '../seed/organizations'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'

describe(`an enterprise stays under the oversight of the association of its region (${TEST_DB})`, () => {
  let t: TestApp
  const token: Record<string, string> = {}
  let enterpriseId = ''

  before(async () => {
    t = await createTestApp()
    await seedDemoNetwork(t.ctx.db, t.ctx.now())
    const people = [
      ['top', '13974000001', '消费者协会'],
      ['city', '13974000002', '示例省杭州市消费者协会'],
      ['xihu', '13974000003', '杭州市西湖区消费者协会'],
      ['shangcheng', '13974000004', '杭州市上城区消费者协会'],
    ] as const
    for (const [key, phone, organization] of people) {
      await runAdminCommand(t.ctx.db, 'add-staff', { phone, name: key, organization })
      token[key] = (await loginByPhone(t, phone, `10.74.0.${phone.slice(-1)}`)).accessToken
    }
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/enterprises',
      headers: bearer(token.top!),
      payload: { name: '西湖边示例茶叶有限公司', industry: 'food', province: '浙江省', city: '杭州市', district: '西湖区' },
    })
    assert.equal(created.statusCode, 201, created.body)
    enterpriseId = created.json().id
  })
  after(() => t.close())

  const edit = (who: string) =>
    t.app.inject({ method: 'PATCH', url: `/api/enterprises/${enterpriseId}`, headers: bearer(token[who]!), payload: { address: `北山街 ${who} 号` } })
  const liaisons = (who: string) => t.app.inject({ method: 'GET', url: `/api/enterprises/${enterpriseId}/liaisons`, headers: bearer(token[who]!) })

  test('西湖区, its city and the top may edit a 西湖区 enterprise and see its liaisons', async () => {
    for (const who of ['xihu', 'city', 'top']) {
      assert.equal((await edit(who)).statusCode, 200, who)
      assert.equal((await liaisons(who)).statusCode, 200, who)
    }
  })

  test('a sibling county is told who oversees it, and nothing changes', async () => {
    const before = (await t.app.inject({ url: `/api/enterprises/${enterpriseId}` })).json().address
    const refused = await edit('shangcheng')
    assert.equal(refused.statusCode, 403)
    assert.deepEqual(refused.json(), { code: 'ENTERPRISE_OVERSEEN_ELSEWHERE', message: '这家企业由“杭州市西湖区消费者协会”监管，请联系该组织修改' })
    assert.equal((await t.app.inject({ url: `/api/enterprises/${enterpriseId}` })).json().address, before)
    const bind = await t.app.inject({ method: 'POST', url: `/api/enterprises/${enterpriseId}/liaisons`, headers: bearer(token.shangcheng!), payload: { phone: '13974000099', name: '钱经理' } })
    assert.equal(bind.statusCode, 403)
    assert.equal((await t.ctx.db.selectFrom('users').select('id').where('phone', '=', '13974000099').executeTakeFirst()), undefined)
    assert.equal((await liaisons('shangcheng')).statusCode, 403)
  })

  test('an unknown enterprise is a 404 for everyone', async () => {
    const response = await t.app.inject({ method: 'PATCH', url: '/api/enterprises/no-such-enterprise', headers: bearer(token.shangcheng!), payload: { address: 'x' } })
    assert.equal(response.statusCode, 404)
  })
})
