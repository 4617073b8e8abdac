/**
 * Smoke tests of the built mini-program (dist/weapp, build first) in miniprogram-simulate:
 * the 4 tab pages and the login page mount through Taro's runtime and React, show the Chinese text a
 * user sees, and a tap reaches the right wx.* API. Every page gets a fresh Taro runtime (see
 * taro-simulate.cjs), its own in-memory wx storage and spied wx APIs. Nothing goes to the network.
 * Run: npx jest -c jest.weapp.config.js
 * @jest-environment jsdom
 */
const { mountPage, unmountAll, sessionStorage } = require('./taro-simulate.cjs')

const API_ORIGIN_RE = /^https?:\/\/[^/]+\/api/

/** A UserProfile (src/contract/auth.ts). */
function user(overrides = {}) {
  return {
    id: 'u-1',
    role: 'consumer',
    phone: '13812345678',
    displayName: '张三',
    enterprise: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  }
}

/** Answers the app's own API: GET /api/me returns `me`; everything else is a 404. */
function apiWith(me) {
  return (opts) => {
    if (opts.method === 'GET' && /\/api\/me$/.test(opts.url)) return { data: me }
    return { statusCode: 404, data: { code: 'NOT_FOUND', message: '不存在' } }
  }
}

const header = (opts, name) => {
  const key = Object.keys(opts.header || {}).find((k) => k.toLowerCase() === name.toLowerCase())
  return key ? opts.header[key] : undefined
}
const bodyOf = (opts) => (typeof opts.data === 'string' ? JSON.parse(opts.data) : opts.data)

afterEach(() => unmountAll())

describe('首页 pages/home/index', () => {
  test('shows the hero, quick actions and the 12315 hotline; 消费警示 opens the warnings list', async () => {
    const p = await mountPage('pages/home/index')
    await p.waitForText('我要投诉')
    for (const text of ['维权通', '在这里投诉，消协和企业帮您处理', '我要投诉', '消费警示', '我的投诉', '全国消费者投诉举报电话', '12315']) {
      expect(p.text()).toContain(text)
    }

    p.tap(p.find('wx-view', '消费警示'))
    await p.waitFor(() => p.wx.navigateTo.mock.calls.length > 0, 2000, 'wx.navigateTo')
    expect(p.wx.navigateTo.mock.calls[0][0].url).toBe('/packages/warnings/pages/list/index')
    expect(p.wx.switchTab).not.toHaveBeenCalled()
  })

  test('an urgent warning shows as a banner on top and opens its page', async () => {
    const urgent = { id: 'w-9', kind: 'warning', title: '警惕“免费体检”保健品会销', summary: '', industry: 'health_products', regions: [], urgent: true, coverUrl: null, issuer: '消协', publishedAt: '2026-11-20T02:00:00.000Z', viewCount: 0 }
    const p = await mountPage('pages/home/index', {
      respond: (opts) => (/\/api\/warnings\/urgent$/.test(opts.url) ? { data: { items: [urgent] } } : null),
    })
    await p.waitForText('紧急消费警示')
    p.tap(p.find('wx-view', '警惕“免费体检”保健品会销'))
    await p.waitFor(() => p.wx.navigateTo.mock.calls.length > 0, 2000, 'wx.navigateTo')
    expect(p.wx.navigateTo.mock.calls[0][0].url).toBe('/packages/warnings/pages/detail/index?id=w-9')
  })

  test('我要投诉 signed out: the login page, which then goes on to step 1 of a new complaint', async () => {
    const p = await mountPage('pages/home/index')
    await p.waitForText('我要投诉')
    p.tap(p.find('wx-view', '我要投诉'))
    await p.waitFor(() => p.wx.navigateTo.mock.calls.length > 0, 2000, 'wx.navigateTo')
    const url = p.wx.navigateTo.mock.calls[0][0].url
    expect(url).toMatch(/^\/pages\/login\/index\?next=/)
    expect(decodeURIComponent(url.split('next=')[1])).toMatch(/^\/packages\/complaint\/pages\/business\/index\?draft=[0-9a-f-]{36}$/)
  })

  test('我要投诉 signed in opens step 1 of a new complaint; 我的投诉 switches to the 投诉 tab', async () => {
    const p = await mountPage('pages/home/index', { storage: sessionStorage(user()) })
    await p.waitForText('我要投诉')
    p.tap(p.find('wx-view', '我要投诉'))
    await p.waitFor(() => p.wx.navigateTo.mock.calls.length > 0, 2000, 'wx.navigateTo')
    expect(p.wx.navigateTo.mock.calls[0][0].url).toMatch(/^\/packages\/complaint\/pages\/business\/index\?draft=[0-9a-f-]{36}$/)
    p.tap(p.find('wx-view', '我的投诉'))
    await p.waitFor(() => p.wx.switchTab.mock.calls.length > 0, 2000, 'wx.switchTab')
    expect(p.wx.switchTab.mock.calls[0][0].url).toMatch(/^\/?pages\/complaints\/index$/)
  })
})

describe('投诉 pages/complaints/index', () => {
  test('signed out: asks to log in and 登录 / 注册 opens the login page', async () => {
    const p = await mountPage('pages/complaints/index')
    await p.waitForText('请先登录')
    expect(p.text()).toContain('登录后可以提交投诉、查看处理进度')
    p.tap(p.find('wx-button', '登录 / 注册'))
    await p.waitFor(() => p.wx.navigateTo.mock.calls.length > 0, 2000, 'wx.navigateTo')
    expect(p.wx.navigateTo.mock.calls[0][0].url).toBe('/pages/login/index')
  })

  test('signed in: shows the empty list instead of the login prompt', async () => {
    const respond = (opts) => (/\/api\/complaints\?/.test(opts.url) ? { data: { items: [], nextCursor: null } } : apiWith(user())(opts))
    const p = await mountPage('pages/complaints/index', { storage: sessionStorage(user()), respond })
    await p.waitForText('没有处理中的投诉')
    expect(p.text()).toContain('我要投诉')
    expect(p.text()).not.toContain('请先登录')
  })
})

describe('消息 pages/messages/index', () => {
  test('signed out: asks to log in', async () => {
    const p = await mountPage('pages/messages/index')
    await p.waitForText('请先登录')
    expect(p.text()).toContain('登录后可以收到投诉处理进度的通知')
    p.tap(p.find('wx-button', '登录 / 注册'))
    await p.waitFor(() => p.wx.navigateTo.mock.calls.length > 0, 2000, 'wx.navigateTo')
    expect(p.wx.navigateTo.mock.calls[0][0].url).toBe('/pages/login/index')
  })

  test('signed in: shows 暂无消息', async () => {
    const inbox = { items: [], nextCursor: null, unreadCount: 0 }
    const respond = (opts) => (/\/api\/notifications\?/.test(opts.url) ? { data: inbox } : apiWith(user())(opts))
    const p = await mountPage('pages/messages/index', { storage: sessionStorage(user()), respond })
    await p.waitForText('暂无消息')
  })
})

describe('我的 pages/me/index', () => {
  test('signed out: shows 登录 / 注册 and makes no API call', async () => {
    const p = await mountPage('pages/me/index')
    await p.waitForText('登录 / 注册')
    expect(p.text()).toContain('请先登录')
    expect(p.text()).toContain('登录后可以投诉、查看进度和接收通知')
    p.tap(p.find('wx-button', '登录 / 注册'))
    await p.waitFor(() => p.wx.navigateTo.mock.calls.length > 0, 2000, 'wx.navigateTo')
    expect(p.wx.navigateTo.mock.calls[0][0].url).toBe('/pages/login/index')
    expect(p.wx.request).not.toHaveBeenCalled()
  })

  test('signed in as staff: shows the name, masked phone, role and 进入消协工作台', async () => {
    const staff = user({ id: 'u-9', role: 'staff', displayName: '李消协', phone: '13912345678' })
    const p = await mountPage('pages/me/index', { storage: sessionStorage(staff, { accessToken: 'x', refreshToken: 'y' }), respond: apiWith(staff) })
    await p.waitForText('李消协')
    await p.waitForText('进入消协工作台')
    expect(p.text()).toContain('139****5678')
    expect(p.text()).toContain('消协工作人员')
    expect(p.text()).toContain('退出登录')
    expect(p.text()).not.toContain('请先登录')

    // useDidShow refreshes the profile with the stored access token
    // (the inbox also catches up on start: find the profile request among the calls)
    const profileCall = () => p.wx.request.mock.calls.map(([opts]) => opts).find((opts) => /\/api\/me$/.test(opts.url))
    await p.waitFor(profileCall, 2000, 'GET /api/me')
    const me = profileCall()
    expect(me.url).toMatch(API_ORIGIN_RE)
    expect(me.url).toMatch(/\/api\/me$/)
    expect(header(me, 'Authorization')).toBe('Bearer x')

    p.tap(p.find('wx-text', '进入消协工作台'))
    await p.waitFor(() => p.wx.navigateTo.mock.calls.length > 0, 2000, 'wx.navigateTo')
    expect(p.wx.navigateTo.mock.calls[0][0].url).toBe('/packages/staff/pages/workspace/index')
  })

  test('signed in as consumer: name and masked phone, no workspace entry', async () => {
    const consumer = user()
    const p = await mountPage('pages/me/index', { storage: sessionStorage(consumer), respond: apiWith(consumer) })
    await p.waitForText('张三')
    expect(p.text()).toContain('138****5678')
    expect(p.text()).toContain('消费者')
    await p.waitFor(() => p.wx.request.mock.calls.length > 0, 2000, 'GET /api/me')
    await p.settle()
    expect(p.text()).not.toContain('工作台')
  })

  test('signed in: a role change returned by GET /api/me shows the new workspace entry', async () => {
    const p = await mountPage('pages/me/index', { storage: sessionStorage(user()), respond: apiWith(user({ role: 'volunteer' })) })
    await p.waitForText('进入志愿者工作台')
    expect(p.text()).toContain('维权志愿者')
  })
})

describe('登录 pages/login/index', () => {
  test('shows both login ways; 获取验证码 validates the phone, then POSTs /api/auth/sms-code', async () => {
    const p = await mountPage('pages/login/index', {
      respond: (opts) => (/\/api\/auth\/sms-code$/.test(opts.url) ? { data: { sent: true, resendAfterSeconds: 60 } } : null),
    })
    await p.waitForText('获取验证码')
    for (const text of ['登录维权通', '首次登录将自动注册', '微信一键登录', '或使用手机号登录', '手机号', '验证码', '《隐私政策》']) {
      expect(p.text()).toContain(text)
    }

    // nothing typed: inline error, no request
    p.tap(p.find('wx-button', '获取验证码'))
    await p.waitForText('请输入手机号')
    expect(p.wx.request).not.toHaveBeenCalled()

    // a wrong phone: a different inline error, still no request
    const [phoneInput] = p.findAll('wx-input')
    await p.input(phoneInput, '12345')
    p.tap(p.find('wx-button', '获取验证码'))
    await p.waitForText('请输入 11 位手机号')
    expect(p.wx.request).not.toHaveBeenCalled()

    // a valid phone: POST /api/auth/sms-code, then the countdown
    await p.input(phoneInput, '13812345678')
    p.tap(p.find('wx-button', '获取验证码'))
    await p.waitFor(() => p.wx.request.mock.calls.length > 0, 2000, 'wx.request')
    expect(p.wx.request).toHaveBeenCalledTimes(1)
    const sms = p.wx.request.mock.calls[0][0]
    expect(sms.method).toBe('POST')
    expect(sms.url).toMatch(API_ORIGIN_RE)
    expect(sms.url).toMatch(/\/api\/auth\/sms-code$/)
    expect(bodyOf(sms)).toEqual({ phone: '13812345678' })
    await p.waitForText('60 秒后重发')
    expect(p.text()).not.toContain('请输入')
    expect(p.wx.showToast.mock.calls.map((c) => c[0].title)).toContain('验证码已发送')
  })
})

describe('企业信息 packages/enterprise-directory/pages/detail/index', () => {
  const detail = (figures) => ({
    id: 'e-1',
    name: '鹏城数码家电有限公司',
    industry: 'appliances',
    province: '广东省',
    city: '深圳市',
    district: '南山区',
    address: '深南大道 9678 号',
    creditCode: '91440305MA5WQ13N4D',
    odr: true,
    odrSince: '2023-05-20',
    promises: ['七日无理由退货', '先行赔付'],
    contactPhone: '0755-86001122',
    figures: {
      complaintsReceived: 0,
      enoughData: false,
      note: '收到的投诉少于 5 件，数据太少，暂不计算处理情况，以免以偏概全。',
      medianFirstResponseHours: null,
      settlementRate: null,
      settledCount: 0,
      endedCount: 0,
      averageRating: null,
      ratingCount: 0,
      definitions: { complaintsReceived: '全部投诉', medianFirstResponse: '中位数说明', settlementRate: '和解率说明', averageRating: '评分说明' },
      ...figures,
    },
  })
  const answer = (body) => (opts) => (opts.method === 'GET' && /\/api\/enterprises\/e-1$/.test(opts.url) ? { data: body } : { statusCode: 404, data: { code: 'NOT_FOUND', message: '不存在' } })

  test('signed out: badge and date, promises, place, phone, and the too-little-data note', async () => {
    const p = await mountPage('packages/enterprise-directory/pages/detail/index', { query: { id: 'e-1' }, respond: answer(detail()) })
    await p.waitForText('鹏城数码家电有限公司')
    for (const text of ['绿色通道', '2023年5月20日加入', '七日无理由退货', '先行赔付', '广东省/深圳市/南山区', '深南大道 9678 号', '0755-86001122', '收到投诉：0 件', '少于 5 件']) {
      expect(p.text()).toContain(text)
    }
    expect(p.text()).not.toContain('和解率')
    expect(header(p.wx.request.mock.calls[0][0], 'Authorization')).toBeUndefined()
  })

  test('with enough complaints: median response time, settlement rate and rating, each with its definition', async () => {
    const figures = { complaintsReceived: 6, enoughData: true, note: null, medianFirstResponseHours: 7, settlementRate: 0.5, settledCount: 2, endedCount: 4, averageRating: 3, ratingCount: 4 }
    const p = await mountPage('packages/enterprise-directory/pages/detail/index', { query: { id: 'e-1' }, respond: answer(detail(figures)) })
    await p.waitForText('和解率')
    for (const text of ['收到投诉：6 件', '7 小时', '50%（2/4 件）', '3 分（4 人评价）', '和解率说明']) expect(p.text()).toContain(text)
  })
})
