import assert from 'node:assert/strict'
import type { AddressInfo } from 'node:net'
import { after, before, describe, test } from 'node:test'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { act, createCast, fileOdrComplaint, PROPOSAL, type Cast } from './support/workflow'

describe(`notification inbox (${TEST_DB})`, () => {
  let t: TestApp
  let cast: Cast
  before(async () => {
    t = await createTestApp({ WECHAT_SUBSCRIBE_TEMPLATES: 'tmpl-progress' })
    cast = await createCast(t, '61')
  })
  after(() => t.close())

  const get = (token: string, url: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) })
  const post = (token: string, url: string, payload?: object) => t.app.inject({ method: 'POST', url, headers: bearer(token), ...(payload ? { payload } : {}) })

  test('filing tells the enterprise, a proposal tells the consumer; nobody hears of their own action', async () => {
    const before = (await get(cast.consumer.token, '/api/notifications')).json().items.length
    const filed = await fileOdrComplaint(t, cast)
    const liaisonInbox = (await get(cast.liaison.token, '/api/notifications')).json()
    assert.equal(liaisonInbox.items[0].type, 'complaint_assigned')
    assert.equal(liaisonInbox.items[0].complaintId, filed.id)
    assert.equal(liaisonInbox.items[0].link, `/packages/enterprise/pages/complaint/index?id=${filed.id}`)
    assert.equal((await get(cast.consumer.token, '/api/notifications')).json().items.length, before, 'the consumer is not told of their own filing')
    assert.equal((await get(cast.otherLiaison.token, '/api/notifications')).json().items.length, 0, 'another enterprise hears nothing')

    assert.equal((await act(t, cast.liaison.token, filed.id, 'propose', PROPOSAL)).statusCode, 200)
    const inbox = (await get(cast.consumer.token, '/api/notifications')).json()
    assert.equal(inbox.items[0].type, 'proposal_received')
    assert.equal(inbox.items[0].title, '商家提出了处理方案')
    assert.match(inbox.items[0].body, /^退赔 3999 元，1月10日前做到（/, 'the notification says what is offered and by when')
    assert.equal(inbox.items[0].link, `/packages/complaint/pages/detail/index?id=${filed.id}`)
    assert.equal(inbox.items[0].read, false)
    assert.equal(inbox.unreadCount, before + 1)
    assert.equal((await get(cast.liaison.token, '/api/notifications')).json().items.length, liaisonInbox.items.length, 'the proposer is not told')

    assert.equal((await act(t, cast.consumer.token, filed.id, 'reject_proposal', { reason: '只退 100 元，远低于损失' })).statusCode, 200)
    const staffInbox = (await get(cast.staff.token, '/api/notifications')).json()
    assert.equal(staffInbox.items[0].type, 'complaint_assigned', 'a complaint newly awaiting review reaches every staff member')
    assert.equal(staffInbox.items[0].link, `/packages/staff/pages/complaint/index?id=${filed.id}`)
    assert.equal((await get(cast.colleague.token, '/api/notifications')).json().items[0].complaintId, filed.id)
    assert.equal((await get(cast.liaison.token, '/api/notifications')).json().items[0].type, 'complaint_status')
  })

  test('read one (only your own), read all, unread count; pages go back in time', async () => {
    const first = (await get(cast.consumer.token, '/api/notifications?limit=1')).json()
    assert.equal(first.items.length, 1)
    const id = first.items[0].id
    const foreign = await post(cast.liaison.token, `/api/notifications/${id}/read`)
    assert.equal(foreign.statusCode, 404)
    assert.equal(foreign.json().code, 'NOTIFICATION_NOT_FOUND')
    const read = await post(cast.consumer.token, `/api/notifications/${id}/read`)
    assert.equal(read.statusCode, 200)
    assert.equal(read.json().unreadCount, first.unreadCount - 1)
    assert.equal((await get(cast.consumer.token, '/api/notifications?limit=1')).json().items[0].read, true)

    await fileOdrComplaint(t, cast)
    await fileOdrComplaint(t, cast)
    const page1 = (await get(cast.liaison.token, '/api/notifications?limit=2')).json()
    assert.equal(page1.items.length, 2)
    assert.ok(page1.items[0].seq > page1.items[1].seq)
    assert.ok(page1.nextCursor)
    const page2 = (await get(cast.liaison.token, `/api/notifications?limit=2&cursor=${page1.nextCursor}`)).json()
    assert.ok(page2.items.every((item: { seq: number }) => item.seq < page1.items[1].seq))

    assert.deepEqual((await post(cast.liaison.token, '/api/notifications/read-all')).json(), { unreadCount: 0 })
    assert.deepEqual((await get(cast.liaison.token, '/api/notifications/unread-count')).json(), { unreadCount: 0 })
    assert.equal((await get(cast.liaison.token, '/api/notifications?limit=abc')).statusCode, 400)
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode, 401)
  })

  test('preferences: inbox always on, WeChat and SMS switchable; a WeChat opt-out stops queuing WeChat deliveries', async () => {
    const prefs = (await get(cast.consumer.token, '/api/notifications/preferences')).json()
    assert.ok(prefs.items.some((p: { type: string; channel: string; enabled: boolean }) => p.type === 'proposal_received' && p.channel === 'inbox' && p.enabled))
    const off = await t.app.inject({
      method: 'PUT',
      url: '/api/notifications/preferences',
      headers: bearer(cast.consumer.token),
      payload: { items: [{ type: 'proposal_received', channel: 'inbox', enabled: false }] },
    })
    assert.equal(off.statusCode, 400)
    assert.equal(off.json().code, 'INBOX_ALWAYS_ON')
    const smsForChat = await t.app.inject({
      method: 'PUT',
      url: '/api/notifications/preferences',
      headers: bearer(cast.consumer.token),
      payload: { items: [{ type: 'complaint_message', channel: 'sms', enabled: true }] },
    })
    assert.equal(smsForChat.json().code, 'CHANNEL_NOT_AVAILABLE')
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/notifications/preferences',
      headers: bearer(cast.consumer.token),
      payload: { items: [{ type: 'proposal_received', channel: 'wechat', enabled: false }] },
    })
    assert.equal(saved.statusCode, 200, saved.body)
    const reread = (await get(cast.consumer.token, '/api/notifications/preferences')).json()
    assert.deepEqual(reread, saved.json())
    // WeChat is not configured here, so the channel list offers only the inbox; the saved choice is kept for later.
    assert.deepEqual(reread.channels, ['inbox'])
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/notifications/preferences',
      headers: bearer(cast.consumer.token),
      payload: { items: [{ type: 'gossip', channel: 'wechat', enabled: true }] },
    })
    assert.equal(bad.statusCode, 400)
  })

  test('subscribe config is empty without WeChat; unknown template ids are refused', async () => {
    assert.deepEqual((await t.app.inject({ method: 'GET', url: '/api/notifications/subscribe-config' })).json(), { templateIds: [] })
    const unknown = await post(cast.consumer.token, '/api/notifications/subscriptions', { accepted: ['made-up'] })
    assert.equal(unknown.statusCode, 400)
    assert.equal(unknown.json().code, 'SUBSCRIBE_TEMPLATE_UNKNOWN')
    assert.deepEqual((await post(cast.consumer.token, '/api/notifications/subscriptions', { accepted: ['tmpl-progress'] })).json(), { ok: true })
    const quota = await t.ctx.db.selectFrom('subscribe_quotas').selectAll().where('user_id', '=', cast.consumer.id).executeTakeFirstOrThrow()
    assert.equal(Number(quota.remaining), 1)
  })

  // How fast a change reaches a stream is measured by the benchmark; here only that it arrives, once, in order.
  test('the live stream needs a valid ticket, pushes a new notification and resumes after Last-Event-ID', async (context) => {
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`
    assert.equal((await fetch(`${base}/api/notifications/stream?ticket=forged.ticket`)).status, 401)

    const ticket = (await post(cast.consumer.token, '/api/notifications/stream-ticket')).json()
    assert.equal(ticket.expiresInSeconds, 60)
    const controller = new AbortController()
    // A failed wait must not leave the stream open: the app's close would wait for it for ever.
    context.after(() => controller.abort())
    const response = await fetch(`${base}/api/notifications/stream?ticket=${encodeURIComponent(ticket.ticket)}`, { signal: controller.signal })
    assert.equal(response.headers.get('content-type'), 'text/event-stream; charset=utf-8')
    const reader = response.body!.getReader()
    let received = ''
    const waitFor = async (pattern: RegExp, ms: number) => {
      const deadline = Date.now() + ms
      while (!pattern.test(received)) {
        const left = deadline - Date.now()
        if (left <= 0) throw new Error(`not seen within ${ms} ms: ${pattern}; got ${received}`)
        const chunk = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), left))])
        if (chunk && !chunk.done) received += new TextDecoder().decode(chunk.value)
      }
    }
    await waitFor(/event: unread\ndata: \{"unreadCount":\d+\}/, 15_000)
    assert.doesNotMatch(received, /event: notification/, 'a fresh connection does not replay old notifications')

    const filed = await fileOdrComplaint(t, cast)
    await act(t, cast.liaison.token, filed.id, 'request_info', { text: '请提供购物小票照片' })
    await waitFor(/event: notification\ndata: .*"type":"info_requested"/, 15_000)
    const lastId = Number([...received.matchAll(/^id: (\d+)$/gm)].at(-1)![1])
    controller.abort()

    await act(t, cast.liaison.token, filed.id, 'propose', PROPOSAL)
    const again = (await post(cast.consumer.token, '/api/notifications/stream-ticket')).json()
    const resumed = await fetch(`${base}/api/notifications/stream?ticket=${encodeURIComponent(again.ticket)}`, {
      headers: { 'last-event-id': String(lastId) },
      signal: AbortSignal.timeout(15_000),
    }).catch(() => null)
    assert.ok(resumed)
    const text = await readFor(resumed, /"type":"proposal_received"/, 15_000)
    assert.match(text, new RegExp(`id: ${lastId + 1}\\nevent: notification\\ndata: .*"type":"proposal_received"`))
  })
})

async function readFor(response: Response, until: RegExp, ms: number): Promise<string> {
  const reader = response.body!.getReader()
  let text = ''
  const deadline = Date.now() + ms
  while (Date.now() < deadline && !until.test(text)) {
    const chunk = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), deadline - Date.now()))])
    if (!chunk || chunk.done) break
    text += new TextDecoder().decode(chunk.value)
  }
  await reader.cancel().catch(() => {})
  return text
}
