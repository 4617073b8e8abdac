import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { EnterpriseDetail } from '../../../src/contract/enterprise'
import { seedDemoData } from '../seed/demo'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'

describe(`staff manage the enterprise directory (${TEST_DB})`, () => {
  let t: TestApp
  let staff: string
  let consumer: string
  let liaison: string
  before(async () => {
    t = await createTestApp()
    await seedDemoData(t.ctx.db)
    staff = (await loginByPhone(t, '13800000004', '10.7.0.4')).accessToken
    consumer = (await loginByPhone(t, '13800000001', '10.7.0.1')).accessToken
    liaison = (await loginByPhone(t, '13800000003', '10.7.0.3')).accessToken
  })
  after(() => t.close())

  const call = (method: 'POST' | 'PATCH', url: string, token: string | null, payload: object) =>
    t.app.inject({ method, url, payload, headers: token ? bearer(token) : {} })

  const NEW = { name: '福满多便利店有限公司', industry: 'food', province: '河南省', city: '郑州市', district: '金水区', address: '经三路 12 号', contactPhone: '0371-65001111', promises: ['线下无理由退货'] }

  test('staff create an enterprise; it is found at once, and a second one with the same name is refused', async () => {
    const created = await call('POST', '/api/enterprises', staff, NEW)
    assert.equal(created.statusCode, 201, created.body)
    const body = created.json() as EnterpriseDetail
    assert.equal(body.odr, false)
    assert.deepEqual(body.promises, ['线下无理由退货'])
    const found = await t.app.inject({ url: `/api/enterprises?q=${encodeURIComponent('福满多')}` })
    assert.deepEqual(found.json().items.map((e: { id: string }) => e.id), [body.id])

    const again = await call('POST', '/api/enterprises', staff, NEW)
    assert.equal(again.statusCode, 400)
    assert.match(again.json().message, /已有「福满多便利店有限公司」/)
  })

  test('bad fields are refused in Chinese', async () => {
    for (const payload of [
      { ...NEW, name: '福' },
      { ...NEW, name: '新名字有限公司', creditCode: '12345' },
      { ...NEW, name: '新名字有限公司', industry: 'shoes' },
      { ...NEW, name: '新名字有限公司', contactPhone: '12' },
      { ...NEW, name: '新名字有限公司', owner: 'me' },
      { ...NEW, name: '新名字有限公司', odrSince: '2025-01-01' },
    ]) {
      const response = await call('POST', '/api/enterprises', staff, payload)
      assert.equal(response.statusCode, 400, JSON.stringify(payload))
      assert.match(response.json().message, /[\u4e00-\u9fa5]/)
    }
    const empty = await call('PATCH', `/api/enterprises/whatever`, staff, {})
    assert.equal(empty.statusCode, 400)
  })

  test('staff switch ODR on (dated today) and off, and edit other fields', async () => {
    const { id } = (await t.ctx.db.selectFrom('enterprises').select('id').where('name', '=', '博学堂教育科技有限公司').executeTakeFirstOrThrow())
    const on = await call('PATCH', `/api/enterprises/${id}`, staff, { odr: true, promises: ['未上课时退全款'] })
    assert.equal(on.statusCode, 200, on.body)
    assert.equal(on.json().odr, true)
    assert.match(on.json().odrSince, /^\d{4}-\d{2}-\d{2}$/)
    assert.deepEqual(on.json().promises, ['未上课时退全款'])
    const odrList = await t.app.inject({ url: `/api/enterprises?q=${encodeURIComponent('博学堂')}&odr=1` })
    assert.equal(odrList.json().total, 1)

    const off = await call('PATCH', `/api/enterprises/${id}`, staff, { odr: false, address: '学院路 37 号' })
    assert.equal(off.json().odr, false)
    assert.equal(off.json().odrSince, null)
    assert.equal(off.json().address, '学院路 37 号')
    assert.equal((await call('PATCH', '/api/enterprises/no-such-id', staff, { odr: true })).statusCode, 404)
  })

  test('staff create a liaison account, or bind an existing one, who then signs in as the enterprise', async () => {
    const { id } = (await t.ctx.db.selectFrom('enterprises').select('id').where('name', '=', '鑫诚汽车销售服务有限公司').executeTakeFirstOrThrow())
    const created = await call('POST', `/api/enterprises/${id}/liaisons`, staff, { phone: '13911115555', name: '孙经理' })
    assert.equal(created.statusCode, 201, created.body)
    assert.deepEqual(created.json().enterprise, { id, name: '鑫诚汽车销售服务有限公司' })
    const session = await loginByPhone(t, '13911115555', '10.7.1.1')
    assert.equal(session.user.role, 'enterprise')

    const existing = await loginByPhone(t, '13911116666', '10.7.1.2')
    const bound = await call('POST', `/api/enterprises/${id}/liaisons`, staff, { phone: '13911116666', name: '周主管' })
    assert.equal(bound.statusCode, 200)
    assert.equal(bound.json().id, existing.user.id, 'the consumer keeps their account')
    assert.equal(bound.json().role, 'enterprise')

    const staffPhone = await call('POST', `/api/enterprises/${id}/liaisons`, staff, { phone: '13800000004', name: '陈主任' })
    assert.equal(staffPhone.statusCode, 400)
    assert.match(staffPhone.json().message, /消协工作人员/)
    assert.equal((await call('POST', `/api/enterprises/${id}/liaisons`, staff, { phone: '123', name: '某' })).statusCode, 400)
    assert.equal((await call('POST', '/api/enterprises/no-such-id/liaisons', staff, { phone: '13911117777', name: '某' })).statusCode, 404)

    // Staff see who answers for the enterprise; others may not.
    const list = await t.app.inject({ url: `/api/enterprises/${id}/liaisons`, headers: bearer(staff) })
    assert.equal(list.statusCode, 200, list.body)
    const liaisons = list.json().items as Array<{ displayName: string; phone: string }>
    assert.deepEqual(liaisons.map((l) => l.phone).sort(), ['13911115555', '13911116666'])
    assert.equal(liaisons.find((l) => l.phone === '13911115555')?.displayName, '孙经理')
    for (const token of [consumer, liaison]) assert.equal((await t.app.inject({ url: `/api/enterprises/${id}/liaisons`, headers: bearer(token) })).statusCode, 403)
    assert.equal((await t.app.inject({ url: '/api/enterprises/no-such-id/liaisons', headers: bearer(staff) })).statusCode, 404)
  })

  test('the app saves the whole form with PUT (the mini-program cannot send PATCH)', async () => {
    const { id } = (await t.ctx.db.selectFrom('enterprises').select('id').where('name', '=', '福满多便利店有限公司').executeTakeFirstOrThrow())
    const form = { ...NEW, creditCode: null, odr: true, odrSince: null, promises: ['线下无理由退货', '先行赔付'] }
    const saved = await t.app.inject({ method: 'PUT', url: `/api/enterprises/${id}`, payload: form, headers: bearer(staff) })
    assert.equal(saved.statusCode, 200, saved.body)
    assert.equal(saved.json().odr, true)
    assert.deepEqual(saved.json().promises, ['线下无理由退货', '先行赔付'])
    const partial = await t.app.inject({ method: 'PUT', url: `/api/enterprises/${id}`, payload: { odr: false }, headers: bearer(staff) })
    assert.equal(partial.statusCode, 400, 'PUT needs the whole form')
    const refused = await t.app.inject({ method: 'PUT', url: `/api/enterprises/${id}`, payload: form, headers: bearer(consumer) })
    assert.equal(refused.statusCode, 403)
  })

  test('consumers and liaisons get 403, and nobody signed out gets in', async () => {
    const { id } = (await t.ctx.db.selectFrom('enterprises').select('id').where('name', '=', '示例优选超市有限公司').executeTakeFirstOrThrow())
    for (const token of [consumer, liaison]) {
      for (const [method, url, payload] of [
        ['POST', '/api/enterprises', { ...NEW, name: '越权企业有限公司' }],
        ['PATCH', `/api/enterprises/${id}`, { odr: false }],
        ['POST', `/api/enterprises/${id}/liaisons`, { phone: '13911118888', name: '某' }],
      ] as const) {
        const refused = await call(method, url, token, payload)
        assert.equal(refused.statusCode, 403, `${method} ${url}`)
        assert.deepEqual(refused.json(), { code: 'FORBIDDEN', message: '您没有权限进行此操作' })
      }
    }
    assert.equal((await call('PATCH', `/api/enterprises/${id}`, null, { odr: false })).statusCode, 401)
    const still = await t.app.inject({ url: `/api/enterprises/${id}` })
    assert.equal(still.json().odr, true)
  })
})
