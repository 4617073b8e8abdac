/**
 * WeChat subscribe messages in the built mini-program (dist/weapp, build first): the 发送补充 tap on a
 * complaint asks wx.requestSubscribeMessage for the configured templates first, before any request
 * leaves (WeChat accepts the call only inside a tap), and reports the accepted ones to the server.
 * The 通知设置 page (settings subpackage) shows each channel's switch with 开/关 and saves changes.
 * Run: npx jest -c jest.weapp.config.js scripts/weapp/__tests__/messages-subscribe.test.js
 * @jest-environment jsdom
 */
const { mountPage, unmountAll, sessionStorage } = require('./taro-simulate.cjs')
const { photoMocks, USER_DATA_PATH } = require('./wx-photo-mocks.cjs')

const CONSUMER = { id: 'u-consumer', role: 'consumer', phone: '13812345678', displayName: '李四', enterprise: null, createdAt: '2026-01-01T00:00:00.000Z' }
const bodyOf = (opts) => (typeof opts.data === 'string' ? JSON.parse(opts.data) : opts.data)
const pathOf = (opts) => opts.url.replace(/^https?:\/\/[^/]+/, '').split('?')[0]

function complaintDetail() {
  return {
    id: 'c-1',
    number: 'WQ20261123000121',
    status: 'enterprise_handling',
    path: 'odr',
    business: { name: '示例优选超市', address: null, region: '北京市朝阳区', creditCode: null, enterpriseId: 'ent-1' },
    industry: 'food',
    incidentDate: '2026-11-20',
    amountFen: 12850,
    description: '买到的牛奶已经过期三天了，商家拒绝退款还态度很差。',
    demands: ['refund'],
    demandDetail: null,
    contactPhone: '138****5678',
    evidence: [],
    events: [{ id: 'e-1', type: 'submitted', actorRole: 'consumer', note: null, fromStatus: null, toStatus: 'submitted', evidence: [], data: null, createdAt: '2026-11-20T06:05:00.000Z' }],
    nextStep: null,
    rules: { ruleSetId: 'samr-2019-v1', name: '市场监管投诉处理（2019 暂行办法）', version: 1, document: '《市场监督管理投诉举报处理暂行办法》', documentNumber: null, verified: true, refusalGrounds: [{ code: 'over_three_years', text: '超过三年', article: '第十五条第（四）项', verified: true }], rejection: null },
    handling: { dueAt: null, dueKind: null, overdue: false, assignedStaffId: null, acceptedAt: null, firstResponseAt: null, proposal: null, rejectionGround: null, outcome: null, recoveredAmountFen: null, rating: null },
    createdAt: '2026-11-20T06:05:00.000Z',
    updatedAt: '2026-11-20T06:05:00.000Z',
  }
}

/** The server side of the detail page; `templateIds` is what GET /api/notifications/subscribe-config answers. */
function server(templateIds) {
  const requests = []
  const respond = (opts) => {
    const path = pathOf(opts)
    requests.push({ method: opts.method, path, body: opts.data ? bodyOf(opts) : undefined })
    if (path === '/api/notifications/subscribe-config') return { data: { templateIds } }
    if (path === '/api/notifications/unread-count') return { data: { unreadCount: 0 } }
    if (path === '/api/notifications/subscriptions') return { data: { ok: true } }
    if (path === '/api/complaints/c-1') return { data: complaintDetail() }
    if (path === '/api/complaints/c-1/messages') return { data: complaintDetail() }
    return { statusCode: 404, data: { code: 'NOT_FOUND', message: '不存在' } }
  }
  return { requests, respond }
}

/** A finished filing draft on the device (step 5), as the filing pages save it. */
function readyDraftStorage() {
  const now = new Date().toISOString()
  const draft = {
    id: 'draft-ready',
    idempotencyKey: '6f1c1d3e-8a4b-4c2d-9e7f-0a1b2c3d4e5f',
    ownerId: CONSUMER.id,
    createdAt: now,
    updatedAt: now,
    step: 5,
    business: { name: '示例优选超市', region: '北京市朝阳区', address: '', creditCode: '', enterpriseId: null },
    industry: 'food',
    incidentDate: '2026-11-20',
    amountYuan: '128.5',
    description: '买到的牛奶已经过期三天了，商家拒绝退款还态度很差。',
    demands: ['refund'],
    demandDetail: '',
    photos: [1].map((n) => ({
      id: `ph-${n}`,
      file: `${USER_DATA_PATH}/weiquan-photo-ph-${n}.jpg`,
      bytes: 2_000_000,
      original: false,
      evidence: { id: `ev-${n}`, sha256: String(n).padStart(64, '0'), original: false, uploadedAt: now },
      error: null,
      rejected: false,
    })),
    contactPhone: CONSUMER.phone,
    consent: true,
    submitUncertain: false,
  }
  return { [`weiquan-drafts:${CONSUMER.id}`]: JSON.stringify([draft.id]), [`weiquan-draft:${draft.id}`]: JSON.stringify(draft) }
}

afterEach(() => unmountAll())

describe('提交投诉 asks for WeChat progress messages', () => {
  test('the submit tap asks first, then files the complaint', async () => {
    const api = server(['T-progress'])
    let postsAtAsk = -1
    const requestSubscribeMessage = jest.fn((opts) => {
      postsAtAsk = api.requests.filter((r) => r.method === 'POST').length
      Promise.resolve().then(() => opts.success?.({ errMsg: 'requestSubscribeMessage:ok', 'T-progress': 'accept' }))
    })
    const p = await mountPage('packages/complaint/pages/review/index', {
      storage: { ...sessionStorage(CONSUMER), ...readyDraftStorage() },
      query: { draft: 'draft-ready' },
      wx: { ...photoMocks().wx, requestSubscribeMessage },
      respond: (opts) => (pathOf(opts) === '/api/complaints' && opts.method === 'POST' ? (api.requests.push({ method: 'POST', path: '/api/complaints' }), { data: complaintDetail() }) : api.respond(opts)),
    })
    await p.waitForText('提交投诉')
    await p.waitFor(() => api.requests.some((r) => r.path === '/api/notifications/subscribe-config'), 2000, 'subscribe config loaded')
    await p.settle()

    p.tap(p.find('wx-button', '提交投诉'))
    await p.waitFor(() => p.wx.reLaunch.mock.calls.length > 0, 4000, 'the result page')
    expect(requestSubscribeMessage).toHaveBeenCalledTimes(1)
    expect(requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['T-progress'])
    expect(postsAtAsk).toBe(0)
    await p.waitFor(() => api.requests.some((r) => r.path === '/api/notifications/subscriptions'), 2000, 'POST subscriptions')
  })
})

describe('发送补充 asks for WeChat progress messages', () => {
  test('requestSubscribeMessage runs inside the tap, before the message is sent; the accepted template is recorded', async () => {
    const api = server(['T-progress', 'T-proposal'])
    let requestsAtAsk = -1
    const requestSubscribeMessage = jest.fn((opts) => {
      requestsAtAsk = api.requests.filter((r) => r.method === 'POST').length
      Promise.resolve().then(() => opts.success?.({ errMsg: 'requestSubscribeMessage:ok', 'T-progress': 'accept', 'T-proposal': 'reject' }))
    })
    const p = await mountPage('packages/complaint/pages/detail/index', {
      storage: sessionStorage(CONSUMER),
      query: { id: 'c-1' },
      respond: api.respond,
      wx: { requestSubscribeMessage },
    })
    await p.waitForText('发送补充')
    await p.waitFor(() => api.requests.some((r) => r.path === '/api/notifications/subscribe-config'), 2000, 'subscribe config loaded')
    await p.settle()

    await p.input(p.findAll('wx-textarea')[0], '商家今天又拒绝了，我补充一下聊天记录')
    p.tap(p.find('wx-button', '发送补充'))
    await p.waitFor(() => api.requests.some((r) => r.path === '/api/complaints/c-1/messages'), 2000, 'POST messages')
    expect(requestSubscribeMessage).toHaveBeenCalledTimes(1)
    expect(requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['T-progress', 'T-proposal'])
    expect(requestsAtAsk).toBe(0) // asked before anything was posted: still inside the tap

    await p.waitFor(() => api.requests.some((r) => r.path === '/api/notifications/subscriptions'), 2000, 'POST subscriptions')
    expect(api.requests.find((r) => r.path === '/api/notifications/subscriptions').body).toEqual({ accepted: ['T-progress'] })
  })

  test('no templates configured: nothing is asked, the message is still sent', async () => {
    const api = server([])
    const requestSubscribeMessage = jest.fn()
    const p = await mountPage('packages/complaint/pages/detail/index', {
      storage: sessionStorage(CONSUMER),
      query: { id: 'c-1' },
      respond: api.respond,
      wx: { requestSubscribeMessage },
    })
    await p.waitForText('发送补充')
    await p.settle()
    await p.input(p.findAll('wx-textarea')[0], '补充一下聊天记录')
    p.tap(p.find('wx-button', '发送补充'))
    await p.waitFor(() => api.requests.some((r) => r.path === '/api/complaints/c-1/messages'), 2000, 'POST messages')
    expect(requestSubscribeMessage).not.toHaveBeenCalled()
    expect(api.requests.some((r) => r.path === '/api/notifications/subscriptions')).toBe(false)
  })
})

describe('通知设置 packages/settings/pages/notifications/index', () => {
  test('each type shows 消息中心 always on and a switch per channel with 开/关; a change is saved with PUT', async () => {
    const items = [
      { type: 'complaint_status', channel: 'inbox', enabled: true },
      { type: 'complaint_status', channel: 'wechat', enabled: true },
      { type: 'complaint_status', channel: 'sms', enabled: false },
      { type: 'proposal_received', channel: 'inbox', enabled: true },
      { type: 'proposal_received', channel: 'wechat', enabled: true },
      { type: 'proposal_received', channel: 'sms', enabled: true },
    ]
    const puts = []
    const p = await mountPage('packages/settings/pages/notifications/index', {
      storage: sessionStorage(CONSUMER),
      respond: (opts) => {
        const path = pathOf(opts)
        if (path === '/api/notifications/preferences' && opts.method === 'GET') return { data: { items, channels: ['inbox', 'wechat', 'sms'] } }
        if (path === '/api/notifications/preferences' && opts.method === 'PUT') {
          puts.push(bodyOf(opts))
          return { data: { items: items.map((i) => bodyOf(opts).items.find((b) => b.type === i.type && b.channel === i.channel) ?? i), channels: ['inbox', 'wechat', 'sms'] } }
        }
        if (path === '/api/notifications/unread-count') return { data: { unreadCount: 0 } }
        if (path === '/api/notifications/subscribe-config') return { data: { templateIds: [] } }
        return null
      },
    })
    await p.waitForText('投诉进度')
    for (const text of ['消息中心', '一直开着', '微信服务通知', '短信', '商家处理方案', '没有改动']) expect(p.text()).toContain(text)
    const switches = p.findAll('wx-switch')
    expect(switches).toHaveLength(4)
    expect(p.findAll('wx-text').filter((el) => el.textContent.trim() === '关')).toHaveLength(1)

    // complaint_status by SMS: off → on
    p.dispatch(switches[1], 'change', { value: true })
    await p.waitForText('保存设置')
    expect(p.findAll('wx-text').filter((el) => el.textContent.trim() === '关')).toHaveLength(0)
    p.tap(p.find('wx-button', '保存设置'))
    await p.waitFor(() => puts.length === 1, 2000, 'PUT preferences')
    expect(puts[0].items).toHaveLength(4)
    expect(puts[0].items.every((i) => i.channel !== 'inbox')).toBe(true)
    expect(puts[0].items.find((i) => i.type === 'complaint_status' && i.channel === 'sms').enabled).toBe(true)
    await p.waitFor(() => p.wx.showToast.mock.calls.some(([o]) => o.title === '已保存'), 2000, '已保存 toast')
    await p.waitForText('没有改动')
  })
})
