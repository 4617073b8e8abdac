import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import Fastify from 'fastify'
import { accessControl } from '../plugins/access'
import { errorHandler } from '../plugins/error-handler'
import { seedDemoData } from '../seed/demo'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'

describe(`who may call what (${TEST_DB})`, () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
    await seedDemoData(t.ctx.db)
  })
  after(() => t.close())

  test('staff see the account list; consumers, volunteers and enterprises are refused', async () => {
    const staff = await loginByPhone(t, '13800000004', '10.5.0.4')
    const list = await t.app.inject({ url: '/api/users?role=enterprise', headers: bearer(staff.accessToken) })
    assert.equal(list.statusCode, 200)
    const body = list.json()
    assert.equal(body.total, 1)
    assert.equal(body.items[0].enterprise.name, '示例优选超市有限公司')

    for (const [phone, ip] of [['13800000001', '10.5.0.1'], ['13800000002', '10.5.0.2'], ['13800000003', '10.5.0.3']] as const) {
      const session = await loginByPhone(t, phone, ip)
      const refused = await t.app.inject({ url: '/api/users', headers: bearer(session.accessToken) })
      assert.equal(refused.statusCode, 403, phone)
      assert.deepEqual(refused.json(), { code: 'FORBIDDEN', message: '您没有权限进行此操作' })
    }
  })

  test('the enterprise demo account is bound to its enterprise', async () => {
    t.advance(61_000)
    const liaison = await loginByPhone(t, '13800000003', '10.5.1.3')
    assert.equal(liaison.user.role, 'enterprise')
    const me = await t.app.inject({ url: '/api/me', headers: bearer(liaison.accessToken) })
    assert.equal(me.json().enterprise.name, '示例优选超市有限公司')
  })
})

describe('default deny', () => {
  test('a route that declares no access refuses everyone', async () => {
    const app = Fastify()
    await app.register(errorHandler)
    await app.register(async (api) => {
      await api.register(accessControl, { ctx: {} as never })
      api.get('/forgotten', async () => ({ secret: 42 }))
      api.get('/open', { config: { access: 'public' } }, async () => ({ ok: true }))
    })
    const forgotten = await app.inject({ url: '/forgotten' })
    assert.equal(forgotten.statusCode, 403)
    assert.equal(forgotten.json().code, 'FORBIDDEN')
    assert.equal((await app.inject({ url: '/open' })).statusCode, 200)
    await app.close()
  })
})
