/**
 * Evidence photos and WeChat's privacy rules in the built mini-program (dist/weapp, build first):
 * - the mocked personal-information APIs (chooseMedia, getLocation) fail with errno 104 until the
 *   popup's open-type="agreePrivacyAuthorization" button is tapped, as WeChat does since 2023;
 * - a picked file is checked (magic bytes, size) and read (SHA-256, EXIF) before any byte is sent;
 * - staff compare a gallery photo with the recorded original hash (核对原图).
 * Run: npx taro build --type weapp && npx jest -c jest.weapp.config.js scripts/weapp/__tests__/weapp-evidence.test.js
 * @jest-environment jsdom
 */
const crypto = require('crypto')
const fs = require('fs')
const path = require('path')
const { ROOT, mountPage, unmountAll, sessionStorage } = require('./taro-simulate.cjs')
const { photoMocks, evidenceFor, USER_DATA_PATH } = require('./wx-photo-mocks.cjs')

const CONSUMER = { id: 'u-1', role: 'consumer', phone: '13812345678', displayName: '张三', enterprise: null, createdAt: '2026-01-01T00:00:00.000Z' }
const VOLUNTEER = { ...CONSUMER, id: 'u-vol', role: 'volunteer' }
const STAFF = { ...CONSUMER, id: 'u-staff', role: 'staff' }
const sha256 = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex')
const NOT_AGREED = (api) => ({ errMsg: `${api}:fail privacy permission is not authorized`, errno: 104 })

/**
 * WeChat's privacy gate around some wx APIs: until agreed, a call asks the app's listener (or fails
 * with errno 104 when there is none); `agree` counts only with the id of an agree button that was tapped.
 */
function privacyGate() {
  const gate = { agreed: false, listener: null, tappedButtonId: null, asked: [] }
  gate.wx = {
    onNeedPrivacyAuthorization: jest.fn((listener) => void (gate.listener = listener)),
    openPrivacyContract: jest.fn((opts) => opts?.success?.({ errMsg: 'openPrivacyContract:ok' })),
  }
  gate.guard = (name, api) =>
    jest.fn((opts) => {
      if (gate.agreed) return api(opts)
      const refuse = () => setTimeout(() => opts.fail?.(NOT_AGREED(name)), 0)
      if (!gate.listener) return refuse()
      gate.asked.push(name)
      gate.listener(
        (answer) => {
          if (answer.event === 'exposureAuthorization') return
          if (answer.event === 'agree' && answer.buttonId && answer.buttonId === gate.tappedButtonId) {
            gate.agreed = true
            return api(opts)
          }
          refuse()
        },
        { referrer: name },
      )
    })
  return gate
}

/** The page-data node Taro rendered an element from (found by its data-sid). */
function nodeOf(p, el) {
  const sid = el.getAttribute('data-sid')
  const walk = (node) => {
    if (!node || typeof node !== 'object') return null
    if (node.sid === sid) return node
    for (const child of Object.values(node)) {
      const found = walk(child)
      if (found) return found
    }
    return null
  }
  return walk(p.page.instance.data)
}

/** The page-data key the built template binds to <button open-type> (e.g. p11). */
function openTypeKey() {
  const wxml = fs.readFileSync(path.join(ROOT, 'base.wxml'), 'utf8')
  const [, key] = /<button [^>]*open-type="\{\{i\.(\w+)\}\}"[^>]*bindagreeprivacyauthorization="eh"/.exec(wxml) || []
  if (!key) throw new Error('base.wxml has no <button open-type> bound with bindagreeprivacyauthorization')
  return key
}

/**
 * Taps the popup's agree button the way WeChat would: it must be an open-type="agreePrivacyAuthorization"
 * button (as rendered by the built template), and its own agreeprivacyauthorization event fires.
 */
function tapAgree(p, gate) {
  const button = p.find('wx-button', '同意并继续')
  const node = nodeOf(p, button)
  expect(node[openTypeKey()]).toBe('agreePrivacyAuthorization')
  gate.tappedButtonId = node.uid
  // The element's id is its uid (the template renders id="{{i.uid||i.sid}}"): the id WeChat checks.
  p.page.querySelector(`#${node.uid}`).dispatchEvent('agreeprivacyauthorization', { detail: {}, touches: [], changedTouches: [] })
}

afterEach(() => unmountAll())

describe('隐私保护指引（小程序）', () => {
  test('choosing photos before agreeing shows the popup with why; 同意并继续 lets chooseMedia go on and the photo uploads', async () => {
    const mocks = photoMocks({ perPick: 1 })
    const gate = privacyGate()
    const chooseMedia = gate.guard('chooseMedia', mocks.wx.chooseMedia)
    const p = await mountPage('packages/complaint/pages/photos/index', {
      storage: sessionStorage(CONSUMER),
      query: { draft: 'draft-privacy' },
      wx: { ...mocks.wx, ...gate.wx, chooseMedia },
    })
    await p.waitForText('拍照或从相册选')
    expect(p.text()).not.toContain('用户隐私保护指引')
    p.tap(p.find('wx-button', '拍照或从相册选'))
    await p.waitForText('同意并继续')
    expect(p.text()).toContain('《用户隐私保护指引》')
    expect(p.text()).toContain('打开相册或相机')
    expect(p.text()).toContain('不同意也可以继续使用')
    expect(gate.asked).toEqual(['chooseMedia'])

    tapAgree(p, gate)
    await p.waitForText('✓ 已上传', 3000)
    expect(p.text()).not.toContain('同意并继续')
    expect(p.wx.uploadFile).toHaveBeenCalledTimes(1)
  })

  test('不同意: no photo, a message saying photos can come later, and the user can go on to step 4', async () => {
    const mocks = photoMocks({ perPick: 1 })
    const gate = privacyGate()
    const showModal = jest.fn((opts) => setTimeout(() => opts.success?.({ errMsg: 'showModal:ok', confirm: true, cancel: false }), 0))
    const p = await mountPage('packages/complaint/pages/photos/index', {
      storage: sessionStorage(CONSUMER),
      query: { draft: 'draft-privacy-no' },
      wx: { ...mocks.wx, ...gate.wx, chooseMedia: gate.guard('chooseMedia', mocks.wx.chooseMedia), showModal },
    })
    await p.waitForText('拍照或从相册选')
    p.tap(p.find('wx-button', '拍照或从相册选'))
    await p.waitForText('同意并继续')
    p.tap(p.find('wx-button', '不同意'))
    await p.waitFor(() => showModal.mock.calls.length === 1, 2000, 'a message')
    expect(showModal.mock.calls[0][0].content).toContain('没有同意《用户隐私保护指引》')
    expect(showModal.mock.calls[0][0].content).toContain('可以先不加照片继续填写')
    expect(p.text()).not.toContain('同意并继续')
    expect(p.wx.uploadFile).not.toHaveBeenCalled()
    p.tap(p.find('wx-button', '下一步'))
    await p.waitFor(() => p.wx.navigateTo.mock.calls.length + p.wx.redirectTo.mock.calls.length > 0, 2000, 'step 4')
  })

  test('errno 112 (photos missing from the guide in the MP console), even after agreeing: says so, no upload, the user goes on to step 4', async () => {
    const gate = privacyGate()
    const notDeclared = jest.fn((opts) =>
      setTimeout(() => opts.fail?.({ errMsg: 'chooseMedia:fail api scope is not declared in the privacy agreement', errno: 112 }), 0),
    )
    const showModal = jest.fn((opts) => setTimeout(() => opts.success?.({ errMsg: 'showModal:ok', confirm: true, cancel: false }), 0))
    const p = await mountPage('packages/complaint/pages/photos/index', {
      storage: sessionStorage(CONSUMER),
      query: { draft: 'draft-privacy-112' },
      wx: { ...photoMocks({ perPick: 1 }).wx, ...gate.wx, chooseMedia: gate.guard('chooseMedia', notDeclared), showModal },
    })
    await p.waitForText('拍照或从相册选')
    p.tap(p.find('wx-button', '拍照或从相册选'))
    await p.waitForText('同意并继续')
    tapAgree(p, gate)
    await p.waitFor(() => showModal.mock.calls.length === 1, 2000, 'a message')
    expect(notDeclared).toHaveBeenCalledTimes(1)
    expect(showModal.mock.calls[0][0].content).toContain('小程序的隐私保护指引漏了这一项')
    expect(showModal.mock.calls[0][0].content).not.toContain('没有同意')
    expect(p.wx.uploadFile).not.toHaveBeenCalled()
    p.tap(p.find('wx-button', '下一步'))
    await p.waitFor(() => p.wx.navigateTo.mock.calls.length + p.wx.redirectTo.mock.calls.length > 0, 2000, 'step 4')
  })

  test('a volunteer who refuses is offered the manual address; agreeing later locates', async () => {
    const gate = privacyGate()
    const located = jest.fn((opts) => setTimeout(() => opts.success({ errMsg: 'getLocation:ok', latitude: 42.25, longitude: 116.0, accuracy: 20 }), 0))
    const p = await mountPage('packages/volunteer/pages/report/index', {
      storage: sessionStorage(VOLUNTEER),
      wx: { ...gate.wx, getLocation: gate.guard('getLocation', located), onNetworkStatusChange: jest.fn() },
    })
    await p.waitForText('同意并继续')
    expect(p.text()).toContain('记录走访中发现问题的地点')
    p.tap(p.find('wx-button', '不同意'))
    await p.waitForText('无法定位，请手动填写地址')
    expect(p.text()).toContain('手动填写地址')
    p.tap(p.find('wx-button', '重新定位'))
    await p.waitForText('同意并继续')
    tapAgree(p, gate)
    await p.waitForText('定位精度约 20 米')
  })
})

describe('证据照片：发送前在手机上检查和读取', () => {
  test('a 20 MB file that is not a photo is refused before any byte is sent: one message and 删除', async () => {
    const mocks = photoMocks({ perPick: 1, pickSize: 20 * 1024 * 1024 })
    const p = await mountPage('packages/complaint/pages/photos/index', { storage: sessionStorage(CONSUMER), query: { draft: 'draft-fake' }, wx: mocks.wx })
    await p.waitForText('拍照或从相册选')
    // Whatever path the saved copy gets, it holds random bytes.
    mocks.fsm.readFile.mockImplementation((opts) => setTimeout(() => opts.success({ errMsg: 'readFile:ok', data: crypto.randomBytes(4096).fill(7, 0, 1).buffer }), 0))
    p.tap(p.find('wx-button', '拍照或从相册选'))
    await p.waitForText('这不是照片文件，无法上传')
    await new Promise((r) => setTimeout(r, 300))
    expect(p.wx.uploadFile).not.toHaveBeenCalled()
    expect(p.text()).not.toContain('会压缩后上传')
    expect(p.text()).not.toContain('照片不能超过 10 MB')
    expect(p.findAll('wx-button', '重试')).toHaveLength(0)
    expect(p.findAll('wx-button', '删除')).toHaveLength(1)
  })

  test('the upload carries the hash of the file as picked and its EXIF time and GPS, read before compressing', async () => {
    const sharp = require('sharp')
    const original = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
      .jpeg()
      .withExif({
        IFD2: { DateTimeOriginal: '2025:03:15 09:26:53' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 2700/100', GPSLongitudeRef: 'E', GPSLongitude: '116/1 23/1 1700/100' },
      })
      .toBuffer()
    const mocks = photoMocks({ perPick: 1 })
    const p = await mountPage('packages/complaint/pages/photos/index', { storage: sessionStorage(CONSUMER), query: { draft: 'draft-exif' }, wx: mocks.wx })
    await p.waitForText('拍照或从相册选')
    mocks.fsm.readFile.mockImplementation((opts) => setTimeout(() => opts.success({ errMsg: 'readFile:ok', data: Uint8Array.from(original).buffer }), 0))
    p.tap(p.find('wx-button', '拍照或从相册选'))
    await p.waitForText('✓ 已上传', 3000)
    const [opts] = p.wx.uploadFile.mock.calls[0]
    expect(opts.filePath).toMatch(/\.small\.jpg$/)
    expect(JSON.parse(opts.formData.provenance)).toEqual({ originalSha256: sha256(original), capturedAt: '2025-03-15T01:26:53.000Z', latitude: 39.9075, longitude: 116.3880556 })
    // read once, from the saved original (not the compressed copy)
    expect(mocks.fsm.readFile.mock.calls[0][0].filePath.startsWith(`${USER_DATA_PATH}/weiquan-photo-`)).toBe(true)
  })
})

describe('核对原图 packages/staff/pages/complaint', () => {
  test('a gallery photo with the recorded original hash is 一致, another one 不一致; nothing is uploaded', async () => {
    const mocks = photoMocks({ perPick: 1 })
    const originalBytes = Buffer.from('the consumer’s untouched photo')
    const evidence = { ...evidenceFor(1), sha256: sha256(Buffer.from('compressed copy')), originalSha256: sha256(originalBytes) }
    const detail = {
      id: 'c-1',
      number: 'WQ20261123000121',
      status: 'awaiting_review',
      path: 'association',
      business: { name: '示例优选超市', address: null, region: '北京市朝阳区', creditCode: null, enterpriseId: null },
      industry: 'food',
      incidentDate: '2026-11-20',
      amountFen: 12850,
      description: '买到的牛奶已经过期三天了，商家拒绝退款还态度很差。',
      demands: ['refund'],
      demandDetail: null,
      contactPhone: '13812345678',
      evidence: [evidence],
      events: [{ id: 'e-1', type: 'submitted', actorRole: 'consumer', note: null, fromStatus: null, toStatus: 'submitted', evidence: [evidence], data: null, createdAt: '2026-11-20T06:05:00.000Z' }],
      nextStep: null,
      rules: { ruleSetId: 'samr-2019-v1', name: '市场监管投诉处理（2019 暂行办法）', version: 1, document: '《市场监督管理投诉举报处理暂行办法》', documentNumber: null, verified: true, refusalGrounds: [{ code: 'over_three_years', text: '超过三年', article: '第十五条第（四）项', verified: true }], rejection: null },
      handling: { dueAt: null, dueKind: 'review', overdue: false, dueDaysLeft: null, overdueDays: null, assignedStaffId: null, acceptedAt: null, firstResponseAt: null, proposal: null, rejectionGround: null, outcome: null, recoveredAmountFen: null, rating: null },
      createdAt: '2026-11-20T06:05:00.000Z',
      updatedAt: '2026-11-20T06:05:00.000Z',
    }
    const p = await mountPage('packages/staff/pages/complaint/index', {
      storage: sessionStorage(STAFF),
      query: { id: 'c-1' },
      wx: mocks.wx,
      respond: (opts) => {
        if (opts.method === 'GET' && /\/api\/complaints\/c-1$/.test(opts.url)) return { data: detail }
        if (opts.method === 'GET' && /\/api\/evidence\/ev-1\/original$/.test(opts.url)) {
          return { data: { url: '/api/files?key=original/1.jpg&expires=1&signature=x', expiresAt: '2026-11-23T06:05:00.000Z', location: { latitude: 39.9075, longitude: 116.3880556 } } }
        }
        return null
      },
    })
    await p.waitForText('核对原图')
    mocks.contents.set('wxfile://tmp/photo-1.jpg', originalBytes)
    p.tap(p.find('wx-button', '核对原图'))
    await p.waitForText('一致：与证据照片 1 的原始文件完全相同')
    mocks.contents.set('wxfile://tmp/photo-2.jpg', Buffer.from('an edited copy'))
    p.tap(p.find('wx-button', '核对原图'))
    await p.waitForText('不一致')
    expect(p.wx.uploadFile).not.toHaveBeenCalled()

    // Staff only: the original and where it was taken.
    p.tap(p.find('wx-text', '查看原图和拍摄地点'))
    await p.waitForText('拍摄地点：纬度 39.9075，经度 116.3880556')
    expect(p.wx.previewImage.mock.calls[0][0].current).toMatch(/^https?:\/\/[^/]+\/api\/files\?key=original/)
  })
})
