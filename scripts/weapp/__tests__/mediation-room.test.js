/**
 * The mediation room page of the built mini-program (dist/weapp, build first) in miniprogram-simulate:
 * the consumer sees the session line with 确认参加 / 换个时间, the shared thread with who said what
 * (调解员 / 您 / 商家), sends a message, switches to the private thread with the mediator, and
 * confirms the session. The heartbeat polls (no EventSource in the mini-program).
 * Run: npx jest -c jest.weapp.config.js scripts/weapp/__tests__/mediation-room.test.js
 * @jest-environment jsdom
 */
const { mountPage, unmountAll, sessionStorage } = require('./taro-simulate.cjs')

const consumer = { id: 'u-1', role: 'consumer', phone: '13812345678', displayName: '王阿姨', enterprise: null, createdAt: '2026-01-01T00:00:00.000Z' }
const at = '2026-12-08T06:30:00.000Z'

function message(seq, thread, party, text, mine = false) {
  return { id: `m-${seq}`, seq, thread, party, mine, authorName: null, text, photos: [], createdAt: at }
}

function roomServer() {
  const calls = []
  const threads = {
    shared: [message(1, 'shared', 'mediator', '请双方各自说明一下情况'), message(2, 'shared', 'enterprise', '我们可以换一台新的')],
    consumer: [message(3, 'consumer', 'mediator', '单独问您：退一半可以吗？')],
  }
  let answer = 'pending'
  const state = () => ({
    complaintId: 'c-1',
    number: 'TS20261204000001',
    businessName: '示例优选超市有限公司',
    me: 'consumer',
    canWrite: true,
    hasBusiness: true,
    threads: ['shared', 'consumer'],
    latest: { shared: threads.shared.at(-1).seq, consumer: threads.consumer.at(-1).seq },
    unread: { shared: 0, consumer: 0 },
    present: ['mediator'],
    session: {
      id: 's-1',
      startsAt: '2030-12-10T06:30:00.000Z',
      status: answer === 'confirmed' ? 'confirmed' : 'proposed',
      consumer: { answer, suggestedAt: null, absent: false },
      enterprise: { answer: 'confirmed', suggestedAt: null, absent: false },
      live: false,
    },
    quickReplies: ['好的，我同意', '我需要再想一想'],
    absenceGrounds: [],
  })
  const respond = (opts) => {
    const url = opts.url.replace(/^https?:\/\/[^/]+/, '')
    const path = url.split('?')[0]
    calls.push(`${opts.method} ${path}`)
    if (path === '/api/me') return { data: consumer }
    if (path === '/api/complaints/c-1/room' || path === '/api/complaints/c-1/room/heartbeat') return { data: state() }
    const list = /^\/api\/complaints\/c-1\/room\/threads\/(\w+)\/messages$/.exec(path)
    if (list && opts.method === 'GET') return { data: { items: threads[list[1]], olderCursor: null, readUpTo: { consumer: 3, enterprise: 2, mediator: 4 } } }
    if (list && opts.method === 'POST') {
      const body = typeof opts.data === 'string' ? JSON.parse(opts.data) : opts.data
      const sent = message(4, list[1], 'consumer', body.text, true)
      threads[list[1]].push(sent)
      return { data: sent }
    }
    if (path === '/api/complaints/c-1/room/sessions/s-1/answer') {
      answer = 'confirmed'
      return { data: state() }
    }
    if (/\/read$/.test(path)) return { data: state() }
    return { statusCode: 404, data: { code: 'NOT_FOUND', message: '不存在' } }
  }
  return { respond, calls }
}

afterEach(() => unmountAll())

test('the consumer reads the room, speaks, opens the private thread and confirms the session', async () => {
  const server = roomServer()
  const p = await mountPage('packages/mediation/pages/room/index', { storage: sessionStorage(consumer), respond: server.respond, query: { id: 'c-1' } })
  await p.waitForText('请双方各自说明一下情况')
  for (const text of ['示例优选超市有限公司', '调解员在调解室', '下次调解：12月10日 周二 14:30 · 请确认', '确认参加', '换个时间', '调解员', '商家', '我们可以换一台新的', '好的，我同意']) {
    expect(p.text()).toContain(text)
  }

  p.tap(p.find('wx-view', '好的，我同意'))
  await p.settle()
  p.tap(p.find('wx-button', '发送'))
  await p.waitFor(() => server.calls.includes('POST /api/complaints/c-1/room/threads/shared/messages'), 2000, 'POST shared message')
  await p.waitForText('您')

  p.tap(p.find('wx-view', '只和调解员说'))
  await p.waitForText('单独问您：退一半可以吗？')

  p.tap(p.find('wx-button', '确认参加'))
  await p.waitForText('双方已确认')
  expect(server.calls).toContain('POST /api/complaints/c-1/room/sessions/s-1/answer')
  expect(server.calls).toContain('POST /api/complaints/c-1/room/heartbeat')
})
