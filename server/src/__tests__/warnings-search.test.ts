import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { WarningSearchResponse } from '../../../src/contract/warning'
import { seedDemoData } from '../seed/demo'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'
import { createDraft, publish, published } from './support/warnings'

/**
 * The same fixed warnings and queries on SQLite and PostgreSQL (both through the warning_terms
 * bigram index): the expected id lists are the same whichever TEST_DB runs this file.
 */
describe(`warning search gives the same results on both databases (${TEST_DB})`, () => {
  let t: TestApp
  let staff: string
  const ids: Record<string, string> = {}
  before(async () => {
    t = await createTestApp()
    await seedDemoData(t.ctx.db)
    // Only the fixtures below take part: the seeded warnings are archived out of the way.
    await t.ctx.db.updateTable('warnings').set({ status: 'archived' }).execute()
    await t.ctx.db.deleteFrom('warning_terms').execute() // what archiving through the API does
    staff = (await loginByPhone(t, '13800000004', '10.9.0.4')).accessToken
    const fixtures: Record<string, Record<string, string>> = {
      sales: {
        title: '老年人保健品会销陷阱',
        summary: '免费体检、赠送鸡蛋的推销活动要当心。',
        bodyHtml: '<p>常见套路：先送礼品，再推销保健品和预付卡。</p>',
      },
      prepaid: { title: '预付卡退款难怎么办', summary: '健身房闭店后，保留好合同和付款记录。', bodyHtml: '<p>先与商家协商，再向消协投诉。</p>' },
      renovation: {
        title: '装修隐蔽工程验收提示',
        summary: '水电改造要验收合格后再付尾款。',
        bodyHtml: '<p>有的商家口头承诺可以退款，<strong>实际</strong>一拖再拖。</p><ul><li>也有人在小区里参加会销。</li></ul>',
      },
      app: { title: '手机APP自动续费要留意', summary: '开通 app 会员后常被默认续费。', bodyHtml: '<p>取消入口藏得很深。</p>' },
      percent: { title: '折扣100%返现是诱饵', summary: '所谓 100%_返现 的活动多为圈套。', bodyHtml: '<p>返现要求先充值。</p>' },
      // A LIKE without escaping would let '100%' match '100元'; and two paragraphs 先退 | 款项 are not 退款.
      decoy: { title: '满100元返现的套路', summary: '满减返现规则复杂，算清再买。', bodyHtml: '<p>商家说先退</p><p>款项另行结算。</p>' },
    }
    for (const [name, fields] of Object.entries(fixtures)) {
      ids[name] = (await published(t, staff, fields)).id
      t.advance(60_000) // distinct publication times: newer ones come later
    }
    // Invisible to the public: a draft and a scheduled warning that both contain the terms.
    await createDraft(t, staff, { title: '退款草稿不应出现', summary: '这是一条未发布的退款草稿。' })
    const scheduled = await createDraft(t, staff, { title: '会销定时发布不应出现', summary: '明天才发布的会销警示内容。' })
    await publish(t, staff, scheduled.id, new Date(t.ctx.now().getTime() + 24 * 3600_000).toISOString())
  })
  after(() => t.close())

  const search = async (q: string) => {
    const response = await t.app.inject({ url: `/api/warnings/search?q=${encodeURIComponent(q)}` })
    assert.equal(response.statusCode, 200, response.body)
    return response.json() as WarningSearchResponse
  }
  const idsFor = async (q: string) => (await search(q)).items.map((item) => item.id)

  test('2-character terms (会销, 退款): title hits first, then body-only hits; drafts and scheduled ones never', async () => {
    assert.deepEqual(await idsFor('会销'), [ids.sales, ids.renovation])
    assert.deepEqual(await idsFor('退款'), [ids.prepaid, ids.renovation])
  })

  test('3+ character terms: a title hit comes before a body hit; terms do not match across paragraphs', async () => {
    assert.deepEqual(await idsFor('预付卡'), [ids.prepaid, ids.sales])
    assert.deepEqual(await idsFor('隐蔽工程'), [ids.renovation])
    assert.deepEqual(await idsFor('先退款'), [])
  })

  test('Latin letters are case-blind in any mix', async () => {
    for (const q of ['APP', 'app', 'App', 'aPp会员']) {
      const expected = q === 'aPp会员' ? [] : [ids.app]
      assert.deepEqual(await idsFor(q), expected, q)
    }
    assert.deepEqual(await idsFor('app 会员'), [ids.app])
  })

  test('% and _ are literal characters', async () => {
    assert.deepEqual(await idsFor('100%'), [ids.percent])
    assert.deepEqual(await idsFor('%_'), [ids.percent])
    assert.deepEqual(await idsFor('0_'), [])
    assert.deepEqual(await idsFor('"退款'), [])
  })

  test('no hits gives an empty list, total 0', async () => {
    const none = await search('不存在的词语')
    assert.deepEqual(none.items, [])
    assert.equal(none.total, 0)
  })

  test('hits come with highlight segments for title and summary', async () => {
    const [first] = (await search('会销')).items
    assert.deepEqual(first!.highlight.title, [
      { text: '老年人保健品', hit: false },
      { text: '会销', hit: true },
      { text: '陷阱', hit: false },
    ])
    assert.deepEqual(first!.highlight.summary, [{ text: '免费体检、赠送鸡蛋的推销活动要当心。', hit: false }])
    const [app] = (await search('app')).items
    assert.deepEqual(
      app!.highlight.title.filter((s) => s.hit).map((s) => s.text),
      ['APP'],
    )
    assert.deepEqual(
      app!.highlight.summary.filter((s) => s.hit).map((s) => s.text),
      ['app'],
    )
  })

  test('a term under 2 characters, or only blanks, is refused in Chinese', async () => {
    for (const q of ['退', '  ', ' 会 ']) {
      const response = await t.app.inject({ url: `/api/warnings/search?q=${encodeURIComponent(q)}` })
      assert.equal(response.statusCode, 400, q)
      assert.equal(response.json().code, 'WARNING_QUERY_TOO_SHORT')
      assert.match(response.json().message, /至少输入 2 个字/)
    }
  })

  test('an edited body is searched by its new words only; an archived warning drops out', async () => {
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/staff/warnings/${ids.app}`,
      headers: bearer(staff),
      payload: { bodyHtml: '<p>退订入口改到了设置页面。</p>' },
    })
    assert.equal(edited.statusCode, 200, edited.body)
    assert.deepEqual(await idsFor('取消入口'), [])
    assert.deepEqual(await idsFor('退订入口'), [ids.app])
    await t.app.inject({ method: 'POST', url: `/api/staff/warnings/${ids.app}/archive`, headers: bearer(staff) })
    assert.deepEqual(await idsFor('退订入口'), [])
    assert.deepEqual(await idsFor('APP'), [])
  })
})
