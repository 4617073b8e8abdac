import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import { deliverDue, deliveryDeps } from '../jobs/notification-delivery'
import type { DeliveryDeps } from '../modules/notifications/notification-delivery'
import { startFakeWechat } from './support/fake-wechat'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { act, createCast, fileOdrComplaint, PROPOSAL, type Cast } from './support/workflow'
import { withoutGroupComplaints } from './support/complaints'

const APP_ID = 'wx1234567890abcdef'
const TEMPLATE = 'tmpl-progress-1'

describe(`WeChat subscribe messages (${TEST_DB})`, () => {
  let wechat: Awaited<ReturnType<typeof startFakeWechat>>
  let t: TestApp
  let cast: Cast
  let deps: DeliveryDeps
  let wechatConsumer: { id: string; token: string }
  before(async () => {
    wechat = await startFakeWechat(APP_ID, 'app-secret')
    t = await createTestApp({
      WECHAT_APPID: APP_ID,
      WECHAT_SECRET: 'app-secret',
      WECHAT_API_BASE: wechat.baseUrl,
      WECHAT_SUBSCRIBE_TEMPLATES: TEMPLATE,
      NOTIFY_MAX_ATTEMPTS: '3',
      // The tests move the clock hours ahead; sign-ins must outlive that.
      ACCESS_TOKEN_TTL_SECONDS: String(7 * 24 * 3600),
    })
    cast = await createCast(t, '62')
    deps = deliveryDeps(t.ctx)
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: wechat.issueCode('openid-aunt-wang') } })
    wechatConsumer = { id: login.json().user.id, token: login.json().accessToken }
    await withoutGroupComplaints(t)
  })
  after(async () => {
    await t.close()
    await wechat.close()
  })
  beforeEach(() => {
    wechat.switches.failNext = 0
    wechat.switches.refuseOpenids.clear()
  })

  const subscribe = () =>
    t.app.inject({ method: 'POST', url: '/api/notifications/subscriptions', headers: bearer(wechatConsumer.token), payload: { accepted: [TEMPLATE] } })
  /** The enterprise proposes on a new complaint of the WeChat consumer; returns the complaint. */
  const proposal = async () => {
    const filed = await fileOdrComplaint(t, { ...cast, consumer: wechatConsumer })
    assert.equal((await act(t, cast.liaison.token, filed.id, 'propose', PROPOSAL)).statusCode, 200)
    return filed
  }
  const deliveryOf = (complaintId: string) =>
    t.ctx.db
      .selectFrom('notification_deliveries as d')
      .innerJoin('notifications as n', 'n.id', 'd.notification_id')
      .selectAll('d')
      .where('n.complaint_id', '=', complaintId)
      .where('d.recipient_id', '=', wechatConsumer.id)
      .where('d.channel', '=', 'wechat')
      .executeTakeFirstOrThrow()

  test('the subscribe config lists the template; a proposal goes out with WeChat-valid data and a page that opens the complaint', async () => {
    assert.deepEqual((await t.app.inject({ method: 'GET', url: '/api/notifications/subscribe-config' })).json(), { templateIds: [TEMPLATE] })
    await subscribe()
    const filed = await proposal()
    assert.equal((await deliveryOf(filed.id)).status, 'pending', 'nothing is sent inside the request')
    assert.equal(wechat.sendRequests(), 0)

    await deliverDue(deps, 'test-worker')
    assert.equal(wechat.delivered.length, 1)
    const message = wechat.delivered[0]!
    assert.equal(message.touser, 'openid-aunt-wang')
    assert.equal(message.template_id, TEMPLATE)
    assert.equal(message.page, `packages/complaint/pages/detail/index?id=${filed.id}`)
    assert.equal(message.miniprogram_state, 'formal')
    assert.equal(message.data.character_string1!.value, filed.number)
    assert.equal(message.data.thing2!.value, '商家提出了处理方案')
    assert.equal(message.data.phrase3!.value, '商家答复')
    const body = message.data.thing4!.value
    assert.ok([...body].length <= 20, `thing is at most 20 characters: ${body}`)
    assert.ok(body.endsWith('…'), 'the long body is cut, not refused')
    assert.match(message.data.time5!.value, /^\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}$/)
    assert.equal((await deliveryOf(filed.id)).status, 'sent')
    const quota = await t.ctx.db.selectFrom('subscribe_quotas').select('remaining').where('user_id', '=', wechatConsumer.id).executeTakeFirstOrThrow()
    assert.equal(Number(quota.remaining), 0, 'the one-time quota is used up')
  })

  test('without a remaining quota nothing is sent: skipped, the inbox item stays', async () => {
    const filed = await proposal()
    const sendsBefore = wechat.sendRequests()
    await deliverDue(deps, 'test-worker')
    assert.equal(wechat.sendRequests(), sendsBefore)
    const row = await deliveryOf(filed.id)
    assert.equal(row.status, 'skipped')
    const inbox = (await t.app.inject({ method: 'GET', url: '/api/notifications', headers: bearer(wechatConsumer.token) })).json()
    assert.ok(inbox.items.some((item: { complaintId: string; type: string }) => item.complaintId === filed.id && item.type === 'proposal_received'))
  })

  test('the access token is fetched once and reused; when WeChat says it is invalid it is refreshed once and the send retried', async () => {
    const tokensBefore = wechat.tokenRequests()
    await subscribe()
    await subscribe()
    await proposal()
    await proposal()
    await deliverDue(deps, 'test-worker')
    assert.equal(wechat.tokenRequests(), tokensBefore, 'cached token reused')

    wechat.expireTokens()
    await subscribe()
    const filed = await proposal()
    const delivered = wechat.delivered.length
    await deliverDue(deps, 'test-worker')
    assert.equal(wechat.tokenRequests(), tokensBefore + 1)
    assert.equal(wechat.delivered.length, delivered + 1)
    assert.equal((await deliveryOf(filed.id)).status, 'sent')

    t.advance(2 * 3600_000)
    await subscribe()
    await proposal()
    await deliverDue(deps, 'test-worker')
    assert.equal(wechat.tokenRequests(), tokensBefore + 2, 'a token past its expiry is renewed before use')
  })

  test('43101 (refused / no quota at WeChat) is not retried', async () => {
    await subscribe()
    wechat.switches.refuseOpenids.add('openid-aunt-wang')
    const filed = await proposal()
    const sends = wechat.sendRequests()
    await deliverDue(deps, 'test-worker')
    t.advance(3600_000)
    await deliverDue(deps, 'test-worker')
    assert.equal(wechat.sendRequests(), sends + 1)
    const row = await deliveryOf(filed.id)
    assert.equal(row.status, 'skipped')
    assert.match(row.last_error ?? '', /43101/)
  })

  test('a failing send backs off exponentially, succeeds on a retry, and is dead after the last attempt', async () => {
    await subscribe()
    wechat.switches.failNext = 1
    const filed = await proposal()
    await deliverDue(deps, 'test-worker')
    let row = await deliveryOf(filed.id)
    assert.equal(row.status, 'failed')
    assert.equal(Number(row.attempts), 1)
    const firstWait = Date.parse(row.next_attempt_at) - t.ctx.now().getTime()
    assert.ok(firstWait > 25_000 && firstWait <= 30_000, `first retry after ~30 s, got ${firstWait}`)
    await deliverDue(deps, 'test-worker')
    assert.equal((await deliveryOf(filed.id)).status, 'failed', 'not retried before its time')
    t.advance(31_000)
    await deliverDue(deps, 'test-worker')
    assert.equal((await deliveryOf(filed.id)).status, 'sent')

    await subscribe()
    wechat.switches.failNext = 10
    const doomed = await proposal()
    await deliverDue(deps, 'test-worker')
    t.advance(31_000)
    await deliverDue(deps, 'test-worker')
    row = await deliveryOf(doomed.id)
    const secondWait = Date.parse(row.next_attempt_at) - t.ctx.now().getTime()
    assert.ok(secondWait > 55_000 && secondWait <= 60_000, `second retry after ~60 s, got ${secondWait}`)
    t.advance(61_000)
    await deliverDue(deps, 'test-worker')
    row = await deliveryOf(doomed.id)
    assert.equal(row.status, 'dead')
    assert.equal(Number(row.attempts), 3)
    t.advance(3600_000)
    const sends = wechat.sendRequests()
    await deliverDue(deps, 'test-worker')
    assert.equal(wechat.sendRequests(), sends, 'a dead delivery is never sent again')
    const quota = await t.ctx.db.selectFrom('subscribe_quotas').select('remaining').where('user_id', '=', wechatConsumer.id).executeTakeFirstOrThrow()
    assert.equal(Number(quota.remaining), 1, 'failed sends gave their quota back')
  })
})
