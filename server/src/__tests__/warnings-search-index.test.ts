import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import type { WarningSearchResponse } from '../../../src/contract/warning'
import * as searchIndexMigration from '../db/migrations/2026-12-03T0018-warning-search-index'
import { searchPage } from '../modules/warnings/warning-search'
import { seedDemoData } from '../seed/demo'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'
import { createDraft, publish, published } from './support/warnings'

// A small alphabet (a few CJK characters, Latin in both cases, digits) so that pairs repeat a lot
// and a longer term's pairs often occur apart: the candidates then really need checking.
const ALPHABET = [...'消费退款会销预付卡AaBb12 ']
const HOUR = 3600_000

function random(seed: number) {
  let x = seed
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648
    return x / 2_147_483_648
  }
}

interface Fixture {
  id: string
  title: string
  summary: string
  body_text: string
  status: 'published' | 'draft' | 'archived'
  published_at: string
}

const fold = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase())

/** The rule written out as plainly as possible: a substring check over every public warning. */
function naive(fixtures: Fixture[], q: string, now: string): string[] {
  const needle = fold(q)
  const hits = fixtures.filter(
    (w) => w.status === 'published' && w.published_at <= now && [w.title, w.summary, w.body_text].some((text) => fold(text).includes(needle)),
  )
  const inTitle = (w: Fixture) => (fold(w.title).includes(needle) ? 1 : 0)
  return hits.sort((a, b) => inTitle(b) - inTitle(a) || b.published_at.localeCompare(a.published_at)).map((w) => w.id)
}

describe(`warning search index agrees with a plain substring scan (${TEST_DB})`, () => {
  let t: TestApp
  let staff: string
  let fixtures: Fixture[] = []
  const next = random(20261203)
  const text = (length: number) => Array.from({ length }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]!).join('')

  before(async () => {
    t = await createTestApp()
    await seedDemoData(t.ctx.db)
    staff = (await loginByPhone(t, '13800000004', '10.9.1.4')).accessToken
    const now = t.ctx.now().getTime()
    const rows: Fixture[] = []
    for (let i = 0; i < 300; i++) {
      const roll = next()
      rows.push({
        id: randomUUID(),
        title: text(4 + Math.floor(next() * 8)),
        summary: text(10 + Math.floor(next() * 20)),
        body_text: text(20 + Math.floor(next() * 80)),
        status: roll < 0.8 ? 'published' : roll < 0.9 ? 'draft' : 'archived',
        // Distinct times (no ties to break); one in ten is scheduled for later.
        published_at: new Date(now + (i % 10 === 0 ? 48 : -1) * HOUR - i * 1000).toISOString(),
      })
    }
    await t.ctx.db
      .insertInto('warnings')
      .values(
        rows.map((w) => ({
          ...w,
          kind: 'warning' as const,
          body_html: `<p>${w.body_text}</p>`,
          industry: 'other' as const,
          issuer: '示例市消费者协会',
          cover_image_id: null,
          created_by: null,
          source_report_id: null,
          created_at: w.published_at,
          updated_at: w.published_at,
        })),
      )
      .execute()
    // Rows written behind the service's back have no terms: the migration's backfill builds them.
    await searchIndexMigration.down(t.ctx.db)
    await searchIndexMigration.up(t.ctx.db)
    // The demo's warnings take part too.
    fixtures = (await t.ctx.db.selectFrom('warnings').select(['id', 'title', 'summary', 'body_text', 'status', 'published_at']).execute()) as Fixture[]
  })
  after(() => t.close())

  const everything = { offset: 0, limit: 1000 }
  const at = () => t.ctx.now().toISOString()

  test('2- to 6-character terms, taken from the texts and made up, give what the scan gives, in rank order', async () => {
    const terms = new Set<string>(['消费', '退款', 'ab', 'AB', 'a1', '1 ', '卡A', '会销预付', 'B2消'])
    while (terms.size < 120) {
      const source = fixtures[Math.floor(next() * fixtures.length)]!.body_text
      const length = 2 + Math.floor(next() * 5)
      const from = Math.floor(next() * (source.length - length))
      terms.add(next() < 0.7 ? source.slice(from, from + length) : text(length))
    }
    let nonEmpty = 0
    for (const q of terms) {
      if (q.trim().length < 2) continue
      const expected = naive(fixtures, q, at())
      const page = await searchPage(t.ctx.db, t.ctx.dialect, q, t.ctx.now(), everything)
      assert.deepEqual(page.ids, expected, JSON.stringify(q))
      assert.equal(page.total, expected.length, JSON.stringify(q))
      if (expected.length > 0) nonEmpty++
    }
    assert.ok(nonEmpty > 60, `only ${nonEmpty} terms had hits`)
  })

  test('pages of a common term follow each other without gaps or repeats', async () => {
    const expected = naive(fixtures, '消费', at())
    assert.ok(expected.length > 45)
    const pages = []
    for (let offset = 0; offset < expected.length; offset += 20) pages.push(...(await searchPage(t.ctx.db, t.ctx.dialect, '消费', t.ctx.now(), { offset, limit: 20 })).ids)
    assert.deepEqual(pages, expected)
  })

  test('a scheduled warning turns up once its time has come', async () => {
    const scheduled = fixtures.find((w) => w.status === 'published' && w.published_at > at())!
    const q = scheduled.title.slice(0, 3)
    assert.ok(!(await searchPage(t.ctx.db, t.ctx.dialect, q, t.ctx.now(), everything)).ids.includes(scheduled.id))
    t.advance(49 * HOUR)
    assert.ok((await searchPage(t.ctx.db, t.ctx.dialect, q, t.ctx.now(), everything)).ids.includes(scheduled.id))
    assert.deepEqual((await searchPage(t.ctx.db, t.ctx.dialect, q, t.ctx.now(), everything)).ids, naive(fixtures, q, at()))
    staff = (await loginByPhone(t, '13800000004', '10.9.1.5')).accessToken // the old session has expired
  })

  test('publishing, editing and unpublishing through the API change what is found at once', async () => {
    const ids = async (q: string) => {
      const response = await t.app.inject({ url: `/api/warnings/search?q=${encodeURIComponent(q)}` })
      assert.equal(response.statusCode, 200, response.body)
      return (response.json() as WarningSearchResponse).items.map((item) => item.id)
    }
    const draft = await createDraft(t, staff, { title: '燃气灶以旧换新骗局', summary: '上门推销燃气灶的人自称物业人员，请核实身份。', bodyHtml: '<p>认准Gas安全标识。</p>' })
    assert.deepEqual(await ids('燃气'), [])
    await publish(t, staff, draft.id)
    assert.deepEqual(await ids('燃气'), [draft.id])
    assert.deepEqual(await ids('以旧换新'), [draft.id])
    assert.deepEqual(await ids('gas安全'), [draft.id])

    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/staff/warnings/${draft.id}`,
      headers: bearer(staff),
      payload: { title: '净水器免费检测骗局', bodyHtml: '<p>所谓免费检测，实为推销。</p>' },
    })
    assert.equal(edited.statusCode, 200, edited.body)
    assert.deepEqual(await ids('以旧换新'), [])
    assert.deepEqual(await ids('gas安全'), [])
    assert.deepEqual(await ids('燃气'), [draft.id]) // still in the summary
    assert.deepEqual(await ids('净水'), [draft.id])

    const unpublished = await t.app.inject({ method: 'POST', url: `/api/staff/warnings/${draft.id}/unpublish`, headers: bearer(staff) })
    assert.equal(unpublished.statusCode, 200, unpublished.body)
    assert.deepEqual(await ids('净水'), [])
    assert.deepEqual(await t.ctx.db.selectFrom('warning_terms').select('term').where('warning_id', '=', draft.id).execute(), [])
    await publish(t, staff, draft.id)
    assert.deepEqual(await ids('净水器免费'), [draft.id])
  })

  test('a title hit ranks before a newer body-only hit through the API too', async () => {
    const titled = await published(t, staff, { title: '筋膜枪虚标续航时间', summary: '购买前请查看第三方检测报告和售后条款。' })
    t.advance(1000)
    const bodyOnly = await published(t, staff, { title: '夏季出行安全提示', summary: '长途出行前请检查车辆状况和路线安排。', bodyHtml: '<p>筋膜枪的电池不要在高温处充电。</p>' })
    const response = (await t.app.inject({ url: `/api/warnings/search?q=${encodeURIComponent('筋膜枪')}` })).json() as WarningSearchResponse
    assert.deepEqual(
      response.items.map((item) => item.id),
      [titled.id, bodyOnly.id],
    )
    assert.equal(response.total, 2)
  })
})
