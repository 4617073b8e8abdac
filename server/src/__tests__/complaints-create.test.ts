import assert from 'node:assert/strict'
import { addWorkingDays } from '../modules/workflow/working-days'
import { after, before, describe, test } from 'node:test'
import { chinaToday } from '../../../src/contract/complaint-rules'
import { seedDemoData } from '../seed/demo'
import { attachedEvidenceCount, countRows, postComplaint, validComplaint } from './support/complaints'
import { insertEvidenceRows } from './support/evidence-rows'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'

describe(`filing a complaint (${TEST_DB})`, () => {
  let t: TestApp
  let token: string
  let consumerId: string
  before(async () => {
    t = await createTestApp()
    await seedDemoData(t.ctx.db)
    const session = await loginByPhone(t, '13800000001', '10.1.0.1')
    token = session.accessToken
    consumerId = session.user.id
  })
  after(() => t.close())

  test('answers 201 with the number, the status and what happens next; list and detail show it', async () => {
    const photos = await insertEvidenceRows(t, consumerId, 2)
    const response = await postComplaint(t, token, validComplaint(t, { evidenceIds: photos }))
    assert.equal(response.statusCode, 201)
    const complaint = response.json()
    const today = chinaToday(t.ctx.now()).replace(/-/g, '')
    assert.equal(complaint.number, `WQ${today}000001`)
    assert.equal(complaint.status, 'awaiting_review')
    assert.equal(complaint.path, 'association')
    assert.equal(complaint.nextStep.text, '消协将在 7 个工作日内决定是否受理')
    assert.equal(complaint.nextStep.dueAt, addWorkingDays(t.ctx.now(), 7).toISOString())
    assert.equal(complaint.handling.dueKind, 'review')
    assert.equal(complaint.amountFen, 399_900)
    assert.equal(complaint.business.enterpriseId, null)
    assert.deepEqual(complaint.demands, ['refund'])
    assert.deepEqual(
      complaint.evidence.map((e: { id: string }) => e.id),
      photos,
    )
    assert.equal(complaint.events.length, 1)
    assert.equal(complaint.events[0].type, 'submitted')
    assert.equal(complaint.events[0].actorRole, 'consumer')
    assert.equal(complaint.events[0].toStatus, 'awaiting_review')
    assert.equal(complaint.events[0].evidence.length, 2)

    const photo = await t.app.inject({ url: complaint.evidence[0].displayUrl })
    assert.equal(photo.statusCode, 200, 'signed display URL resolves')

    const list = (await t.app.inject({ url: '/api/complaints', headers: bearer(token) })).json()
    assert.equal(list.items.length, 1)
    assert.equal(list.items[0].id, complaint.id)
    assert.equal(list.items[0].number, complaint.number)
    assert.equal(list.items[0].photoCount, 2)
    assert.equal(list.items[0].amountFen, 399_900)
    assert.equal(list.nextCursor, null)

    const detail = await t.app.inject({ url: `/api/complaints/${complaint.id}`, headers: bearer(token) })
    assert.equal(detail.statusCode, 200)
    assert.equal(detail.json().description, complaint.description)
    assert.equal(detail.json().events[0].evidence.length, 2)
  })

  test('numbers count up within the China day', async () => {
    const second = (await postComplaint(t, token, validComplaint(t))).json()
    assert.match(second.number, /^WQ\d{8}000002$/)
    assert.equal(await countRows(t, 'complaint_counters'), 1)
  })

  test('text comes back byte-for-byte, markup and all', async () => {
    const xss = '<img src=x onerror=alert(1)>'
    const description = `${xss} 商家拒绝退款，还说“你去告吧”。<script>alert('x')</script> 😀`
    const response = await postComplaint(t, token, validComplaint(t, { business: { name: xss }, description, demands: ['other'], demandDetail: xss }))
    assert.equal(response.statusCode, 201)
    assert.match(response.headers['content-type'] as string, /application\/json/)
    const detail = (await t.app.inject({ url: `/api/complaints/${response.json().id}`, headers: bearer(token) })).json()
    assert.equal(detail.business.name, xss)
    assert.equal(detail.description, description)
    assert.equal(detail.demandDetail, xss)
  })

  test('a known enterprise is linked; the path stays with the association for now', async () => {
    const enterprise = await t.ctx.db.selectFrom('enterprises').selectAll().executeTakeFirstOrThrow()
    const response = await postComplaint(t, token, validComplaint(t, { business: { name: enterprise.name, enterpriseId: enterprise.id } }))
    assert.equal(response.statusCode, 201)
    assert.equal(response.json().business.enterpriseId, enterprise.id)
    assert.equal(response.json().path, 'association')
  })

  test('an unknown enterprise is refused and nothing is written', async () => {
    const before = await countRows(t, 'complaints')
    const response = await postComplaint(t, token, validComplaint(t, { business: { name: '不存在的公司', enterpriseId: 'no-such-enterprise' } }))
    assert.equal(response.statusCode, 422)
    assert.equal(response.json().code, 'VALIDATION_FAILED')
    assert.equal(await countRows(t, 'complaints'), before)
  })

  test('amounts come back as numbers on both databases', async () => {
    const response = await postComplaint(t, token, validComplaint(t, { amountFen: 1_000_000_000 }))
    assert.equal(response.statusCode, 201)
    assert.equal(response.json().amountFen, 1_000_000_000)
    const list = (await t.app.inject({ url: '/api/complaints?limit=1', headers: bearer(token) })).json()
    assert.equal(list.items[0].amountFen, 1_000_000_000)
  })

  test('photos attach to the complaint only when it is filed', async () => {
    assert.equal(await attachedEvidenceCount(t), 2)
  })

  test('photos keep the order the consumer put them in, not the order uploads finished', async () => {
    const photos = await insertEvidenceRows(t, consumerId, 3)
    const arranged = [photos[1]!, photos[2]!, photos[0]!]
    const created = (await postComplaint(t, token, validComplaint(t, { evidenceIds: arranged }))).json()
    assert.deepEqual(created.evidence.map((e: { id: string }) => e.id), arranged)
    const detail = await t.app.inject({ url: `/api/complaints/${created.id}`, headers: bearer(token) })
    assert.deepEqual(detail.json().evidence.map((e: { id: string }) => e.id), arranged)
  })
})
