/**
 * The complaint workflow in the built mini-program (dist/weapp, build first): the enterprise
 * liaison's inbox and proposal form, the association's queue, and the consumer answering a proposal.
 * Requests are answered here (mocked wx.request); nothing goes to the network.
 * Run: npx jest -c jest.weapp.config.js
 * @jest-environment jsdom
 */
const { mountPage, unmountAll, sessionStorage } = require('./taro-simulate.cjs')

const DAY = 86_400_000
const bodyOf = (opts) => (typeof opts.data === 'string' ? JSON.parse(opts.data) : opts.data)

function user(role, overrides = {}) {
  return { id: `u-${role}`, role, phone: '13812345678', displayName: '李四', enterprise: null, createdAt: '2026-01-01T00:00:00.000Z', ...overrides }
}
const LIAISON = user('enterprise', { enterprise: { id: 'ent-1', name: '示例优选超市' } })
const STAFF = user('staff')
const CONSUMER = user('consumer')

function workItem(n, overrides = {}) {
  return {
    id: `c-${n}`,
    number: `WQ2026112300012${n}`,
    status: 'enterprise_handling',
    path: 'odr',
    businessName: `示例优选超市 ${n} 号店`,
    industry: 'food',
    amountFen: 12850,
    photoCount: 2,
    createdAt: '2026-11-20T06:05:00.000Z',
    updatedAt: '2026-11-20T06:05:00.000Z',
    dueAt: null,
    dueKind: 'enterprise_response',
    overdue: false,
    dueDaysLeft: null,
    overdueDays: null,
    assignedStaffId: null,
    ...overrides,
  }
}

function handling(overrides = {}) {
  return {
    dueAt: new Date(Date.now() + 3 * DAY).toISOString(),
    dueKind: 'enterprise_response',
    overdue: false,
    dueDaysLeft: 3,
    overdueDays: null,
    assignedStaffId: null,
    acceptedAt: null,
    firstResponseAt: null,
    proposal: null,
    rejectionGround: null,
    outcome: null,
    recoveredAmountFen: null,
    rating: null,
    ...overrides,
  }
}

function complaintDetail(overrides = {}) {
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
    handling: handling(),
    createdAt: '2026-11-20T06:05:00.000Z',
    updatedAt: '2026-11-20T06:05:00.000Z',
    ...overrides,
  }
}

afterEach(() => unmountAll())

describe('企业处理台 packages/enterprise', () => {
  test('the inbox lists complaints in the server order with the working days left in words; 加载更多; a tap opens the complaint', async () => {
    // The server's order: the overdue one first.
    const items = [
      workItem(2, { dueAt: new Date(Date.now() - 2 * DAY).toISOString(), overdue: true, dueDaysLeft: 0, overdueDays: 2 }),
      workItem(1, { dueAt: new Date(Date.now() + 3 * DAY).toISOString(), dueDaysLeft: 3 }),
    ]
    const gets = []
    const p = await mountPage('packages/enterprise/pages/workspace/index', {
      storage: sessionStorage(LIAISON),
      respond: (opts) => {
        if (opts.method !== 'GET' || !/\/api\/enterprise\/complaints/.test(opts.url)) return null
        gets.push(opts)
        const next = JSON.stringify(opts.data ?? {}).includes('page-2') || String(opts.url).includes('page-2')
        return { data: next ? { items: [workItem(3, { dueAt: null, dueKind: null, status: 'resolved' })], nextCursor: null } : { items, nextCursor: 'page-2' } }
      },
    })
    await p.waitForText('示例优选超市 1 号店')
    const text = p.text()
    expect(text).toContain('企业答复期限')
    expect(text).toContain('剩余 3 个工作日')
    expect(text).toContain('已超期 2 个工作日')
    expect(text).toContain('处理中')
    expect(text.indexOf('2 号店')).toBeLessThan(text.indexOf('1 号店'))

    p.tap(p.find('wx-button', '加载更多'))
    await p.waitForText('3 号店')
    expect(p.text()).not.toContain('加载更多')

    p.tap(p.find('wx-view', '1 号店'))
    await p.waitFor(() => p.wx.navigateTo.mock.calls.length > 0, 2000, 'open complaint')
    expect(p.wx.navigateTo.mock.calls[0][0].url).toBe('/packages/enterprise/pages/complaint/index?id=c-1')
  })

  test('提出解决方案: inline errors, then POST …/actions/propose with the amount in fen', async () => {
    const posts = []
    const p = await mountPage('packages/enterprise/pages/complaint/index', {
      storage: sessionStorage(LIAISON),
      query: { id: 'c-1' },
      respond: (opts) => {
        if (opts.method === 'GET' && /\/api\/complaints\/c-1$/.test(opts.url)) return { data: complaintDetail() }
        if (opts.method === 'POST') {
          posts.push(opts)
          const proposal = { text: '全额退款', amountFen: 12850, promisedDate: '2030-01-15' }
          return { data: complaintDetail({ status: 'enterprise_proposed', handling: handling({ proposal }) }) }
        }
        return null
      },
    })
    await p.waitForText('提出解决方案')
    expect(p.text()).toContain('138****5678')
    expect(p.text()).toContain('要求补充材料')
    expect(p.text()).toContain('标记已和解')

    p.tap(p.find('wx-button', '提出解决方案'))
    await p.waitForText('提交方案')
    p.tap(p.find('wx-button', '提交方案'))
    await p.waitForText('请填写解决方案')
    expect(p.text()).toContain('请填写金额，没有可填 0')
    expect(p.text()).toContain('请选择承诺在哪天前做到')
    expect(posts).toHaveLength(0)

    await p.input(p.find('wx-textarea'), '全额退款')
    await p.input(p.find('wx-input'), '128.5')
    p.dispatch(p.find('wx-picker'), 'change', { value: '2030-01-15' })
    await p.waitForText('2030年1月15日')
    p.tap(p.find('wx-button', '提交方案'))
    await p.waitFor(() => posts.length === 1, 2000, 'POST propose')
    expect(posts[0].url).toMatch(/\/api\/complaints\/c-1\/actions\/propose$/)
    expect(bodyOf(posts[0])).toEqual({ text: '全额退款', amountFen: 12850, promisedDate: '2030-01-15' })
    await p.waitForText('企业提出的方案')
    expect(p.text()).toContain('128.50 元')
  })

  test('409 INVALID_TRANSITION: the server\'s message in a dialog, then the complaint is loaded again', async () => {
    let gets = 0
    const p = await mountPage('packages/enterprise/pages/complaint/index', {
      storage: sessionStorage(LIAISON),
      query: { id: 'c-1' },
      respond: (opts) => {
        if (opts.method === 'GET' && /\/api\/complaints\/c-1$/.test(opts.url)) {
          gets++
          return { data: gets === 1 ? complaintDetail() : complaintDetail({ status: 'awaiting_review', handling: handling({ dueKind: 'review' }) }) }
        }
        if (opts.method === 'POST') return { statusCode: 409, data: { code: 'INVALID_TRANSITION', message: '企业超期未答复，投诉已转消协处理' } }
        return null
      },
    })
    await p.waitForText('要求补充材料')
    p.tap(p.find('wx-button', '要求补充材料'))
    await p.waitForText('发送给消费者')
    await p.input(p.find('wx-textarea'), '请提供购物小票')
    p.tap(p.find('wx-button', '发送给消费者'))
    await p.waitFor(() => p.wx.showModal.mock.calls.length > 0, 2000, 'wx.showModal')
    expect(p.wx.showModal.mock.calls[0][0]).toMatchObject({ title: '投诉状态已变化', content: '企业超期未答复，投诉已转消协处理' })
    await p.waitForText('等待消协受理')
    expect(gets).toBe(2)
    expect(p.text()).toContain('这件投诉现在不需要您处理')
  })
})

describe('消协工作台 packages/staff', () => {
  test('待受理 first; the 调解中 chip asks for mediating complaints', async () => {
    const gets = []
    const p = await mountPage('packages/staff/pages/workspace/index', {
      storage: sessionStorage(STAFF),
      respond: (opts) => {
        if (opts.method !== 'GET' || !/\/api\/staff\/complaints/.test(opts.url)) return null
        gets.push(opts.url)
        const mediating = opts.url.includes('status=mediating')
        return { data: { items: [workItem(mediating ? 5 : 4, { status: mediating ? 'mediating' : 'awaiting_review', dueKind: mediating ? 'mediation' : 'review', dueAt: new Date(Date.now() + 5 * DAY).toISOString(), dueDaysLeft: 5 })], nextCursor: null } }
      },
    })
    await p.waitForText('4 号店')
    expect(gets[0]).toContain('status=awaiting_review')
    expect(p.text()).toContain('消协受理审查期限')
    for (const label of ['待受理', '我负责的', '调解中', '全部处理中']) expect(p.text()).toContain(label)

    p.tap(p.find('wx-view', '调解中'))
    await p.waitForText('5 号店')
    expect(gets[gets.length - 1]).toContain('status=mediating')
    expect(p.text()).toContain('调解期限')
  })
})

describe('消协工作台：分配给同事、管理企业 packages/staff', () => {
  test('分配给同事: the list of colleagues, a confirmation, then POST …/actions/assign with their id', async () => {
    const posts = []
    const p = await mountPage('packages/staff/pages/complaint/index', {
      storage: sessionStorage(STAFF),
      query: { id: 'c-1' },
      wx: { showModal: jest.fn((opts) => Promise.resolve().then(() => opts.success?.({ errMsg: 'showModal:ok', confirm: true, cancel: false }))) },
      respond: (opts) => {
        if (opts.method === 'GET' && /\/api\/complaints\/c-1$/.test(opts.url)) return { data: complaintDetail({ path: 'association', status: 'awaiting_review', handling: handling({ dueKind: 'review' }) }) }
        if (opts.method === 'GET' && /\/api\/staff\/members$/.test(opts.url)) return { data: { items: [{ id: 'u-staff', displayName: '李四' }, { id: 'u-liu', displayName: '刘干事' }] } }
        if (opts.method === 'POST') {
          posts.push(opts)
          return { data: complaintDetail({ path: 'association', status: 'awaiting_review', handling: handling({ dueKind: 'review', assignedStaffId: 'u-liu' }) }) }
        }
        return null
      },
    })
    await p.waitForText('分配给同事')
    expect(p.text()).toContain('负责人：还没有人负责')
    p.tap(p.find('wx-button', '分配给同事'))
    await p.waitForText('刘干事')
    expect(p.text()).toContain('（我）')
    p.tap(p.find('wx-view', '刘干事'))
    await p.waitFor(() => posts.length === 1, 2000, 'POST assign')
    expect(p.wx.showModal.mock.calls[0][0].content).toContain('刘干事')
    expect(posts[0].url).toMatch(/\/api\/complaints\/c-1\/actions\/assign$/)
    expect(bodyOf(posts[0])).toEqual({ staffId: 'u-liu' })
    await p.waitForText('负责人：刘干事')
  })

  test('editing an enterprise: a bad phone is shown on the field and nothing is sent; fixed, it asks, then saves with PUT (wx.request has no PATCH)', async () => {
    const patches = []
    const enterprise = {
      id: 'ent-1', name: '示例优选超市有限公司', industry: 'food', province: '北京市', city: '北京市', district: '朝阳区', address: '建国路 88 号', creditCode: null,
      odr: true, odrSince: '2023-03-15', promises: ['先行赔付'], contactPhone: '010-65001234',
      figures: { complaintsReceived: 0, enoughData: false, note: null, medianFirstResponseHours: null, settlementRate: null, settledCount: 0, endedCount: 0, averageRating: null, ratingCount: 0, definitions: { complaintsReceived: '', medianFirstResponse: '', settlementRate: '', averageRating: '' } },
    }
    const p = await mountPage('packages/staff/pages/enterprise/index', {
      storage: sessionStorage(STAFF),
      query: { id: 'ent-1' },
      wx: { showModal: jest.fn((opts) => Promise.resolve().then(() => opts.success?.({ errMsg: 'showModal:ok', confirm: true, cancel: false }))) },
      respond: (opts) => {
        if (opts.method === 'GET' && /\/api\/enterprises\/ent-1$/.test(opts.url)) return { data: enterprise }
        if (opts.method === 'GET' && /\/api\/enterprises\/ent-1\/liaisons$/.test(opts.url)) return { data: { items: [{ id: 'u-zhang', displayName: '张经理', phone: '13800000003', disabled: false }] } }
        if (opts.method === 'PUT') {
          patches.push(opts)
          return { data: { ...enterprise, odr: false, odrSince: null } }
        }
        return null
      },
    })
    await p.waitForText('张经理')
    expect(p.text()).toContain('已加入绿色通道')
    // The seventh field of the form (name, province, city, district, address, credit code, phone).
    const inputs = p.findAll('wx-input')
    const phone = inputs.find((el) => el.getAttribute('aria-label') === '对外服务电话') ?? inputs[6]
    expect(phone).toBeTruthy()
    await p.input(phone, '12345')
    p.tap(p.find('wx-button', '保存修改'))
    await p.waitForText('请填写座机')
    expect(patches).toHaveLength(0)
    await p.input(phone, '010-65001234')
    p.tap(p.find('wx-view', '已加入绿色通道'))
    await p.waitForText('未加入绿色通道')
    p.tap(p.find('wx-button', '保存修改'))
    await p.waitFor(() => patches.length === 1, 2000, 'PUT enterprise')
    expect(p.wx.showModal.mock.calls.at(-1)[0].content).toContain('退出绿色通道')
    expect(bodyOf(patches[0])).toMatchObject({ name: '示例优选超市有限公司', odr: false, odrSince: null, contactPhone: '010-65001234', promises: ['先行赔付'] })
  })
})

describe('投诉详情 packages/complaint/pages/detail/index (consumer)', () => {
  test('an enterprise proposal offers 接受方案, and turning it down needs a reason', async () => {
    const posts = []
    const proposal = { text: '退款 100 元并道歉', amountFen: 10000, promisedDate: '2030-01-15' }
    const p = await mountPage('packages/complaint/pages/detail/index', {
      storage: sessionStorage(CONSUMER),
      query: { id: 'c-1' },
      respond: (opts) => {
        if (opts.method === 'GET' && /\/api\/complaints\/c-1$/.test(opts.url)) return { data: complaintDetail({ status: 'enterprise_proposed', handling: handling({ proposal }) }) }
        if (opts.method === 'POST') {
          posts.push(opts)
          return { data: complaintDetail({ status: 'awaiting_review', handling: handling({ proposal, dueKind: 'review' }) }) }
        }
        return null
      },
    })
    await p.waitForText('接受方案')
    for (const text of ['企业提出的解决方案', '退款 100 元并道歉', '100 元', '2030年1月15日前做到', '不接受（转消协调解）', '企业答复期限', '剩余 3 个工作日']) expect(p.text()).toContain(text)

    p.tap(p.find('wx-button', '不接受（转消协调解）'))
    await p.waitForText('确认不接受，转消协调解')
    p.tap(p.find('wx-button', '确认不接受，转消协调解'))
    await p.waitForText('请写下不接受的理由')
    expect(posts).toHaveLength(0)

    const reason = p.findAll('wx-textarea').find((el) => el.getAttribute('aria-label') === '不接受的理由') ?? p.findAll('wx-textarea')[0]
    await p.input(reason, '我要求全额退款')
    p.tap(p.find('wx-button', '确认不接受，转消协调解'))
    await p.waitFor(() => posts.length === 1, 2000, 'POST reject_proposal')
    expect(posts[0].url).toMatch(/\/api\/complaints\/c-1\/actions\/reject_proposal$/)
    expect(bodyOf(posts[0])).toEqual({ reason: '我要求全额退款' })
  })

  test('after mediation: tapping the 4th star and 提交评价 sends { stars: 4 }', async () => {
    const posts = []
    const p = await mountPage('packages/complaint/pages/detail/index', {
      storage: sessionStorage(CONSUMER),
      query: { id: 'c-1' },
      respond: (opts) => {
        if (opts.method === 'GET' && /\/api\/complaints\/c-1$/.test(opts.url)) return { data: complaintDetail({ status: 'mediated', handling: handling({ dueAt: null, dueKind: null }) }) }
        if (opts.method === 'POST') {
          posts.push(opts)
          return { data: complaintDetail({ status: 'mediated', handling: handling({ dueAt: null, dueKind: null, rating: { stars: 4, comment: null, ratedAt: '2026-11-23T10:00:00.000Z' } }) }) }
        }
        return null
      },
    })
    await p.waitForText('给这次处理打分')
    expect(p.text()).not.toContain('接受方案')
    p.tap(p.find('wx-button', '提交评价'))
    await p.waitForText('请点星星打分')
    const stars = p.findAll('wx-view', '☆')
    expect(stars).toHaveLength(5)
    p.tap(stars[3])
    await p.waitForText('满意')
    p.tap(p.find('wx-button', '提交评价'))
    await p.waitFor(() => posts.length === 1, 2000, 'POST rate')
    expect(posts[0].url).toMatch(/\/api\/complaints\/c-1\/actions\/rate$/)
    expect(bodyOf(posts[0])).toEqual({ stars: 4 })
    await p.waitForText('您的评价')
  })
})
