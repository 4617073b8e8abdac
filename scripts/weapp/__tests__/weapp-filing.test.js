/**
 * The complaint filing subpackage (packages/complaint) and the 投诉 tab, rendered from the built
 * dist/weapp in miniprogram-simulate (see taro-simulate.cjs). Photos: wx.chooseMedia, compressImage,
 * FileSystemManager.saveFile and uploadFile are spies (wx-photo-mocks.cjs); nothing leaves the process.
 * Run: npx taro build --type weapp && npx jest -c jest.weapp.config.js
 * @jest-environment jsdom
 */
const { mountPage, unmountAll, sessionStorage } = require('./taro-simulate.cjs')
const { photoMocks, USER_DATA_PATH } = require('./wx-photo-mocks.cjs')
const sha256 = (bytes) => require('crypto').createHash('sha256').update(bytes).digest('hex')

const CONSUMER = { id: 'u-1', role: 'consumer', phone: '13812345678', displayName: '张三', enterprise: null, createdAt: '2026-01-01T00:00:00.000Z' }
const EVIDENCE_URL = /^https?:\/\/[^/]+\/api\/evidence$/
const header = (opts, name) => {
  const key = Object.keys(opts.header || {}).find((k) => k.toLowerCase() === name.toLowerCase())
  return key ? opts.header[key] : undefined
}
const bodyOf = (opts) => (typeof opts.data === 'string' ? JSON.parse(opts.data) : opts.data)
const storedDraft = (p, id) => JSON.parse(p.storage.get(`weiquan-draft:${id}`) || 'null')

/** The element whose whole visible text is `text` (find() matches any element containing it). */
function exactly(p, tag, text) {
  const el = [...p.page.dom.querySelectorAll(tag)].find((e) => e.textContent.replace(/\s+/g, '') === text)
  if (!el) throw new Error(`no <${tag}> reading exactly "${text}"; page text: ${p.text()}`)
  return el
}

afterEach(() => unmountAll())

describe('证据照片 packages/complaint/pages/photos/index', () => {
  test('adding 3 photos compresses, saves and uploads each exactly once, with progress to ✓ 已上传', async () => {
    const mocks = photoMocks({ perPick: 3 })
    const p = await mountPage('packages/complaint/pages/photos/index', { storage: sessionStorage(CONSUMER), query: { draft: 'draft-photos' }, wx: mocks.wx })
    await p.waitForText('拍照或从相册选')
    expect(p.text()).toContain('第 3 步，共 5 步')
    expect(p.text()).toContain('已添加 0 张，最多 9 张')

    p.tap(p.find('wx-button', '拍照或从相册选'))
    await p.waitFor(() => p.wx.uploadFile.mock.calls.length === 3, 3000, '3 uploads')
    await p.waitFor(() => (p.text().match(/✓ 已上传/g) || []).length === 3, 3000, '3 × ✓ 已上传')

    expect(p.wx.chooseMedia).toHaveBeenCalledTimes(1)
    expect(p.wx.chooseMedia.mock.calls[0][0]).toMatchObject({ count: 9, mediaType: ['image'], sourceType: ['camera', 'album'], sizeType: ['original'] })
    // kept as saved files (survive the app being closed), compressed to a long edge of 1600 px at q75
    expect(mocks.fsm.saveFile).toHaveBeenCalledTimes(3)
    for (const [opts] of mocks.fsm.saveFile.mock.calls) expect(opts.filePath.startsWith(`${USER_DATA_PATH}/`)).toBe(true)
    expect(p.wx.compressImage).toHaveBeenCalledTimes(3)
    for (const [opts] of p.wx.compressImage.mock.calls) expect(opts).toMatchObject({ quality: 75, compressedWidth: 1600 })

    expect(p.wx.uploadFile).toHaveBeenCalledTimes(3)
    const uploadedFiles = p.wx.uploadFile.mock.calls.map(([opts]) => {
      expect(opts.url).toMatch(EVIDENCE_URL)
      expect(opts.name).toBe('file')
      expect(header(opts, 'Authorization')).toBe('Bearer test-access-token')
      // the hash of the saved original, read before compressing (no EXIF in these mock files)
      const saved = opts.filePath.replace(/^wxfile:\/\/tmp\/(.+)\.small\.jpg$/, `${USER_DATA_PATH}/$1.jpg`)
      expect(JSON.parse(opts.formData.provenance)).toEqual({ originalSha256: sha256(mocks.bytesOf(saved)) })
      return opts.filePath
    })
    expect(new Set(uploadedFiles).size).toBe(3)
    for (const file of uploadedFiles) expect(file).toMatch(/\.small\.jpg$/)
    // photos go through wx.uploadFile only (the app's own inbox catch-up aside)
    expect(p.wx.request.mock.calls.filter(([opts]) => !/\/api\/notifications[/?]/.test(opts.url))).toEqual([])

    // the draft (with the server's evidence ids) is on the device
    await p.waitFor(() => storedDraft(p, 'draft-photos')?.photos.every((ph) => ph.evidence), 2000, 'draft saved with evidence')
    const draft = storedDraft(p, 'draft-photos')
    expect(draft.photos.map((ph) => ph.evidence.id).sort()).toEqual(['ev-1', 'ev-2', 'ev-3'])
    expect(draft.idempotencyKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(JSON.parse(p.storage.get('weiquan-drafts:u-1'))).toEqual(['draft-photos'])

    // 2 more: only the new ones upload
    mocks.perPick = 2
    mocks.wx.chooseMedia.mockClear()
    p.tap(p.find('wx-button', '拍照或从相册选'))
    await p.waitFor(() => p.wx.uploadFile.mock.calls.length === 5, 3000, '5 uploads')
    await p.waitFor(() => (p.text().match(/✓ 已上传/g) || []).length === 5, 3000, '5 × ✓ 已上传')
    expect(p.wx.chooseMedia.mock.calls[0][0].count).toBe(6)
    expect(p.text()).toContain('已添加 5 张，最多 9 张')
  })

  test('原图 uploads the saved original once more with original=1', async () => {
    const mocks = photoMocks({ perPick: 1 })
    const p = await mountPage('packages/complaint/pages/photos/index', { storage: sessionStorage(CONSUMER), query: { draft: 'draft-original' }, wx: mocks.wx })
    await p.waitForText('拍照或从相册选')
    p.tap(p.find('wx-button', '拍照或从相册选'))
    await p.waitForText('✓ 已上传')
    expect(p.wx.uploadFile).toHaveBeenCalledTimes(1)

    p.tap(exactly(p, 'wx-view', '原图'))
    await p.waitFor(() => p.wx.uploadFile.mock.calls.length === 2, 3000, 'second upload')
    await p.waitForText('✓ 已上传')
    const [opts] = p.wx.uploadFile.mock.calls[1]
    expect(opts.formData.original).toBe('1')
    expect(JSON.parse(opts.formData.provenance)).toEqual({ originalSha256: sha256(mocks.bytesOf(opts.filePath)) })
    expect(opts.filePath.startsWith(`${USER_DATA_PATH}/weiquan-photo-`)).toBe(true)
    expect(p.wx.compressImage).toHaveBeenCalledTimes(1)
  })

  test('a network failure is retried after a pause; a refusal is shown at once and not retried', async () => {
    // attempt 1 (photo 1): network down; attempt 2 (photo 1 again): ok; attempt 3 (photo 2): refused
    const mocks = photoMocks({
      perPick: 1,
      upload: (opts, attempt) =>
        attempt === 1 ? null : attempt === 3 ? { statusCode: 415, data: { code: 'UNSUPPORTED_IMAGE', message: '只支持 JPG、PNG、WebP、HEIC 格式的照片' } } : { statusCode: 201, data: require('./wx-photo-mocks.cjs').evidenceFor(attempt) },
    })
    const p = await mountPage('packages/complaint/pages/photos/index', { storage: sessionStorage(CONSUMER), query: { draft: 'draft-retry' }, wx: mocks.wx })
    await p.waitForText('拍照或从相册选')
    p.tap(p.find('wx-button', '拍照或从相册选'))
    await p.waitForText('网络不好，马上重试（第 2 次）')
    await p.waitForText('✓ 已上传', 4000)
    expect(p.wx.uploadFile).toHaveBeenCalledTimes(2)

    p.tap(p.find('wx-button', '拍照或从相册选'))
    await p.waitForText('只支持 JPG、PNG、WebP、HEIC 格式的照片', 3000)
    await new Promise((r) => setTimeout(r, 1300))
    expect(p.wx.uploadFile).toHaveBeenCalledTimes(3)
    expect(p.findAll('wx-button', '重试')).toHaveLength(0) // retrying a refused photo cannot help: only 删除
  })
})

/** A draft as the filing store saves it: complete, with its photos already uploaded. */
function readyDraft(id, overrides = {}) {
  const now = new Date().toISOString()
  return {
    id,
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
    photos: [1, 2].map((n) => ({
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
    ...overrides,
  }
}

function draftStorage(...drafts) {
  const entries = { [`weiquan-drafts:${CONSUMER.id}`]: JSON.stringify(drafts.map((d) => d.id)) }
  for (const d of drafts) entries[`weiquan-draft:${d.id}`] = JSON.stringify(d)
  return entries
}

function complaintDetail(overrides = {}) {
  const evidence = [1, 2].map((n) => require('./wx-photo-mocks.cjs').evidenceFor(n))
  return {
    id: 'c-1',
    number: 'WQ20261123000123',
    status: 'enterprise_handling',
    path: 'odr',
    business: { name: '示例优选超市', address: null, region: '北京市朝阳区', creditCode: null, enterpriseId: null },
    industry: 'food',
    incidentDate: '2026-11-20',
    amountFen: 12850,
    description: '买到的牛奶已经过期三天了，商家拒绝退款还态度很差。',
    demands: ['refund'],
    demandDetail: null,
    contactPhone: CONSUMER.phone,
    evidence,
    events: [
      { id: 'e-1', type: 'submitted', actorRole: 'consumer', note: null, fromStatus: null, toStatus: 'submitted', evidence: [], createdAt: '2026-11-23T06:05:00.000Z' },
      { id: 'e-2', type: 'status_changed', actorRole: 'system', note: '已转给商家处理', fromStatus: 'submitted', toStatus: 'enterprise_handling', evidence: [], createdAt: '2026-11-23T06:05:01.000Z' },
    ],
    nextStep: { text: '商家将在 7 天内联系您协商', dueAt: '2026-11-30T15:59:59.000Z' },
    rules: { ruleSetId: 'samr-2019-v1', name: '市场监管投诉处理（2019 暂行办法）', version: 1, document: '《市场监督管理投诉举报处理暂行办法》', documentNumber: null, verified: true, refusalGrounds: [{ code: 'over_three_years', text: '超过三年', article: '第十五条第（四）项', verified: true }], rejection: null },
    createdAt: '2026-11-23T06:05:00.000Z',
    updatedAt: '2026-11-23T06:05:01.000Z',
    ...overrides,
  }
}

describe('被投诉的商家 packages/complaint/pages/business/index', () => {
  test('下一步 shows inline errors in Chinese; filled in, it saves the draft and opens step 2', async () => {
    const p = await mountPage('packages/complaint/pages/business/index', { storage: sessionStorage(CONSUMER), query: { draft: 'draft-new' } })
    await p.waitForText('第 1 步，共 5 步')
    await p.waitForText('商家名称') // the step's frame shows before the draft has opened
    for (const label of ['商家名称', '所在地区', '详细地址', '填写商家的统一社会信用代码（选填）', '所属行业', '食品', '预付式消费', '其他']) expect(p.text()).toContain(label)
    expect(p.findAll('wx-view', '上一步')).toHaveLength(0) // nothing before step 1

    p.tap(p.find('wx-button', '下一步'))
    await p.waitForText('请填写商家名称')
    expect(p.text()).toContain('请选择行业')
    expect(p.wx.navigateTo).not.toHaveBeenCalled()
    expect(p.storage.has('weiquan-draft:draft-new')).toBe(false) // nothing typed: no empty draft in the list

    const [name] = p.findAll('wx-input')
    await p.input(name, '示例优选超市')
    p.tap(p.find('wx-view', '填写商家的统一社会信用代码'))
    await p.waitFor(() => p.findAll('wx-input').length === 4, 2000, 'credit code field shown')
    const creditCode = p.findAll('wx-input')[3]
    await p.input(creditCode, 'ABC')
    await p.waitForText('统一社会信用代码应为 18 位数字或大写字母')
    await p.input(creditCode, '')
    p.tap(exactly(p, 'wx-view', '食品'))
    await p.waitFor(() => !p.text().includes('请选择行业'), 2000, 'industry error gone')
    p.tap(p.find('wx-button', '下一步'))
    await p.waitFor(() => p.wx.navigateTo.mock.calls.length > 0, 2000, 'wx.navigateTo')
    expect(p.wx.navigateTo.mock.calls[0][0].url).toBe('/packages/complaint/pages/facts/index?draft=draft-new')
    const draft = storedDraft(p, 'draft-new')
    expect(draft).toMatchObject({ business: { name: '示例优选超市' }, industry: 'food', step: 2, contactPhone: CONSUMER.phone, ownerId: CONSUMER.id })
  })
})

describe('被投诉的商家: suggestions from the enterprise directory', () => {
  const enterprise = (overrides) => ({
    id: 'e-1',
    name: '乐动力健身俱乐部有限公司',
    industry: 'prepaid',
    province: '北京市',
    city: '北京市',
    district: '海淀区',
    address: '中关村大街 59 号 3 层',
    creditCode: '91110108MA0WQ02B7R',
    odr: true,
    odrSince: '2024-06-01',
    ...overrides,
  })

  test('typing 健身 shows directory matches with the 绿色通道 badge; choosing one fills the form and offers both paths', async () => {
    const searches = []
    const p = await mountPage('packages/complaint/pages/business/index', {
      storage: sessionStorage(CONSUMER),
      query: { draft: 'draft-suggest' },
      respond: (opts) => {
        if (opts.method === 'GET' && /\/api\/enterprises\?/.test(opts.url)) {
          searches.push(opts.url)
          return { data: { items: [enterprise(), enterprise({ id: 'e-2', name: '汉口健体健身管理有限公司', province: '湖北省', city: '武汉市', district: '江汉区', odr: false, odrSince: null })], total: 2, page: 1, pageSize: 20 } }
        }
        // The rules in force: the path sentences take their deadlines from them.
        if (opts.method === 'GET' && /\/api\/rule-sets\/current/.test(opts.url)) {
          const step = (days) => ({ days, dayKind: 'working' })
          return { data: { code: 'samr-2026', content: { steps: { enterprise_response: step(10), review: step(7), mediation: step(45) } } } }
        }
        return { statusCode: 404, data: { code: 'NOT_FOUND', message: '不存在' } }
      },
    })
    await p.waitForText('第 1 步，共 5 步')
    await p.waitForText('商家名称')
    await p.input(p.findAll('wx-input')[0], '健身')
    await p.waitForText('乐动力健身俱乐部有限公司', 3000)
    expect(searches).toHaveLength(1) // debounced: one request for the whole word
    expect(decodeURIComponent(searches[0])).toMatch(/\/api\/enterprises\?q=健身$/)
    expect(p.text()).toContain('北京市海淀区')
    expect(p.text()).toContain('武汉市江汉区')
    expect(p.findAll('wx-text', '绿色通道')).toHaveLength(1)

    p.tap(p.find('wx-text', '乐动力健身俱乐部有限公司'))
    await p.waitForText('请选择处理方式')
    await p.waitForText('企业须在 10 个工作日内答复') // once the rules in force have loaded
    expect(p.text()).toContain('消协在 7 个工作日内决定是否受理，调解一般在 45 个工作日内结束')
    expect(p.text()).not.toContain('汉口健体健身管理有限公司') // the list closes once chosen
    await p.waitFor(() => storedDraft(p, 'draft-suggest')?.business.enterpriseId === 'e-1', 2000, 'draft saved with the enterprise')
    expect(storedDraft(p, 'draft-suggest')).toMatchObject({
      business: { name: '乐动力健身俱乐部有限公司', enterpriseId: 'e-1', enterpriseOdr: true, region: '北京市/海淀区', address: '中关村大街 59 号 3 层', creditCode: '91110108MA0WQ02B7R' },
      industry: 'prepaid',
      path: 'odr',
    })

    p.tap(exactly(p, 'wx-text', '○消协调解'))
    await p.waitFor(() => storedDraft(p, 'draft-suggest')?.path === 'association', 2000, 'path changed to association')

    p.tap(p.find('wx-view', '查看这家企业的承诺和处理情况'))
    await p.waitFor(() => p.wx.navigateTo.mock.calls.length > 0, 2000, 'wx.navigateTo')
    expect(p.wx.navigateTo.mock.calls[0][0].url).toBe('/packages/enterprise-directory/pages/detail/index?id=e-1')
  })
})

describe('核对并提交 packages/complaint/pages/review/index', () => {
  test('a submit whose answer is lost is sent again with the same Idempotency-Key; then the result page, and the draft is gone', async () => {
    const posts = []
    const p = await mountPage('packages/complaint/pages/review/index', {
      storage: { ...sessionStorage(CONSUMER), ...draftStorage(readyDraft('draft-ready')) },
      query: { draft: 'draft-ready' },
      wx: photoMocks().wx,
      respond: (opts) => {
        if (opts.method === 'POST' && /\/api\/complaints$/.test(opts.url)) {
          posts.push(opts)
          return posts.length === 1 ? null : { statusCode: 200, data: complaintDetail() }
        }
        return { statusCode: 404, data: { code: 'NOT_FOUND', message: '不存在' } }
      },
    })
    await p.waitForText('提交投诉')
    for (const text of ['第 5 步，共 5 步', '示例优选超市', '128.50 元', '退款', '2026年11月20日', '证据照片（2 张）', '13812345678', '已同意']) expect(p.text()).toContain(text)

    p.tap(p.find('wx-button', '提交投诉'))
    await p.waitForText('投诉可能已经提交', 4000)
    expect(p.text()).toContain('重新提交')
    expect(storedDraft(p, 'draft-ready').submitUncertain).toBe(true)

    p.tap(p.find('wx-button', '重新提交'))
    await p.waitFor(() => p.wx.reLaunch.mock.calls.length > 0, 4000, 'wx.reLaunch to the result')
    expect(p.wx.reLaunch.mock.calls[0][0].url).toBe('/packages/complaint/pages/result/index?id=c-1')
    expect(posts).toHaveLength(2)
    expect(header(posts[0], 'Idempotency-Key')).toBe('6f1c1d3e-8a4b-4c2d-9e7f-0a1b2c3d4e5f')
    expect(header(posts[1], 'Idempotency-Key')).toBe(header(posts[0], 'Idempotency-Key'))
    expect(bodyOf(posts[1])).toEqual(bodyOf(posts[0]))
    expect(bodyOf(posts[0])).toEqual({
      business: { name: '示例优选超市', region: '北京市朝阳区' },
      industry: 'food',
      incidentDate: '2026-11-20',
      amountFen: 12850,
      description: '买到的牛奶已经过期三天了，商家拒绝退款还态度很差。',
      demands: ['refund'],
      evidenceIds: ['ev-1', 'ev-2'],
      contactPhone: CONSUMER.phone,
      consentToShare: true,
      // 个案公示 is a separate consent, unticked unless the consumer ticks it; the answer is always sent.
      publicationConsent: { publish: false, photos: false },
    })
    await p.waitFor(() => !p.storage.has('weiquan-draft:draft-ready'), 2000, 'draft deleted')
    expect(JSON.parse(p.storage.get('weiquan-drafts:u-1'))).toEqual([])
    expect(p.wx.uploadFile).not.toHaveBeenCalled()
  })
})

describe('投诉 tab pages/complaints/index', () => {
  const summary = (n, status) => ({
    id: `c-${n}`,
    number: `WQ2026112300012${n}`,
    status,
    path: 'odr',
    businessName: `商家${n}`,
    industry: 'food',
    amountFen: 1000 * n,
    photoCount: n,
    createdAt: `2026-11-2${n}T06:00:00.000Z`,
    updatedAt: `2026-11-2${n}T06:00:00.000Z`,
  })

  test('lists my complaints with status chips, loads more at the bottom, refreshes on pull, shows drafts first', async () => {
    const lists = []
    const closedHints = []
    const p = await mountPage('pages/complaints/index', {
      storage: { ...sessionStorage(CONSUMER), ...draftStorage(readyDraft('draft-old', { step: 2, business: { name: '快乐健身', region: '', address: '', creditCode: '', enterpriseId: null } })) },
      wx: { stopPullDownRefresh: jest.fn((o) => setTimeout(() => o.success?.({ errMsg: 'stopPullDownRefresh:ok' }), 0)) },
      respond: (opts) => {
        // 处理中 also asks for the first page of 已结束, to show complaints that closed lately.
        if (opts.method === 'GET' && /\/api\/complaints\?.*state=closed/.test(opts.url)) {
          closedHints.push(opts.url)
          return { data: { items: [], nextCursor: null } }
        }
        if (opts.method === 'GET' && /\/api\/complaints\?/.test(opts.url)) {
          lists.push(opts.url)
          const cursor = /cursor=([^&]+)/.exec(opts.url)?.[1]
          return { data: cursor ? { items: [summary(3, 'resolved')], nextCursor: null } : { items: [summary(1, 'enterprise_handling'), summary(2, 'awaiting_review')], nextCursor: 'next-2' } }
        }
        return { statusCode: 404, data: { code: 'NOT_FOUND', message: '不存在' } }
      },
    })
    await p.waitForText('商家1')
    for (const text of ['我要投诉', '没写完的投诉', '快乐健身', '已填到第 2 步“发生了什么”', '继续填写', '处理中', '已结束', '商家2', '企业处理中', '等待消协受理', 'WQ20261123000121', '加载更多']) {
      expect(p.text()).toContain(text)
    }
    expect(p.text().indexOf('快乐健身')).toBeLessThan(p.text().indexOf('商家1')) // drafts first
    expect(lists[0]).toMatch(/state=open/)
    expect(lists[0]).toMatch(/limit=20/)
    expect(closedHints.length).toBeGreaterThan(0)
    expect(p.text()).not.toContain('最近结束的投诉') // nothing closed lately

    p.page.instance.onReachBottom()
    await p.waitForText('商家3')
    expect(p.text()).toContain('已和解')
    expect(lists[1]).toMatch(/cursor=next-2/)
    await p.waitForText('没有更多了')

    p.page.instance.onPullDownRefresh()
    await p.waitFor(() => p.wx.stopPullDownRefresh.mock.calls.length > 0, 2000, 'stopPullDownRefresh')
    expect(lists.length).toBeGreaterThanOrEqual(3)

    p.tap(p.find('wx-text', '商家1'))
    await p.waitFor(() => p.wx.navigateTo.mock.calls.length > 0, 2000, 'open detail')
    expect(p.wx.navigateTo.mock.calls[0][0].url).toBe('/packages/complaint/pages/detail/index?id=c-1')

    p.tap(p.find('wx-button', '继续填写'))
    await p.waitFor(() => p.wx.navigateTo.mock.calls.length > 1, 2000, 'continue draft')
    expect(p.wx.navigateTo.mock.calls[1][0].url).toBe('/packages/complaint/pages/facts/index?draft=draft-old')
  })

  test('已结束 asks for closed complaints; an error offers 重试', async () => {
    let fail = false
    const p = await mountPage('pages/complaints/index', {
      storage: sessionStorage(CONSUMER),
      respond: (opts) => {
        if (/\/api\/complaints\?/.test(opts.url)) return fail ? null : { data: { items: [], nextCursor: null } }
        return { statusCode: 404, data: {} }
      },
    })
    await p.waitForText('没有处理中的投诉')
    fail = true
    p.tap(exactly(p, 'wx-view', '已结束'))
    await p.waitForText('网络连接失败，请检查网络后重试')
    expect(p.wx.request.mock.calls.at(-1)[0].url).toMatch(/state=closed/)
    fail = false
    p.tap(p.find('wx-button', '重试'))
    await p.waitForText('没有已结束的投诉')
  })
})
