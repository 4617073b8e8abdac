/**
 * 律师答疑 (packages/lawyers) in the built mini-program (dist/weapp, build first): the public archive
 * with its search, one session with 我要提问, 我的提问 with the lawyer's answer, and the lawyer's
 * workspace answering a question with a law picked from the list. wx.request is answered here.
 * Run: npx jest -c jest.weapp.config.js weapp-lawyers
 * @jest-environment jsdom
 */
const { mountPage, unmountAll, sessionStorage } = require('./taro-simulate.cjs')

const CONSUMER = { id: 'u-ask', role: 'consumer', phone: '13812345678', displayName: '李女士', enterprise: null, createdAt: '2026-01-01T00:00:00.000Z' }
const LAWYER_USER = { ...CONSUMER, id: 'u-law', phone: '13800000018', displayName: '黄律师' }
const SESSION = {
  id: 's-97',
  number: 97,
  title: '第97期',
  theme: '预付卡退费',
  startsAt: '2026-12-02T06:00:00.000Z',
  endsAt: '2099-12-02T08:00:00.000Z',
  open: true,
  organizationName: '示例省消费者协会',
  lawyers: [{ id: 'u-law', name: '黄律师', firm: '浙江示例律师事务所' }],
  questionCount: 12,
  answerCount: 9,
  publishedCount: 4,
  viewCount: 1280,
  version: 0,
}
const ENDED = { ...SESSION, id: 's-96', number: 96, title: '第96期', theme: '网购退货', endsAt: '2026-11-25T08:00:00.000Z', open: false }
const CITATION = { code: 'cpl-53', law: '《中华人民共和国消费者权益保护法》', article: '第五十三条', gist: '预收款方式提供商品或服务的，应按约定提供；未按约定提供的，应退回预付款并承担利息。', verified: true }
const PUBLIC_ANSWER = {
  id: 'q-1',
  sessionId: 's-97',
  sessionTitle: '第97期',
  question: '健身房关门了，预付卡里还有 3000 元，怎么退？',
  answer: '经营者未按约定提供服务的，应当退回预付款。',
  citations: [CITATION],
  nextSteps: ['保留付款凭证', '向消协投诉'],
  lawyerName: '黄律师',
  lawyerFirm: '浙江示例律师事务所',
  publishedAt: '2026-12-02T09:00:00.000Z',
}
const QUESTION = {
  id: 'q-2',
  sessionId: 's-97',
  sessionTitle: '第97期',
  sessionTheme: '预付卡退费',
  text: '理发店换了老板，不认以前的会员卡，能退钱吗？',
  photos: [],
  allowPublish: false,
  status: 'waiting',
  answer: null,
  published: false,
  publishedQuestion: null,
  publishedAnswer: null,
  createdAt: '2026-12-02T07:00:00.000Z',
}
const ANSWERED = {
  ...QUESTION,
  status: 'answered',
  answer: { text: '新老板承接了门店经营的，应当继续履行或退款。', citations: [CITATION], nextSteps: ['保留会员卡和消费记录'], lawyerName: '黄律师', lawyerFirm: '浙江示例律师事务所', answeredAt: '2026-12-02T08:00:00.000Z' },
}
const bodyOf = (opts) => (typeof opts.data === 'string' ? JSON.parse(opts.data) : opts.data)
const is = (opts, method, pattern) => opts.method === method && pattern.test(decodeURIComponent(opts.url))

afterEach(() => unmountAll())

describe('律师答疑 packages/lawyers/pages/list', () => {
  test('anyone sees the sessions with their counts; a 1-character search is refused before asking; a 2-character one lists the answers', async () => {
    const searched = []
    const navigateTo = jest.fn()
    const p = await mountPage('packages/lawyers/pages/list/index', {
      wx: { navigateTo },
      respond: (opts) => {
        if (is(opts, 'GET', /\/api\/qa-sessions$/)) return { data: { items: [SESSION, ENDED] } }
        if (is(opts, 'GET', /\/api\/qa\/search\?q=/)) {
          searched.push(decodeURIComponent(opts.url))
          return { data: { total: 1, items: [{ ...PUBLIC_ANSWER, highlight: { question: [{ text: '健身房关门了，', hit: false }, { text: '预付', hit: true }, { text: '卡里还有 3000 元，怎么退？', hit: false }] } }] } }
        }
        return null
      },
    })
    await p.waitForText('第97期')
    for (const text of ['预付卡退费', '正在接受提问', '第96期', '已结束', '提问 12 · 解答 9 · 公开 4 · 浏览 1280', '黄律师（浙江示例律师事务所）']) expect(p.text()).toContain(text)

    await p.input(p.find('wx-input'), '预')
    p.tap(p.find('wx-button', '搜索'))
    await p.waitForText('请至少输入 2 个字')
    expect(searched).toHaveLength(0)
    await p.input(p.find('wx-input'), '预付')
    p.tap(p.find('wx-button', '搜索'))
    await p.waitForText('“预付”的问答：1 条')
    expect(searched[0]).toMatch(/q=预付$/)
    expect(p.text()).toContain('经营者未按约定提供服务的，应当退回预付款。')
    expect(p.text()).toContain('消费者权益保护法》第五十三条')
    // The term is marked in the question (its own <Text class="qa-hit">).
    const marked = p.findAll('wx-text').filter((el) => /\bqa-hit\b/.test(el.getAttribute('class') || ''))
    expect(marked.map((el) => el.textContent.trim())).toEqual(['预付'])

    p.tap(p.find('wx-view', '第96期'))
    await p.waitFor(() => navigateTo.mock.calls.length === 1, 2000, 'navigateTo the session')
    expect(navigateTo.mock.calls[0][0].url).toBe('/packages/lawyers/pages/session/index?id=s-96')
  })

  test('a failed load says so and 重试 loads again', async () => {
    let calls = 0
    const p = await mountPage('packages/lawyers/pages/list/index', {
      respond: (opts) => (is(opts, 'GET', /\/api\/qa-sessions$/) && ++calls > 1 ? { data: { items: [] } } : null),
    })
    await p.waitForText('重试')
    p.tap(p.find('wx-button', '重试'))
    await p.waitForText('还没有安排答疑')
  })
})

describe('一期答疑 packages/lawyers/pages/session', () => {
  test('signed in: 我要提问 opens the form here; the question is sent with publication allowed and opens in 我的提问', async () => {
    const posts = []
    const redirectTo = jest.fn()
    const p = await mountPage('packages/lawyers/pages/session/index', {
      query: { id: 's-97' },
      storage: sessionStorage(CONSUMER),
      wx: { redirectTo },
      respond: (opts) => {
        if (is(opts, 'GET', /\/api\/qa-sessions\/s-97$/)) return { data: { session: SESSION, answers: [PUBLIC_ANSWER] } }
        if (is(opts, 'POST', /\/api\/qa-sessions\/s-97\/questions$/)) {
          posts.push(bodyOf(opts))
          return { statusCode: 201, data: { ...QUESTION, allowPublish: true } }
        }
        return null
      },
    })
    await p.waitForText('健身房关门了')
    expect(p.text()).toContain('第97期 · 网友提问')
    expect(p.text()).not.toContain('13812345678')
    p.tap(p.find('wx-button', '我要提问'))
    await p.waitForText('您的问题')
    p.tap(p.find('wx-button', '提交问题'))
    await p.waitForText('请把问题写清楚一些（至少 5 个字）')
    expect(posts).toHaveLength(0)
    await p.input(p.find('wx-textarea'), '理发店换了老板，不认以前的会员卡，能退钱吗？')
    p.tap(p.find('wx-button', '提交问题'))
    await p.waitFor(() => redirectTo.mock.calls.length === 1, 2000, 'redirectTo 我的提问')
    expect(posts).toEqual([{ text: '理发店换了老板，不认以前的会员卡，能退钱吗？', photoIds: [], allowPublish: true }])
    expect(redirectTo.mock.calls[0][0].url).toBe('/packages/lawyers/pages/mine/index?id=q-2')
  })

  test('signed out: the answers are public and 我要提问 asks to sign in; an ended session takes no questions', async () => {
    const p = await mountPage('packages/lawyers/pages/session/index', {
      query: { id: 's-97' },
      respond: (opts) => (is(opts, 'GET', /\/api\/qa-sessions\/s-97$/) ? { data: { session: SESSION, answers: [PUBLIC_ANSWER] } } : null),
    })
    await p.waitForText('健身房关门了')
    p.tap(p.find('wx-button', '我要提问'))
    await p.waitForText('登录后可以向律师提问，解答会通知您')
    const ended = await mountPage('packages/lawyers/pages/session/index', {
      query: { id: 's-96' },
      respond: (opts) => (is(opts, 'GET', /\/api\/qa-sessions\/s-96$/) ? { data: { session: ENDED, answers: [] } } : null),
    })
    await ended.waitForText('本期的问答没有公开。')
    expect(ended.findAll('wx-button', '我要提问')).toHaveLength(0)
  })
})

describe('我的提问 packages/lawyers/pages/mine', () => {
  test('the question opened from the notice shows the answer, the law it cites and the next steps, even unpublished', async () => {
    const p = await mountPage('packages/lawyers/pages/mine/index', {
      query: { id: 'q-2' },
      storage: sessionStorage(CONSUMER),
      respond: (opts) => (is(opts, 'GET', /\/api\/qa\/questions\/q-2$/) ? { data: ANSWERED } : null),
    })
    await p.waitForText('律师解答 · 黄律师（浙江示例律师事务所）')
    for (const text of ['已解答', '不公开', '新老板承接了门店经营的，应当继续履行或退款。', '第五十三条', '1. 保留会员卡和消费记录']) expect(p.text()).toContain(text)
  })

  test('all of mine; none yet says where to ask; signed out asks to sign in', async () => {
    const p = await mountPage('packages/lawyers/pages/mine/index', {
      storage: sessionStorage(CONSUMER),
      respond: (opts) => (is(opts, 'GET', /\/api\/qa\/questions\/mine$/) ? { data: { items: [] } } : null),
    })
    await p.waitForText('您还没有提过问题')
    const signedOut = await mountPage('packages/lawyers/pages/mine/index', { respond: () => null })
    await signedOut.waitForText('登录后查看您提的问题和律师的解答')
  })
})

describe('律师工作台 packages/lawyers/pages/lawyer', () => {
  const WORKSPACE = {
    lawyer: { id: 'u-law', name: '黄律师', phone: '138****0018', firm: '浙江示例律师事务所', licenceNo: '13301201010000018', status: 'active', organizationId: 'org-default', organizationName: '示例省消费者协会' },
    sessions: [SESSION],
    waiting: [QUESTION],
    followUps: [],
  }

  test('a waiting question is answered with a law picked from the list and next steps; it leaves the list', async () => {
    const posts = []
    const showToast = jest.fn((opts) => opts.success?.({ errMsg: 'showToast:ok' }))
    const p = await mountPage('packages/lawyers/pages/lawyer/index', {
      storage: sessionStorage(LAWYER_USER),
      wx: { showToast },
      respond: (opts) => {
        if (is(opts, 'GET', /\/api\/lawyer\/workspace$/)) return { data: WORKSPACE }
        // The page's 法律援助 section: no cases assigned.
        if (is(opts, 'GET', /\/api\/lawyer\/legal-aid$/)) return { data: { items: [] } }
        if (is(opts, 'POST', /\/api\/lawyer\/questions\/q-2\/answer$/)) {
          posts.push(bodyOf(opts))
          return { data: ANSWERED }
        }
        return null
      },
    })
    await p.waitForText('等待解答（1）')
    expect(p.text()).toContain('正在值班：第97期「预付卡退费」')
    p.tap(p.find('wx-button', '解答这个问题'))
    await p.waitForText('法律依据（点选，可多选）')
    const [answerBox, stepsBox] = p.findAll('wx-textarea')
    await p.input(answerBox, '新老板承接了门店经营的，应当继续履行或退款。')
    p.tap(p.find('wx-view', '消费者权益保护法第五十三条'))
    await p.waitForText('✓ 消费者权益保护法第五十三条')
    await p.input(stepsBox, '保留会员卡和消费记录\n向消协投诉')
    p.tap(p.find('wx-button', '提交解答'))
    await p.waitForText('等待解答（0）')
    expect(posts).toEqual([{ text: '新老板承接了门店经营的，应当继续履行或退款。', citations: ['cpl-53'], nextSteps: ['保留会员卡和消费记录', '向消协投诉'], actions: [] }])
    expect(showToast.mock.calls[0][0].title).toBe('已解答，已通知提问人')
    expect(p.text()).toContain('没有等待解答的问题')
  })

  test('someone not on a lawyer team is told why they cannot enter', async () => {
    const p = await mountPage('packages/lawyers/pages/lawyer/index', {
      storage: sessionStorage(CONSUMER),
      respond: (opts) => (is(opts, 'GET', /\/api\/lawyer\/workspace$/) ? { statusCode: 403, data: { code: 'NOT_A_LAWYER', message: '只有律师团的律师可以使用律师工作台' } } : null),
    })
    await p.waitForText('进不了律师工作台')
    expect(p.text()).toContain('只有律师团的律师可以使用律师工作台')
  })
})
