/**
 * The association's statistics page in the built mini-program (dist/weapp, build first): tiles,
 * charts and the note that CSV export is for the web version. wx.request is answered here.
 * Run: npx jest -c jest.weapp.config.js
 * @jest-environment jsdom
 */
const { mountPage, unmountAll, sessionStorage } = require('./taro-simulate.cjs')

const STAFF = { id: 'u-staff', role: 'staff', phone: '13812345678', displayName: '陈主任', enterprise: null, createdAt: '2026-01-01T00:00:00.000Z' }

const STATISTICS = {
  from: '2025-12-01',
  to: '2026-11-23',
  received: 128,
  closed: 96,
  closeRate: 0.75,
  recoveredFen: 1_234_550,
  byIndustry: [
    { industry: 'prepaid', label: '预付式消费', received: 70, closed: 50 },
    { industry: 'food', label: '食品', received: 58, closed: 46 },
  ],
  byMonth: [
    { month: '2026-10', received: 60, closed: 40 },
    { month: '2026-11', received: 68, closed: 56 },
  ],
  topEnterprises: [{ enterpriseId: 'ent-1', name: '快乐健身有限公司', count: 31 }],
  overdue: { total: 3, enterpriseResponse: 2, review: 0, mediation: 1 },
  paths: { odr: 32, association: 96 },
  scope: { organizationName: '杭州市西湖区消费者协会', includesBelow: true },
  definitions: {
    received: '所选期间内提交的投诉件数。',
    closed: '已办结件数。',
    closeRate: '办结率 = 已办结件数 ÷ 收到投诉件数。',
    recovered: '挽回经济损失。',
    overdue: '超期。',
    paths: '处理途径。',
  },
}

const figure = (received, accepted, closed, onTime, ended, succeeded, recoveredFen) => ({
  received,
  accepted,
  closed,
  referred: 0,
  closedOnTime: onTime,
  mediationEnded: ended,
  mediationSucceeded: succeeded,
  recoveredFen,
  closeRate: received ? closed / received : null,
  onTimeRate: closed ? Math.round((onTime / closed) * 1000) / 1000 : null,
  mediationSuccessRate: ended ? Math.round((succeeded / ended) * 1000) / 1000 : null,
})

const FIGURES = {
  from: '2025-12-01',
  to: '2026-11-23',
  organizationName: '杭州市西湖区消费者协会',
  includesBelow: true,
  total: figure(128, 90, 96, 72, 40, 30, 1_234_550),
  byMonth: [
    { month: '2026-10', ...figure(60, 40, 40, 30, 20, 15, 600_000) },
    { month: '2026-11', ...figure(68, 50, 56, 42, 20, 15, 634_550) },
  ],
  byIndustry: [{ industry: 'prepaid', label: '预付式消费', ...figure(70, 50, 50, 40, 30, 20, 1_000_000) }],
  own: figure(0, 0, 0, 0, 0, 0, 0),
  children: [{ organizationId: 'o-1', name: '示例街道服务站', ...figure(128, 90, 96, 72, 40, 30, 1_234_550) }],
  byStation: {
    months: ['2026-10', '2026-11'],
    wholeMonths: true,
    stations: [{ id: 's-1', name: '文三路消费维权服务站', organizationName: '杭州市西湖区消费者协会', counts: [3, 5], total: 8 }],
  },
  definitions: { onTimeRate: '按期办结率 = 按期办结件数 ÷ 办结件数。' },
}

const header = (opts, name) => {
  const key = Object.keys(opts.header || {}).find((k) => k.toLowerCase() === name.toLowerCase())
  return key ? opts.header[key] : undefined
}

afterEach(() => unmountAll())

describe('投诉统计 packages/staff/pages/statistics', () => {
  test('shows the tiles, charts and overdue counts, and sends CSV export to the web version', async () => {
    const gets = []
    const p = await mountPage('packages/staff/pages/statistics/index', {
      storage: sessionStorage(STAFF),
      respond: (opts) => {
        if (opts.method === 'GET' && /\/api\/staff\/statistics\/figures(\?|$)/.test(opts.url)) return { data: FIGURES }
        if (opts.method !== 'GET' || !/\/api\/staff\/statistics(\?|$)/.test(opts.url)) return null
        gets.push(opts)
        return { data: STATISTICS }
      },
    })
    await p.waitForText('收到投诉')
    expect(header(gets[0], 'Authorization')).toBe('Bearer test-access-token')
    for (const text of ['收到投诉', '128', '已办结', '96', '办结率', '75%', '挽回经济损失', '12345.50', '元']) expect(p.text()).toContain(text)
    for (const text of ['预付式消费', '70 件', '2026年11月', '快乐健身有限公司', '31 件', '超期未办', '企业答复期限：2 件', '调解期限：1 件']) expect(p.text()).toContain(text)
    expect(p.text()).toContain('统计范围：杭州市西湖区消费者协会（含下级）')
    for (const text of ['受理', '按期办结率', '75%', '按期 72 / 办结 96 件', '调解成功率', '成功 30 / 调解结束 40 件', '下级机构对比', '示例街道服务站（含下级）', '10月']) expect(p.text()).toContain(text)
    // By station: a bar with the period's total, the months in the table under it.
    for (const text of ['按服务站（代办立案）', '文三路消费维权服务站', '8 件', '26年10月', '26年11月']) expect(p.text()).toContain(text)
    expect(p.text()).toContain('ODR 绿色通道 32 件（25%）')
    expect(p.text()).toContain('消协调解 96 件（75%）')
    expect(p.text()).toContain('共 128 条投诉明细。导出 CSV 请在电脑网页版操作')
  })

  test('a failed request shows the error with 重试', async () => {
    const p = await mountPage('packages/staff/pages/statistics/index', { storage: sessionStorage(STAFF), respond: () => null })
    await p.waitForText('重试')
    expect(p.text()).toContain('加载失败')
  })
})
