/**
 * The volunteer's field-report pages in the built mini-program (dist/weapp, build first): the form
 * asks wx.getLocation (gcj02) and shows the accuracy, or a manual address field when refused; the
 * workspace shows 待上传 N 条 from the stored outbox and sends it by itself when the network works.
 * Run: npx jest -c jest.weapp.config.js scripts/weapp/__tests__/volunteer-report.test.js
 * @jest-environment jsdom
 */
const { mountPage, unmountAll, sessionStorage } = require('./taro-simulate.cjs')
const { photoMocks, USER_DATA_PATH } = require('./wx-photo-mocks.cjs')

const VOLUNTEER = { id: 'u-vol', role: 'volunteer', phone: '13800000002', displayName: '李师傅', enterprise: null, createdAt: '2026-01-01T00:00:00.000Z' }

function queued(clientId, business, minute) {
  const at = `2026-11-24T01:0${minute}:00.000Z`
  return {
    clientId,
    ownerId: VOLUNTEER.id,
    queuedAt: at,
    draft: { category: 'expired_food', businessName: business, businessAddress: '', region: '正蓝旗', location: { latitude: 42.2, longitude: 116, accuracy: 30 }, manualAddress: '', observedAt: at, notes: '过期酸奶' },
    photos: [{ id: `${clientId}-p`, file: `${USER_DATA_PATH}/weiquan-photo-${clientId}.jpg`, bytes: 300000, capturedAt: at, fix: null }],
    state: 'waiting',
    problem: null,
    failures: 0,
  }
}

const outboxStorage = (reports) => ({ 'weiquan-volunteer-outbox': JSON.stringify({ state: { reports }, version: 0 }) })

afterEach(() => unmountAll())

describe('走访报告 packages/volunteer/pages/report', () => {
  test('asks for the location (gcj02) when the form opens and shows its accuracy', async () => {
    const getLocation = jest.fn((opts) => setTimeout(() => opts.success({ errMsg: 'getLocation:ok', latitude: 42.25, longitude: 116.0, accuracy: 35 }), 0))
    const p = await mountPage('packages/volunteer/pages/report/index', { storage: sessionStorage(VOLUNTEER), wx: { getLocation, onNetworkStatusChange: jest.fn() } })
    await p.waitForText('定位精度约 35 米')
    expect(getLocation).toHaveBeenCalledTimes(1)
    expect(getLocation.mock.calls[0][0].type).toBe('gcj02')
    for (const text of ['问题类别', '过期变质食品', '预付卡风险', '商家名称', '现场照片', '拍照或从相册选', '提交报告', '没有网络也能提交']) expect(p.text()).toContain(text)
    expect(p.text()).not.toContain('手动填写地址')
  })

  test('a refused location shows the manual address field and 重新定位, which asks again', async () => {
    let answer = { fail: { errMsg: 'getLocation:fail auth deny' } }
    const getLocation = jest.fn((opts) => setTimeout(() => (answer.fail ? opts.fail(answer.fail) : opts.success(answer.ok)), 0))
    const p = await mountPage('packages/volunteer/pages/report/index', { storage: sessionStorage(VOLUNTEER), wx: { getLocation, onNetworkStatusChange: jest.fn() } })
    await p.waitForText('没有定位权限，请手动填写地址')
    expect(p.text()).toContain('手动填写地址')
    answer = { ok: { errMsg: 'getLocation:ok', latitude: 42.25, longitude: 116.0, accuracy: 12 } }
    p.tap(p.find('wx-button', '重新定位'))
    await p.waitForText('定位精度约 12 米')
    expect(getLocation).toHaveBeenCalledTimes(2)
  })
})

describe('志愿者工作台 packages/volunteer/pages/workspace', () => {
  test('shows 待上传 2 条 from the stored outbox and keeps them while the network fails', async () => {
    const mocks = photoMocks({ upload: () => null })
    const p = await mountPage('packages/volunteer/pages/workspace/index', {
      storage: { ...sessionStorage(VOLUNTEER), ...outboxStorage([queued('c-1', '幸福超市', 1), queued('c-2', '草原百货', 2)]) },
      wx: { ...mocks.wx, onNetworkStatusChange: jest.fn() },
      respond: () => null,
    })
    await p.waitForText('待上传 2 条')
    await p.waitForText('网络不通，稍后自动重试', 5000)
    expect(p.text()).toContain('幸福超市')
    expect(p.text()).toContain('立即上传')
  })

  test('uploads the photos, posts each report with its clientId, oldest first, and empties the outbox', async () => {
    const mocks = photoMocks()
    const posts = []
    const onNetworkStatusChange = jest.fn()
    const p = await mountPage('packages/volunteer/pages/workspace/index', {
      storage: { ...sessionStorage(VOLUNTEER), ...outboxStorage([queued('c-2', '草原百货', 2), queued('c-1', '幸福超市', 1)]) },
      wx: { ...mocks.wx, onNetworkStatusChange },
      respond: (opts) => {
        if (opts.method !== 'POST' || !/\/api\/field-reports$/.test(opts.url)) return null
        const body = typeof opts.data === 'string' ? JSON.parse(opts.data) : opts.data
        posts.push(body)
        return { statusCode: 201, data: { id: `r-${posts.length}`, clientId: body.clientId } }
      },
    })
    await p.waitForText('待上传 0 条', 5000)
    expect(onNetworkStatusChange).toHaveBeenCalled()
    expect(posts.map((b) => b.clientId)).toEqual(['c-1', 'c-2'])
    expect(posts[0].photos).toHaveLength(1)
    expect(posts[0].photos[0].evidenceId).toMatch(/^ev-/)
    expect(mocks.wx.uploadFile).toHaveBeenCalledTimes(2)
  })
})

describe('我的报告 packages/volunteer/pages/reports', () => {
  const report = (id, business, status, location) => ({
    id,
    clientId: `c-${id}`,
    category: 'expired_food',
    status,
    businessName: business,
    businessAddress: null,
    region: '内蒙古/锡林郭勒盟/正蓝旗',
    location,
    manualAddress: location ? null : '上都镇农贸市场东门',
    observedAt: '2026-11-24T01:00:00.000Z',
    notes: '过期酸奶',
    photos: [],
    reviewNote: null,
    reviewedAt: null,
    complaintId: status === 'converted_complaint' ? 'cmp-1' : null,
    warningId: null,
    createdAt: '2026-11-24T01:10:00.000Z',
  })

  test('lists the reports with their status and shows the located ones on a map', async () => {
    const p = await mountPage('packages/volunteer/pages/reports/index', {
      storage: sessionStorage(VOLUNTEER),
      wx: { onNetworkStatusChange: jest.fn() },
      respond: (opts) =>
        /\/api\/field-reports\/mine/.test(opts.url)
          ? { data: { items: [report('r-1', '幸福超市', 'converted_complaint', { latitude: 42.25, longitude: 116.0, accuracy: 30 }), report('r-2', '草原百货', 'pending', null)], nextCursor: null } }
          : null,
    })
    await p.waitForText('草原百货')
    for (const text of ['幸福超市', '已转为投诉', '待审核', '地点：上都镇农贸市场东门']) expect(p.text()).toContain(text)
    const maps = p.page.dom.querySelectorAll('wx-map')
    expect(maps.length).toBe(1)
  })
})
