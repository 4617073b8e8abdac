import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { UrgentWarningsResponse, WarningDetail, WarningListResponse } from '../../../src/contract/warning'
import { seedDemoData } from '../seed/demo'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'
import { createDraft, publish, published } from './support/warnings'

describe(`the public reads warnings without logging in (${TEST_DB})`, () => {
  let t: TestApp
  let staff: string
  before(async () => {
    t = await createTestApp()
    await seedDemoData(t.ctx.db)
    staff = (await loginByPhone(t, '13800000004', '10.6.0.4')).accessToken
  })
  after(() => t.close())

  const list = async (query = '') => {
    const response = await t.app.inject({ url: `/api/warnings${query}` })
    assert.equal(response.statusCode, 200, response.body)
    return response.json() as WarningListResponse
  }
  const status = async (id: string) => (await t.app.inject({ url: `/api/warnings/${id}` })).statusCode

  test('the seeded list: page 1 pins urgent ones above the rest, newest first, and pages do not repeat them', async () => {
    const first = await list('?pageSize=10')
    assert.ok(first.pinned.length >= 1 && first.pinned.every((w) => w.urgent))
    const pinnedIds = new Set(first.pinned.map((w) => w.id))
    assert.ok(first.items.every((w) => !pinnedIds.has(w.id)))
    const times = first.items.map((w) => w.publishedAt)
    assert.deepEqual(times, [...times].sort().reverse())
    const second = await list('?pageSize=10&page=2')
    assert.deepEqual(second.pinned, [])
    assert.equal(second.total, first.total)
    assert.ok(second.items.every((w) => !pinnedIds.has(w.id) && !first.items.some((f) => f.id === w.id)))
    const all = await t.ctx.db.selectFrom('warnings').select('id').where('status', '=', 'published').execute()
    assert.equal(first.total + first.pinned.length, all.length)
  })

  test('tabs by kind and the industry filter narrow the list', async () => {
    const comparisons = await list('?kind=comparison')
    assert.ok(comparisons.items.length + comparisons.pinned.length >= 1)
    for (const w of [...comparisons.items, ...comparisons.pinned]) assert.equal(w.kind, 'comparison')
    const prepaid = await list('?industry=prepaid')
    assert.ok(prepaid.total + prepaid.pinned.length >= 1)
    for (const w of [...prepaid.items, ...prepaid.pinned]) assert.equal(w.industry, 'prepaid')
    const bad = await t.app.inject({ url: '/api/warnings?kind=rumour' })
    assert.equal(bad.statusCode, 400)
  })

  test('a region filter keeps nationwide warnings and those for that region', async () => {
    const local = await published(t, staff, { title: '杭州某健身房闭店提醒', regions: ['浙江省杭州市'] })
    const elsewhere = await published(t, staff, { title: '成都某美容院闭店提醒', regions: ['四川省成都市'] })
    const nationwide = await published(t, staff, { title: '全国性的消费提醒示例' })
    const ids = async (query: string) => (await list(`${query}&pageSize=50`)).items.map((w) => w.id)
    const inHangzhou = await ids(`?region=${encodeURIComponent('浙江省杭州市')}`)
    assert.ok(inHangzhou.includes(local.id) && inHangzhou.includes(nationwide.id) && !inHangzhou.includes(elsewhere.id))
    const inZhejiang = await ids(`?region=${encodeURIComponent('浙江省')}`)
    assert.ok(inZhejiang.includes(local.id) && !inZhejiang.includes(elsewhere.id))
    assert.deepEqual((await list(`?region=${encodeURIComponent('浙江省杭州市')}`)).items.find((w) => w.id === local.id)?.regions, ['浙江省杭州市'])
  })

  test('drafts, archived and scheduled warnings are 404 and not listed; a scheduled one appears when its time comes', async () => {
    const draft = await createDraft(t, staff, { title: '尚未发布的草稿警示' })
    assert.equal(await status(draft.id), 404)
    const notFound = await t.app.inject({ url: `/api/warnings/${draft.id}` })
    assert.equal(notFound.json().code, 'WARNING_NOT_FOUND')
    assert.match(notFound.json().message, /不存在或已下架/)

    const archived = await published(t, staff, { title: '即将归档的旧警示' })
    assert.equal(await status(archived.id), 200)
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/staff/warnings/${archived.id}/archive`, headers: bearer(staff) })).statusCode, 200)
    assert.equal(await status(archived.id), 404)

    const inAnHour = new Date(t.ctx.now().getTime() + 3600_000).toISOString()
    const scheduled = await publish(t, staff, (await createDraft(t, staff, { title: '一小时后发布的警示' })).id, inAnHour)
    assert.equal(scheduled.status, 'published')
    assert.equal(await status(scheduled.id), 404)
    const listed = async () => (await list('?pageSize=50')).items.map((w) => w.id)
    assert.ok(!(await listed()).includes(scheduled.id))
    assert.ok(!(await listed()).includes(draft.id) && !(await listed()).includes(archived.id))
    t.advance(3600_000 + 1000)
    staff = (await loginByPhone(t, '13800000004', '10.6.0.4')).accessToken // the old session has expired
    assert.equal(await status(scheduled.id), 200)
    assert.equal((await listed())[0], scheduled.id)
  })

  test('opening a warning counts one view per request, also when many arrive at once', async () => {
    const warning = await published(t, staff, { title: '阅读数测试警示' })
    await Promise.all(Array.from({ length: 20 }, () => t.app.inject({ url: `/api/warnings/${warning.id}` })))
    const detail = (await t.app.inject({ url: `/api/warnings/${warning.id}` })).json() as WarningDetail
    assert.equal(detail.viewCount, 21)
    assert.equal(detail.issuer, '示例市消费者协会')
    assert.match(detail.bodyHtml, /零元游/)
  })

  test('the detail lists up to 4 related warnings, same industry first, never itself or a draft', async () => {
    const older = await published(t, staff, { title: '预付卡相关警示其一', industry: 'prepaid' })
    t.advance(1000)
    const newer = await published(t, staff, { title: '预付卡相关警示其二', industry: 'prepaid' })
    const draft = await createDraft(t, staff, { title: '预付卡相关的草稿', industry: 'prepaid' })
    const detail = (await t.app.inject({ url: `/api/warnings/${older.id}` })).json() as WarningDetail
    assert.ok(detail.related.length > 0 && detail.related.length <= 4)
    assert.equal(detail.related[0]!.id, newer.id)
    assert.ok(detail.related.every((w) => w.id !== older.id && w.id !== draft.id))
  })

  test('the 首页 banner gets at most 3 urgent warnings, newest first', async () => {
    t.advance(1000)
    const fresh = await published(t, staff, { title: '最新的紧急警示示例', urgent: true })
    const banner = (await t.app.inject({ url: '/api/warnings/urgent' })).json() as UrgentWarningsResponse
    assert.ok(banner.items.length <= 3)
    assert.equal(banner.items[0]!.id, fresh.id)
    assert.ok(banner.items.every((w) => w.urgent))
  })
})
