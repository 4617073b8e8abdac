/**
 * Consumer warnings in the built mini-program (dist/weapp, build first) in miniprogram-simulate:
 * the list shows pinned urgent warnings and the tabs, saves what it listed, and opens a detail;
 * the detail renders its rich-text body and offers a WeChat share card; without a network both
 * show what was saved, with the "saved at" notice.
 * Run: npx jest -c jest.weapp.config.js scripts/weapp/__tests__/warnings.test.js
 * @jest-environment jsdom
 */
const { mountPage, unmountAll } = require('./taro-simulate.cjs')

const LIST = 'packages/warnings/pages/list/index'
const DETAIL = 'packages/warnings/pages/detail/index'

function summary(overrides = {}) {
  return {
    id: 'w-1',
    kind: 'warning',
    title: '预付卡充值前先看清经营者资质',
    summary: '健身房、美容院大额预付卡跑路频发，谨慎充值。',
    industry: 'prepaid',
    regions: [],
    urgent: false,
    coverUrl: '/api/files?key=cover',
    issuer: '北京市消费者协会',
    publishedAt: '2026-11-20T02:00:00.000Z',
    viewCount: 12,
    ...overrides,
  }
}

const URGENT = summary({ id: 'w-9', title: '警惕“免费体检”保健品会销', urgent: true, industry: 'health_products' })
const DETAIL_BODY = {
  ...summary(),
  bodyHtml: '<h3>比较结果</h3><p>多数样品标称容量<strong>不达标</strong>。</p><table><tr><th>品牌</th><th>实测容量</th></tr><tr><td>甲</td><td>9500</td></tr></table>',
  related: [summary({ id: 'w-2', title: '美容院办卡七天内可以反悔吗' })],
}

function api(routes) {
  return (opts) => {
    const path = opts.url.replace(/^https?:\/\/[^/]+\/api/, '').split('?')[0]
    const answer = routes[path]
    return answer === undefined ? { statusCode: 404, data: { code: 'NOT_FOUND', message: '不存在' } } : answer
  }
}

afterEach(() => unmountAll())

describe('消费警示 list', () => {
  test('pinned urgent first, the kind tabs, issuer and date; remembers the list and opens a detail', async () => {
    const p = await mountPage(LIST, {
      respond: api({ '/warnings': { data: { items: [summary()], pinned: [URGENT], page: 1, pageSize: 10, total: 1 } } }),
    })
    await p.waitForText('预付卡充值前先看清经营者资质')
    for (const text of ['全部', '警示', '提示', '比较试验', '行业：全部行业', '紧急', '警惕“免费体检”保健品会销', '北京市消费者协会', '2026年11月20日', '全国']) {
      expect(p.text()).toContain(text)
    }
    expect(p.text().indexOf('警惕“免费体检”')).toBeLessThan(p.text().indexOf('预付卡充值前'))
    await p.waitFor(() => p.storage.has('weiquan-warnings:listed'), 2000, 'list saved')
    expect(JSON.parse(p.storage.get('weiquan-warnings:listed')).value.map((w) => w.id)).toEqual(['w-9', 'w-1'])

    p.tap(p.find('wx-view', '预付卡充值前先看清经营者资质'))
    await p.waitFor(() => p.wx.navigateTo.mock.calls.length > 0, 2000, 'wx.navigateTo')
    expect(p.wx.navigateTo.mock.calls[0][0].url).toBe('/packages/warnings/pages/detail/index?id=w-1')
  })

  test('without a network: the saved list with the notice', async () => {
    const saved = { value: [summary()], savedAt: '2026-11-23T01:30:00.000Z' }
    const p = await mountPage(LIST, { storage: { 'weiquan-warnings:listed': JSON.stringify(saved) } })
    await p.waitForText('网络不可用，显示的是已保存的内容（保存于')
    expect(p.text()).toContain('预付卡充值前先看清经营者资质')
  })
})

describe('消费警示 detail', () => {
  test('title, issuer, rich-text body with its table, related warnings; share card with title, path and cover', async () => {
    const p = await mountPage(DETAIL, { query: { id: 'w-1' }, respond: api({ '/warnings/w-1': { data: DETAIL_BODY } }) })
    await p.waitForText('发布单位：北京市消费者协会')
    for (const text of ['预付卡充值前先看清经营者资质', '发布日期：2026年11月20日', '适用地区：全国', '分享给家人朋友', '相关警示', '美容院办卡七天内可以反悔吗']) {
      expect(p.text()).toContain(text)
    }
    const richText = p.page.dom.querySelector('wx-rich-text')
    expect(richText).not.toBeNull()
    // what <rich-text> received: styled for large text, the table wrapped to scroll sideways
    const nodes = JSON.stringify(p.page.instance.data)
    expect(nodes).toMatch(/font-size:1em/)
    expect(nodes).toMatch(/overflow-x:auto/)
    // the share button carries open-type="share" (Taro's compressed attribute names in the page data)
    expect(nodes).toMatch(/"v":"分享给家人朋友"[^\]]*\],"cl":"btn btn-secondary warning-share","p\d+":"share"/)

    expect(typeof p.page.instance.onShareAppMessage).toBe('function')
    const card = p.page.instance.onShareAppMessage({ from: 'button' })
    expect(card).toMatchObject({ title: '预付卡充值前先看清经营者资质', path: '/packages/warnings/pages/detail/index?id=w-1' })
    expect(card.imageUrl).toMatch(/^https?:\/\/[^/]+\/api\/files\?key=cover$/)
    const timeline = p.page.instance.onShareTimeline()
    expect(timeline).toMatchObject({ title: '预付卡充值前先看清经营者资质', query: 'id=w-1' })

    await p.waitFor(() => p.storage.has('weiquan-warnings:detail:w-1'), 2000, 'detail saved')
  })

  test('without a network: the saved copy with the notice; a withdrawn warning says so and is forgotten', async () => {
    const saved = { value: DETAIL_BODY, savedAt: '2026-11-23T01:30:00.000Z' }
    const storage = { 'weiquan-warnings:detail:w-1': JSON.stringify(saved) }
    const offline = await mountPage(DETAIL, { query: { id: 'w-1' }, storage })
    await offline.waitForText('网络不可用，显示的是已保存的内容（保存于')
    expect(offline.text()).toContain('预付卡充值前先看清经营者资质')
    offline.unmount()

    const gone = await mountPage(DETAIL, {
      query: { id: 'w-1' },
      storage,
      respond: () => ({ statusCode: 404, data: { code: 'WARNING_NOT_FOUND', message: '这条消费警示不存在或已下架' } }),
    })
    await gone.waitForText('这条警示不存在或已撤下')
    await gone.waitFor(() => !gone.storage.has('weiquan-warnings:detail:w-1'), 2000, 'saved copy removed')
  })
})
