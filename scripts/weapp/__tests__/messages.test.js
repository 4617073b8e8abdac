/**
 * The 消息 tab of the built mini-program (dist/weapp, build first) in miniprogram-simulate: the inbox
 * list from GET /api/notifications, the tab bar badge through wx.setTabBarBadge / removeTabBarBadge,
 * tap to read and open, 全部已读 after a confirmation, empty and error states.
 * Run: npx jest -c jest.weapp.config.js scripts/weapp/__tests__/messages.test.js
 * @jest-environment jsdom
 */
const { mountPage, unmountAll, sessionStorage } = require('./taro-simulate.cjs')

const consumer = { id: 'u-1', role: 'consumer', phone: '13812345678', displayName: '张三', enterprise: null, createdAt: '2026-01-01T00:00:00.000Z' }

function notification(seq, overrides = {}) {
  return {
    id: `n-${seq}`,
    seq,
    type: 'proposal_received',
    title: `示例优选超市有限公司提出了处理方案 ${seq}`,
    body: '退款 120 元，请在 7 日内答复',
    link: `/packages/complaint/pages/detail/index?id=c-${seq}`,
    complaintId: `c-${seq}`,
    createdAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    read: false,
    ...overrides,
  }
}

/** Answers the notifications API from an in-memory inbox, recording what the app asked. */
function inboxServer(items) {
  const calls = []
  const unread = () => items.filter((n) => !n.read).length
  const respond = (opts) => {
    const url = opts.url.replace(/^https?:\/\/[^/]+/, '')
    calls.push(`${opts.method} ${url.split('?')[0]}`)
    if (/^\/api\/me$/.test(url)) return { data: consumer }
    if (opts.method === 'GET' && /^\/api\/notifications(\?|$)/.test(url)) return { data: { items, nextCursor: null, unreadCount: unread() } }
    if (opts.method === 'GET' && url === '/api/notifications/subscribe-config') return { data: { templateIds: [] } }
    const read = /^\/api\/notifications\/([^/]+)\/read$/.exec(url)
    if (opts.method === 'POST' && read) {
      items.find((n) => n.id === decodeURIComponent(read[1])).read = true
      return { data: { unreadCount: unread() } }
    }
    if (opts.method === 'POST' && url === '/api/notifications/read-all') {
      items.forEach((n) => (n.read = true))
      return { data: { unreadCount: 0 } }
    }
    return { statusCode: 404, data: { code: 'NOT_FOUND', message: '不存在' } }
  }
  return { respond, calls }
}

/** The tab bar APIs must be on wx before app.js runs (Taro wraps only what it finds at start-up). */
function tabBarApis(extra = {}) {
  const ok = (name) => jest.fn((opts = {}) => Promise.resolve().then(() => opts.success?.({ errMsg: `${name}:ok` })))
  return { setTabBarBadge: ok('setTabBarBadge'), removeTabBarBadge: ok('removeTabBarBadge'), ...extra }
}

afterEach(() => unmountAll())

describe('消息 tab with notifications', () => {
  test('lists them newest first with type, title, body and unread mark; the tab badge shows the unread count', async () => {
    const server = inboxServer([notification(2), notification(1, { read: true, type: 'complaint_status', title: '投诉已受理' })])
    const p = await mountPage('pages/messages/index', { storage: sessionStorage(consumer), respond: server.respond, wx: tabBarApis() })
    await p.waitForText('示例优选超市有限公司提出了处理方案 2')
    for (const text of ['1 条未读', '全部已读', '商家处理方案', '退款 120 元，请在 7 日内答复', '投诉进度', '投诉已受理', '5 分钟前', '没有更多了']) expect(p.text()).toContain(text)
    expect(p.text().indexOf('处理方案 2')).toBeLessThan(p.text().indexOf('投诉已受理'))
    expect(p.text().match(/未读 · 查看详情/g)).toHaveLength(1)
    await p.waitFor(() => p.wx.setTabBarBadge.mock.calls.length > 0, 2000, 'wx.setTabBarBadge')
    expect(p.wx.setTabBarBadge.mock.calls.at(-1)[0]).toMatchObject({ index: 2, text: '1' })
  })

  test('tapping one marks it read, opens its complaint and clears the badge', async () => {
    const server = inboxServer([notification(1)])
    const p = await mountPage('pages/messages/index', { storage: sessionStorage(consumer), respond: server.respond, wx: tabBarApis() })
    await p.waitForText('1 条未读')
    p.tap(p.find('wx-view', '示例优选超市有限公司提出了处理方案 1'))
    await p.waitFor(() => p.wx.navigateTo.mock.calls.length > 0, 2000, 'wx.navigateTo')
    expect(p.wx.navigateTo.mock.calls[0][0].url).toBe('/packages/complaint/pages/detail/index?id=c-1')
    await p.waitForText('没有未读消息')
    await p.waitFor(() => server.calls.includes('POST /api/notifications/n-1/read'), 2000, 'POST …/read')
    await p.waitFor(() => p.wx.removeTabBarBadge.mock.calls.length > 0, 2000, 'wx.removeTabBarBadge')
    expect(p.wx.removeTabBarBadge.mock.calls.at(-1)[0]).toMatchObject({ index: 2 })
  })

  test('全部已读 asks first; cancelling changes nothing, confirming reads all and removes the badge', async () => {
    const server = inboxServer([notification(1), notification(2), notification(3)])
    let answer = false
    const showModal = jest.fn((opts) => Promise.resolve().then(() => opts.success?.({ errMsg: 'showModal:ok', confirm: answer, cancel: !answer })))
    const p = await mountPage('pages/messages/index', { storage: sessionStorage(consumer), respond: server.respond, wx: tabBarApis({ showModal }) })
    await p.waitForText('3 条未读')
    await p.waitFor(() => p.wx.setTabBarBadge.mock.calls.some(([o]) => o.text === '3'), 2000, 'badge 3')

    p.tap(p.find('wx-button', '全部已读'))
    await p.waitFor(() => showModal.mock.calls.length === 1, 2000, 'confirmation')
    expect(showModal.mock.calls[0][0].content).toContain('所有消息都会标为已读')
    await p.settle()
    expect(server.calls).not.toContain('POST /api/notifications/read-all')
    expect(p.text()).toContain('3 条未读')

    answer = true
    p.tap(p.find('wx-button', '全部已读'))
    await p.waitForText('没有未读消息')
    expect(server.calls).toContain('POST /api/notifications/read-all')
    await p.waitFor(() => p.wx.removeTabBarBadge.mock.calls.length > 0, 2000, 'wx.removeTabBarBadge')
  })

  test('more than 99 unread reads 99+ on the badge', async () => {
    const items = Array.from({ length: 120 }, (_, i) => notification(i + 1))
    const server = inboxServer(items)
    const p = await mountPage('pages/messages/index', { storage: sessionStorage(consumer), respond: server.respond, wx: tabBarApis() })
    await p.waitForText('120 条未读')
    await p.waitFor(() => p.wx.setTabBarBadge.mock.calls.some(([o]) => o.text === '99+'), 2000, 'badge 99+')
  })
})

describe('消息 tab paging', () => {
  test('加载更多 fetches the next page with the cursor and appends it', async () => {
    const first = Array.from({ length: 20 }, (_, i) => notification(40 - i, { read: true, title: `第一页消息 ${40 - i}` }))
    const second = [notification(20, { read: true, title: '第二页消息 20' })]
    const cursors = []
    const respond = (opts) => {
      const url = opts.url.replace(/^https?:\/\/[^/]+/, '')
      if (opts.method === 'GET' && /^\/api\/notifications\?/.test(url)) {
        const cursor = new URLSearchParams(url.split('?')[1]).get('cursor')
        cursors.push(cursor)
        return { data: cursor === '21' ? { items: second, nextCursor: null, unreadCount: 0 } : { items: first, nextCursor: '21', unreadCount: 0 } }
      }
      return { statusCode: 404, data: { code: 'NOT_FOUND', message: '不存在' } }
    }
    const p = await mountPage('pages/messages/index', { storage: sessionStorage(consumer), respond, wx: tabBarApis() })
    await p.waitForText('第一页消息 40')
    expect(p.text()).not.toContain('第二页消息')
    p.tap(p.find('wx-button', '加载更多'))
    await p.waitForText('第二页消息 20')
    expect(cursors).toEqual([null, '21'])
    expect(p.text()).toContain('没有更多了')
    expect(p.text().indexOf('第一页消息 21')).toBeLessThan(p.text().indexOf('第二页消息 20'))
  })
})

describe('消息 tab without notifications', () => {
  test('empty inbox: 暂无消息 and no badge', async () => {
    const server = inboxServer([])
    const p = await mountPage('pages/messages/index', { storage: sessionStorage(consumer), respond: server.respond, wx: tabBarApis() })
    await p.waitForText('暂无消息')
    expect(p.text()).toContain('投诉有新进展时，会在这里通知您')
    expect(p.wx.setTabBarBadge).not.toHaveBeenCalled()
  })

  test('no network: 加载失败 with 重试, which loads the list once the network is back', async () => {
    let online = false
    const server = inboxServer([notification(1)])
    const p = await mountPage('pages/messages/index', { storage: sessionStorage(consumer), respond: (opts) => (online ? server.respond(opts) : null), wx: tabBarApis() })
    await p.waitForText('加载失败')
    online = true
    p.tap(p.find('wx-button', '重试'))
    await p.waitForText('示例优选超市有限公司提出了处理方案 1')
  })
})
