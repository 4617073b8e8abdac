import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { WarningDetail, WarningListResponse } from '../../../src/contract/warning'
import { WarningViewCounter } from '../modules/warnings/warning-views'
import { seedDemoData } from '../seed/demo'
import { createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'
import { published } from './support/warnings'

const viewCount = async (t: TestApp, id: string) => Number((await t.ctx.db.selectFrom('warnings').select('view_count').where('id', '=', id).executeTakeFirstOrThrow()).view_count)

describe(`warning views are saved in batches, each exactly once (${TEST_DB})`, () => {
  let t: TestApp
  let staff: string
  before(async () => {
    t = await createTestApp()
    await seedDemoData(t.ctx.db)
    staff = (await loginByPhone(t, '13800000004', '10.9.2.4')).accessToken
  })
  after(() => t.close())

  test('two API instances counting the same warnings, flushing in turns and at once, add up exactly', async () => {
    const [a, b] = [(await published(t, staff, { title: '阅读数合并测试其一' })).id, (await published(t, staff, { title: '阅读数合并测试其二' })).id]
    const one = new WarningViewCounter(t.ctx.db)
    const two = new WarningViewCounter(t.ctx.db)
    let expected = 0
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 7; i++) one.record(i % 2 ? a : b)
      for (let i = 0; i < 5; i++) two.record(a)
      expected += 12
      // Views keep arriving while a flush is under way; they go into it or into the next one.
      const flushing = Promise.all([one.flush(), two.flush()])
      await new Promise((resolve) => setImmediate(resolve))
      one.record(b)
      expected += 1
      await flushing
      if (round % 2) await Promise.all([one.flush(), one.flush(), two.flush()])
    }
    await Promise.all([one.flush(), two.flush()])
    assert.equal((await viewCount(t, a)) + (await viewCount(t, b)), expected)
    assert.equal(one.unsaved(a) + one.unsaved(b) + two.unsaved(a), 0)
    await one.flush() // nothing left: nothing more is added
    assert.equal((await viewCount(t, a)) + (await viewCount(t, b)), expected)
  })

  test('a flush the database refuses keeps its views for the next flush', async () => {
    const id = (await published(t, staff, { title: '阅读数写入失败测试' })).id
    // Two below the most the column takes (PostgreSQL's integer, SQLite's numeric rule).
    const nearlyFull = t.ctx.dialect === 'postgres' ? 2_147_483_645 : Number.MAX_SAFE_INTEGER - 2
    await t.ctx.db.updateTable('warnings').set({ view_count: nearlyFull }).where('id', '=', id).execute()
    const counter = new WarningViewCounter(t.ctx.db)
    for (let i = 0; i < 3; i++) counter.record(id)
    await assert.rejects(counter.flush())
    assert.equal(counter.unsaved(id), 3)
    await t.ctx.db.updateTable('warnings').set({ view_count: 10 }).where('id', '=', id).execute()
    counter.record(id)
    await counter.flush()
    assert.equal(await viewCount(t, id), 14)
    assert.equal(counter.unsaved(id), 0)
  })

  test('readers see their view at once; the list shows it after the flush, and closing the app flushes', async () => {
    const { id } = await published(t, staff, { title: '阅读数关闭时写入测试' })
    await Promise.all(Array.from({ length: 20 }, () => t.app.inject({ url: `/api/warnings/${id}` })))
    const detail = (await t.app.inject({ url: `/api/warnings/${id}` })).json() as WarningDetail
    assert.equal(detail.viewCount, 21)
    const listed = ((await t.app.inject({ url: '/api/warnings?pageSize=50' })).json() as WarningListResponse).items.find((w) => w.id === id)
    assert.ok(listed && listed.viewCount <= 21)
    await t.app.close()
    assert.equal(await viewCount(t, id), 21)
  })
})
