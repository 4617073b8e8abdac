import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { CREDIT_CODE_PATTERN, INDUSTRIES } from '../../../src/contract/complaint-rules'
import type { EnterpriseSearchResponse } from '../../../src/contract/enterprise'
import { seedDemoData } from '../seed/demo'
import { createTestApp, TEST_DB, type TestApp } from './support/test-app'

describe(`enterprise directory search, no login needed (${TEST_DB})`, () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
    await seedDemoData(t.ctx.db)
  })
  after(() => t.close())

  const search = async (query: string) => {
    const response = await t.app.inject({ url: `/api/enterprises${query}` })
    assert.equal(response.statusCode, 200, response.body)
    return response.json() as EnterpriseSearchResponse
  }

  test('the seed holds at least 30 enterprises in every industry, about half of them ODR, and seeding again adds none', async () => {
    await seedDemoData(t.ctx.db)
    const rows = await t.ctx.db.selectFrom('enterprises').selectAll().execute()
    assert.ok(rows.length >= 30, `${rows.length} enterprises`)
    assert.equal(new Set(rows.map((r) => r.name)).size, rows.length, 'no duplicates after seeding twice')
    const odr = rows.filter((r) => Number(r.odr) === 1)
    assert.ok(odr.length >= rows.length * 0.4 && odr.length <= rows.length * 0.6, `${odr.length} of ${rows.length} ODR`)
    for (const r of odr) assert.match(r.odr_since ?? '', /^202[3-6]-\d{2}-\d{2}$/)
    assert.deepEqual(new Set(rows.map((r) => r.industry)), new Set(INDUSTRIES))
    for (const r of rows) assert.match(r.credit_code ?? '', CREDIT_CODE_PATTERN, r.name)
    assert.ok(new Set(rows.map((r) => r.province)).size >= 5)
    const demo = rows.find((r) => r.name === '示例优选超市有限公司')!
    assert.equal(Number(demo.odr), 1, 'the demo liaison can use the green channel')
  })

  test('a two-character Chinese term finds names containing it, ODR members first', async () => {
    const found = await search(`?q=${encodeURIComponent('健身')}`)
    assert.deepEqual(found.items.map((e) => e.name), ['乐动力健身俱乐部有限公司', '汉口健体健身管理有限公司'])
    assert.equal(found.total, 2)
    assert.equal(found.items[0]!.odr, true)
    assert.equal(found.items[1]!.odr, false)
    assert.equal(found.items[0]!.city, '北京市')
  })

  test('a single character matches too, and % or _ are taken literally', async () => {
    const one = await search(`?q=${encodeURIComponent('超')}`)
    assert.ok(one.items.some((e) => e.name === '示例优选超市有限公司'))
    for (const e of one.items) assert.ok(e.name.includes('超'))
    assert.equal((await search(`?q=${encodeURIComponent('%')}`)).total, 0)
    assert.equal((await search(`?q=${encodeURIComponent('_')}`)).total, 0)
  })

  test('filters combine with each other and with the name', async () => {
    const guangdongOdr = await search(`?province=${encodeURIComponent('广东省')}&odr=1`)
    assert.ok(guangdongOdr.total >= 2)
    for (const e of guangdongOdr.items) assert.ok(e.province === '广东省' && e.odr)
    const shenzhenAppliances = await search(`?city=${encodeURIComponent('深圳市')}&industry=appliances`)
    assert.deepEqual(shenzhenAppliances.items.map((e) => e.name), ['鹏城数码家电有限公司'])
    const notOdrFood = await search(`?q=${encodeURIComponent('有限')}&industry=food&odr=0`)
    assert.ok(notOdrFood.total >= 1)
    for (const e of notOdrFood.items) assert.ok(e.industry === 'food' && !e.odr)
  })

  test('pages are stable: page 2 continues page 1 without overlap', async () => {
    const first = await search('')
    const second = await search('?page=2')
    assert.equal(first.pageSize, 20)
    assert.equal(first.items.length, 20)
    assert.equal(first.total, second.total)
    assert.equal(first.items.length + second.items.length, first.total)
    const ids = new Set([...first.items, ...second.items].map((e) => e.id))
    assert.equal(ids.size, first.total)
    const odrFlags = [...first.items, ...second.items].map((e) => e.odr)
    assert.deepEqual(odrFlags, [...odrFlags].sort((a, b) => Number(b) - Number(a)), 'ODR members come first')
  })

  test('bad queries are refused in Chinese', async () => {
    for (const query of ['?industry=shoes', '?odr=yes', '?page=0', `?q=${'长'.repeat(51)}`, '?color=red']) {
      const response = await t.app.inject({ url: `/api/enterprises${encodeURI(query)}` })
      assert.equal(response.statusCode, 400, query)
      assert.match(response.json().message, /[\u4e00-\u9fa5]/)
    }
    const missing = await t.app.inject({ url: '/api/enterprises/no-such-id' })
    assert.equal(missing.statusCode, 404)
    assert.equal(missing.json().message, '企业不存在或已被移除')
  })
})
