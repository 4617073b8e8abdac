import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from '../../__tests__/support/test-app'
import { seedDemoData } from '../demo'

describe(`demo data: who holds 失信认定 (${TEST_DB})`, () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
    await seedDemoData(t.ctx.db)
    await seedDemoData(t.ctx.db)
  })
  after(() => t.close())

  test('陈主任, 周科长 and 孙处长 open the 失信认定 desk; 吴干事 is refused; 陈主任 still manages the top organization', async () => {
    const chen = await loginByPhone(t, '13800000004')
    const desk = async (phone: string) => {
      const token = phone === '13800000004' ? chen.accessToken : (await loginByPhone(t, phone)).accessToken
      return t.app.inject({ method: 'GET', url: '/api/staff/credit-findings', headers: bearer(token) })
    }
    for (const phone of ['13800000004', '13800000012', '13800000011']) assert.equal((await desk(phone)).statusCode, 200, phone)
    assert.equal((await desk('13800000013')).statusCode, 403)
    const members = await t.app.inject({ method: 'GET', url: '/api/staff/organizations/org-default/members', headers: bearer(chen.accessToken) })
    assert.equal(members.statusCode, 200, members.body)
    const me = (members.json().members as Array<{ userId: string; canManage: boolean; canMediate: boolean; canCreditFindings: boolean }>).find((m) => m.userId === chen.user.id)
    assert.deepEqual(me && [me.canManage, me.canMediate, me.canCreditFindings], [true, true, true])
  })
})
