/**
 * 登记法院委托案件 (packages/staff/pages/court-case) in the built mini-program (dist/weapp, build first):
 * the case number judged as it is typed, a check page before filing, a taken case number shown
 * beside its field, then the new case number and 打开案件. wx.request is answered here.
 * Run: npx jest -c jest.weapp.config.js weapp-court-case
 * @jest-environment jsdom
 */
const { mountPage, unmountAll, sessionStorage } = require('./taro-simulate.cjs')

const STAFF = { id: 'u-staff', role: 'staff', phone: '13812345678', displayName: '陈主任', enterprise: null, createdAt: '2026-01-01T00:00:00.000Z' }
const MINE = (canMediate) => ({ organization: { id: 'o-1', name: '杭州市西湖区消费者协会' }, canManage: false, canMediate, ruleFamily: 'association' })
const FILED = {
  complaintId: 'c-9',
  complaintNumber: 'WQ202612040009',
  handOff: {
    complaintId: 'c-9',
    complaintNumber: 'WQ202612040009',
    referral: { courtName: '杭州市西湖区人民法院', courtCaseNumber: '（2026）浙0106民诉前调2002号', receivedOn: '2026-12-01', courtDeadline: '2099-01-01', courtDaysLeft: 30, registeredAt: '2026-12-04T01:00:00.000Z' },
    letter: null,
    canIssueLetter: false,
    canExportPacket: false,
    canRegisterReferral: false,
  },
}
const daysAgo = (n) => new Date(Date.now() + 8 * 3600_000 - n * 86_400_000).toISOString().slice(0, 10)
const bodyOf = (opts) => (typeof opts.data === 'string' ? JSON.parse(opts.data) : opts.data)

afterEach(() => unmountAll())

describe('登记法院委托案件 packages/staff/pages/court-case', () => {
  test('fill in → 核对 → a taken case number goes back beside 法院案号 → filed, with 打开案件', async () => {
    const posts = []
    const redirectTo = jest.fn()
    const p = await mountPage('packages/staff/pages/court-case/index', {
      storage: sessionStorage(STAFF),
      wx: { redirectTo, pageScrollTo: jest.fn() },
      respond: (opts) => {
        if (opts.method === 'GET' && /\/api\/staff\/organizations\/mine$/.test(opts.url)) return { data: MINE(true) }
        if (opts.method === 'POST' && /\/api\/staff\/court-referrals$/.test(opts.url)) {
          posts.push(opts)
          if (posts.length === 1) return { statusCode: 409, data: { code: 'COURT_CASE_NUMBER_TAKEN', message: '这个法院案号已经登记过了，请核对案号' } }
          return { statusCode: 201, data: FILED }
        }
        return null
      },
    })
    await p.waitForText('法院委托函')
    expect(p.text()).toContain('格式如 （2026）浙0106民诉前调1234号')
    // 委托法院, 法院案号, 手机号, 称呼, 商家名称, 地区, 金额
    const inputs = p.findAll('wx-input')
    expect(inputs).toHaveLength(7)
    await p.input(inputs[1], '(2026)浙0106民初2001号')
    await p.waitForText('案号格式不对')
    await p.input(inputs[1], '(2026)浙0106民诉前调2001号')
    await p.waitForText('格式正确：（2026）浙0106民诉前调2001号')
    await p.input(inputs[0], '杭州市西湖区人民法院')
    await p.input(inputs[2], '13912340002')
    await p.input(inputs[3], '赵女士')
    await p.input(inputs[4], '某某家电城')
    await p.input(inputs[6], '3280.5')
    await p.input(p.find('wx-textarea'), '在家电城买的空调安装后不制冷，多次报修没有修好，商家拒绝退货。')
    const pickers = p.findAll('wx-picker')
    p.dispatch(pickers[1], 'change', { value: '2099-01-01' })
    p.dispatch(pickers[2], 'change', { value: daysAgo(10) })
    p.tap(p.find('wx-view', '家电'))
    p.tap(p.find('wx-view', '退货'))
    await p.settle()
    p.tap(p.find('wx-button', '下一步：核对'))
    await p.waitForText('请核对后登记')
    for (const text of ['杭州市西湖区人民法院', '赵女士（13912340002）', '3280.50 元', '退货', '家电']) expect(p.text()).toContain(text)

    p.tap(p.find('wx-button', '确认登记并立案'))
    await p.waitForText('这个法院案号已经登记过了，请核对案号')
    expect(bodyOf(posts[0])).toMatchObject({
      referral: { courtName: '杭州市西湖区人民法院', courtCaseNumber: '（2026）浙0106民诉前调2001号', courtDeadline: '2099-01-01' },
      consumer: { phone: '13912340002', name: '赵女士' },
      business: { name: '某某家电城' },
      industry: 'appliances',
      amountFen: 328050,
      demands: ['return'],
    })
    // Back on the form, beside the field, with what was typed kept.
    expect(p.text()).toContain('下一步：核对')
    await p.input(p.findAll('wx-input')[1], '（2026）浙0106民诉前调2002号')
    p.tap(p.find('wx-button', '下一步：核对'))
    await p.waitForText('确认登记并立案')
    p.tap(p.find('wx-button', '确认登记并立案'))
    await p.waitForText('已登记并立案')
    expect(p.text()).toContain('WQ202612040009')
    p.tap(p.find('wx-button', '打开案件'))
    await p.waitFor(() => redirectTo.mock.calls.length === 1, 2000, 'redirectTo the case')
    expect(redirectTo.mock.calls[0][0].url).toBe('/packages/staff/pages/complaint/index?id=c-9')
  })

  test('staff without mediation permission are told so instead of a form; a failed load offers 重试', async () => {
    const p = await mountPage('packages/staff/pages/court-case/index', {
      storage: sessionStorage(STAFF),
      respond: (opts) => (opts.method === 'GET' && /organizations\/mine$/.test(opts.url) ? { data: MINE(false) } : null),
    })
    await p.waitForText('只有有调解权限的工作人员才能登记法院委托案件')
    expect(p.findAll('wx-input')).toHaveLength(0)
    const offline = await mountPage('packages/staff/pages/court-case/index', { storage: sessionStorage(STAFF), respond: () => null })
    await offline.waitForText('重试')
  })
})
