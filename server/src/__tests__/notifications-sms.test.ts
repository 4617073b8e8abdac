import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, test } from 'node:test'
import { deliverDue, deliveryDeps } from '../jobs/notification-delivery'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { act, createCast, fileOdrComplaint, PROPOSAL, type Cast } from './support/workflow'

describe(`SMS for key events (${TEST_DB})`, () => {
  let gateway: Server
  const texts: Array<{ phone: string; template: string; params: { text: string } }> = []
  let t: TestApp
  let cast: Cast
  before(async () => {
    gateway = createServer((req, res) => {
      let body = ''
      req.on('data', (chunk) => (body += chunk))
      req.on('end', () => {
        texts.push(JSON.parse(body))
        res.writeHead(200).end('{}')
      })
    })
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve))
    const base = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`
    // Login codes go through the test's own sender; notification texts through the HTTP gateway.
    t = await createTestApp({ NOTIFY_SMS: 'true', SMS_PROVIDER: 'http', SMS_API_BASE: base })
    cast = await createCast(t, '64')
  })
  after(async () => {
    await t.close()
    await new Promise<void>((resolve) => gateway.close(() => resolve()))
  })

  const setSms = (enabled: boolean) =>
    t.app.inject({
      method: 'PUT',
      url: '/api/notifications/preferences',
      headers: bearer(cast.consumer.token),
      payload: { items: [{ type: 'proposal_received', channel: 'sms', enabled }] },
    })

  test('off until the user opts in; then a proposal is texted once, a chat message never', async () => {
    const prefs = (await t.app.inject({ method: 'GET', url: '/api/notifications/preferences', headers: bearer(cast.consumer.token) })).json()
    assert.ok(prefs.channels.includes('sms'))
    assert.equal(prefs.items.find((p: { type: string; channel: string }) => p.type === 'proposal_received' && p.channel === 'sms').enabled, false)
    assert.equal(prefs.items.some((p: { type: string; channel: string }) => p.type === 'complaint_message' && p.channel === 'sms'), false)

    const quiet = await fileOdrComplaint(t, cast)
    await act(t, cast.liaison.token, quiet.id, 'propose', PROPOSAL)
    await deliverDue(deliveryDeps(t.ctx), 'test-worker')
    assert.equal(texts.length, 0)

    assert.equal((await setSms(true)).statusCode, 200)
    const filed = await fileOdrComplaint(t, cast)
    await act(t, cast.liaison.token, filed.id, 'propose', PROPOSAL)
    await act(t, cast.liaison.token, filed.id, 'request_info', { text: '请提供购物小票照片' })
    await deliverDue(deliveryDeps(t.ctx), 'test-worker')
    await deliverDue(deliveryDeps(t.ctx), 'test-worker')
    assert.equal(texts.length, 1)
    assert.equal(texts[0]!.template, 'notification')
    assert.match(texts[0]!.params.text, /^【维权通】商家提出了处理方案：/)
  })
})
