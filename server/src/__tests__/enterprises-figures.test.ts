import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { EnterpriseDetail } from '../../../src/contract/enterprise'
import { seedDemoData } from '../seed/demo'
import { insertComplaintAbout } from './support/enterprises'
import { createTestApp, TEST_DB, type TestApp } from './support/test-app'

describe(`an enterprise's public page and figures (${TEST_DB})`, () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
    await seedDemoData(t.ctx.db)
  })
  after(() => t.close())

  const idOf = async (name: string) => (await t.ctx.db.selectFrom('enterprises').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id
  const detail = async (id: string) => {
    const response = await t.app.inject({ url: `/api/enterprises/${id}` })
    assert.equal(response.statusCode, 200, response.body)
    return response.json() as EnterpriseDetail
  }
  const hoursAfter = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3600_000).toISOString()

  test('the page shows the ODR badge date, promises, address and contact', async () => {
    const page = await detail(await idOf('示例优选超市有限公司'))
    assert.equal(page.odr, true)
    assert.equal(page.odrSince, '2023-03-15')
    assert.deepEqual(page.promises, ['线下无理由退货', '先行赔付', '48 小时内响应'])
    assert.equal(page.district, '朝阳区')
    assert.equal(page.contactPhone, '010-65001234')
    assert.equal(page.figures.complaintsReceived, 0)
  })

  test('with fewer than 5 complaints the figures are withheld and the note says why', async () => {
    const id = await idOf('京味坊餐饮管理有限公司')
    const created = '2026-10-01T02:00:00.000Z'
    for (let i = 0; i < 4; i++) await insertComplaintAbout(t, id, { status: 'resolved', createdAt: created, firstResponseAt: hoursAfter(created, 5), rating: 5 })
    const { figures } = await detail(id)
    assert.equal(figures.complaintsReceived, 4)
    assert.equal(figures.enoughData, false)
    assert.match(figures.note ?? '', /少于 5 件/)
    assert.equal(figures.medianFirstResponseHours, null)
    assert.equal(figures.settlementRate, null)
    assert.equal(figures.averageRating, null)
    assert.match(figures.definitions.settlementRate, /撤回的不计入/)
  })

  test('from 5 complaints on: median first response, settlement rate over ended ones, average rating', async () => {
    const id = await idOf('鹏城数码家电有限公司')
    const c = '2026-09-01T01:00:00.000Z'
    // Responses after 2, 4, 10 and 30 hours (median 7); one never answered.
    await insertComplaintAbout(t, id, { status: 'resolved', createdAt: c, firstResponseAt: hoursAfter(c, 2), rating: 5 })
    await insertComplaintAbout(t, id, { status: 'mediated', createdAt: c, firstResponseAt: hoursAfter(c, 10), rating: 4 })
    await insertComplaintAbout(t, id, { status: 'mediation_failed', createdAt: c, firstResponseAt: hoursAfter(c, 30), rating: 2 })
    await insertComplaintAbout(t, id, { status: 'enterprise_handling', createdAt: c, firstResponseAt: hoursAfter(c, 4) })
    await insertComplaintAbout(t, id, { status: 'withdrawn', createdAt: c })
    await insertComplaintAbout(t, id, { status: 'rejected', createdAt: c, rating: 1 })
    const { figures } = await detail(id)
    assert.equal(figures.complaintsReceived, 6)
    assert.equal(figures.enoughData, true)
    assert.equal(figures.note, null)
    assert.equal(figures.medianFirstResponseHours, 7)
    // Ended: resolved, mediated, mediation_failed, rejected (withdrawn left out); settled: 2 of 4.
    assert.equal(figures.endedCount, 4)
    assert.equal(figures.settledCount, 2)
    assert.equal(figures.settlementRate, 0.5)
    assert.equal(figures.ratingCount, 4)
    assert.equal(figures.averageRating, 3)
  })

  test('complaints about other enterprises do not count', async () => {
    const { figures } = await detail(await idOf('江城电器商城有限公司'))
    assert.equal(figures.complaintsReceived, 0)
  })
})
