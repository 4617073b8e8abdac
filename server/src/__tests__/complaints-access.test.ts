import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { seedDemoData } from '../seed/demo'
import { countRows, fileComplaint, postComplaint, validComplaint } from './support/complaints'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'

describe(`who may see and change a complaint (${TEST_DB})`, () => {
  let t: TestApp
  let owner: string
  let stranger: string
  let complaintId: string
  before(async () => {
    t = await createTestApp()
    await seedDemoData(t.ctx.db)
    owner = (await loginByPhone(t, '13800000001', '10.4.0.1')).accessToken
    stranger = (await loginByPhone(t, '13900000301', '10.4.0.2')).accessToken
    complaintId = (await fileComplaint(t, owner)).id
  })
  after(() => t.close())

  const notFound = (response: { statusCode: number; json(): { code: string } }) => {
    assert.equal(response.statusCode, 404)
    assert.equal(response.json().code, 'NOT_FOUND')
  }

  test("another consumer cannot read, message or withdraw it: 404, as if it did not exist", async () => {
    notFound(await t.app.inject({ url: `/api/complaints/${complaintId}`, headers: bearer(stranger) }))
    notFound(
      await t.app.inject({ method: 'POST', url: `/api/complaints/${complaintId}/messages`, headers: bearer(stranger), payload: { text: '我也被骗了' } }),
    )
    notFound(await t.app.inject({ method: 'POST', url: `/api/complaints/${complaintId}/withdraw`, headers: bearer(stranger), payload: {} }))
    const list = (await t.app.inject({ url: '/api/complaints', headers: bearer(stranger) })).json()
    assert.deepEqual(list.items, [])
    const mine = (await t.app.inject({ url: `/api/complaints/${complaintId}`, headers: bearer(owner) })).json()
    assert.equal(mine.status, 'awaiting_review')
    assert.equal(mine.events.length, 1)
  })

  test('an id that does not exist is 404 too', async () => {
    notFound(await t.app.inject({ url: '/api/complaints/00000000-0000-0000-0000-000000000000', headers: bearer(owner) }))
  })

  test('a volunteer files and follows a complaint of their own, and still cannot read others', async () => {
    const volunteer = (await loginByPhone(t, '13800000002', '10.4.1.9')).accessToken
    const own = await postComplaint(t, volunteer, validComplaint(t))
    assert.equal(own.statusCode, 201, own.body)
    const list = (await t.app.inject({ url: '/api/complaints', headers: bearer(volunteer) })).json()
    assert.deepEqual(list.items.map((c: { id: string }) => c.id), [own.json().id])
    notFound(await t.app.inject({ url: `/api/complaints/${complaintId}`, headers: bearer(volunteer) }))
  })

  test('enterprises and staff cannot file complaints (403)', async () => {
    const before = await countRows(t, 'complaints')
    for (const [phone, ip] of [['13800000003', '10.4.1.3'], ['13800000004', '10.4.1.4']] as const) {
      const session = await loginByPhone(t, phone, ip)
      const response = await postComplaint(t, session.accessToken, validComplaint(t))
      assert.equal(response.statusCode, 403, phone)
      assert.equal(response.json().code, 'FORBIDDEN')
      const list = await t.app.inject({ url: '/api/complaints', headers: bearer(session.accessToken) })
      assert.equal(list.statusCode, 403, phone)
      // Staff read every complaint; a liaison whose enterprise it was not routed to gets 404.
      const read = await t.app.inject({ url: `/api/complaints/${complaintId}`, headers: bearer(session.accessToken) })
      if (phone === '13800000004') assert.equal(read.statusCode, 200, read.body)
      else notFound(read)
    }
    assert.equal(await countRows(t, 'complaints'), before)
  })

  test('without signing in: 401', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/complaints', payload: validComplaint(t) })
    assert.equal(response.statusCode, 401)
    assert.equal((await t.app.inject({ url: '/api/complaints' })).statusCode, 401)
    assert.equal((await t.app.inject({ url: `/api/complaints/${complaintId}` })).statusCode, 401)
  })

  test('the API docs list the complaint routes', async () => {
    const spec = (await t.app.inject({ url: '/api/docs/json' })).json()
    for (const path of ['/api/complaints', '/api/complaints/{id}', '/api/complaints/{id}/messages', '/api/complaints/{id}/withdraw']) {
      assert.ok(spec.paths[path], `missing ${path}`)
    }
  })
})
