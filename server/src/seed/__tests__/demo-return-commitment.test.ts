import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from '../../__tests__/support/test-app'
import { seedDemoData } from '../demo'
import { DEMO_RETURN_STORE } from '../demo-return-commitment'

describe(`demo data: a committed store of the demo supermarket (${TEST_DB})`, () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
    await seedDemoData(t.ctx.db)
    await seedDemoData(t.ctx.db)
  })
  after(() => t.close())

  test('the public finds one demo store; its liaison sees three months of returns honoured', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/return-commitments' })).json()
    assert.deepEqual(
      list.items.map((s: { storeName: string; status: string }) => [s.storeName, s.status]),
      [[DEMO_RETURN_STORE.storeName, 'active']],
      'one store, however often the seed runs',
    )
    const liaison = await loginByPhone(t, DEMO_RETURN_STORE.liaisonPhone)
    const own = (await t.app.inject({ method: 'GET', url: '/api/enterprise/return-commitments', headers: bearer(liaison.accessToken) })).json()
    assert.equal(own.items[0].months.length, 3)
    assert.equal(own.items[0].returnsCount, 42 + 37 + 51)
  })
})
