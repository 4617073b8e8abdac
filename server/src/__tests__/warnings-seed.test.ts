import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { WarningSearchResponse } from '../../../src/contract/warning'
import { sanitizeWarningHtml } from '../modules/warnings/warning-html'
import { seedDemoData } from '../seed/demo'
import { WARNING_SEEDS } from '../seed/warnings-content'
import { createTestApp, TEST_DB, type TestApp } from './support/test-app'

describe(`the seeded warnings (${TEST_DB})`, () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
    await seedDemoData(t.ctx.db)
  })
  after(() => t.close())

  test('at least 24, published, once each even when seeding runs again', async () => {
    await seedDemoData(t.ctx.db)
    const rows = await t.ctx.db.selectFrom('warnings').selectAll().execute()
    assert.ok(rows.length >= 24, `${rows.length} warnings`)
    assert.equal(rows.length, WARNING_SEEDS.length)
    assert.equal(new Set(rows.map((r) => r.title)).size, rows.length)
    assert.ok(rows.every((r) => r.status === 'published' && r.published_at! <= new Date().toISOString()))
    assert.ok(rows.every((r) => r.body_text.length > 50), 'body text kept for search')
  })

  test('every seed body is already inside the safe subset (sanitizing changes nothing)', () => {
    for (const seed of WARNING_SEEDS) assert.equal(sanitizeWarningHtml(seed.bodyHtml), seed.bodyHtml.trim(), seed.title)
  })

  test('all three kinds, at least two comparison tests with tables, some urgent', async () => {
    const rows = await t.ctx.db.selectFrom('warnings').selectAll().execute()
    assert.deepEqual(new Set(rows.map((r) => r.kind)), new Set(['warning', 'tip', 'comparison']))
    const comparisons = rows.filter((r) => r.kind === 'comparison')
    assert.ok(comparisons.length >= 2 && comparisons.every((r) => r.body_html.includes('<table>')))
    assert.ok(rows.some((r) => Number(r.urgent) === 1))
  })

  test('会销 and 退款 find seeded warnings', async () => {
    for (const q of ['会销', '退款']) {
      const found = (await t.app.inject({ url: `/api/warnings/search?q=${encodeURIComponent(q)}` })).json() as WarningSearchResponse
      assert.ok(found.total >= 2, `${q}: ${found.total}`)
      assert.ok(found.items[0]!.highlight.title.some((s) => s.hit) || found.items.every((w) => !w.title.includes(q)))
    }
  })
})
