import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { countRows, fileComplaint } from './support/complaints'
import { insertEvidenceRows } from './support/evidence-rows'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'

describe(`adding to an open complaint (${TEST_DB})`, () => {
  let t: TestApp
  let token: string
  let consumerId: string
  before(async () => {
    t = await createTestApp()
    const session = await loginByPhone(t, '13900000501', '10.7.0.1')
    token = session.accessToken
    consumerId = session.user.id
  })
  after(() => t.close())

  const addMessage = (id: string, payload: object) =>
    t.app.inject({ method: 'POST', url: `/api/complaints/${id}/messages`, headers: bearer(token), payload })

  test('a message with photos joins the timeline, oldest first, with its photos', async () => {
    const [filedPhoto] = await insertEvidenceRows(t, consumerId, 1)
    const complaint = await fileComplaint(t, token, { evidenceIds: [filedPhoto!] })
    const photos = await insertEvidenceRows(t, consumerId, 2)
    const response = await addMessage(complaint.id, { text: '补充：商家今天把招牌也拆了 <b>快看</b>', evidenceIds: photos })
    assert.equal(response.statusCode, 200, response.body)
    const detail = response.json()
    assert.deepEqual(
      detail.events.map((e: { type: string }) => e.type),
      ['submitted', 'message'],
    )
    const message = detail.events[1]
    assert.equal(message.note, '补充：商家今天把招牌也拆了 <b>快看</b>')
    assert.equal(message.actorRole, 'consumer')
    assert.equal(message.fromStatus, null)
    assert.deepEqual(
      message.evidence.map((e: { id: string }) => e.id),
      photos,
    )
    assert.equal(detail.events[0].evidence.length, 1)
    assert.equal(detail.evidence.length, 3)
    assert.ok(message.createdAt > detail.events[0].createdAt, 'strictly later than the submission')
    assert.equal(detail.updatedAt, message.createdAt)
    assert.equal(detail.status, 'awaiting_review')

    const list = (await t.app.inject({ url: '/api/complaints', headers: bearer(token) })).json()
    assert.equal(list.items[0].photoCount, 3)
  })

  test('photos without words are recorded as added evidence', async () => {
    const complaint = await fileComplaint(t, token)
    const photos = await insertEvidenceRows(t, consumerId, 1)
    const response = await addMessage(complaint.id, { text: '  ', evidenceIds: photos })
    assert.equal(response.statusCode, 200)
    const event = response.json().events[1]
    assert.equal(event.type, 'evidence_added')
    assert.equal(event.note, null)
    assert.equal(event.evidence.length, 1)
  })

  test('neither words nor photos: 400 in Chinese', async () => {
    const complaint = await fileComplaint(t, token)
    const before = await countRows(t, 'complaint_events')
    const response = await addMessage(complaint.id, { text: ' ' })
    assert.equal(response.statusCode, 400)
    assert.equal(response.json().code, 'VALIDATION_FAILED')
    assert.equal(response.json().message, '请写下补充说明，或添加照片')
    assert.equal(await countRows(t, 'complaint_events'), before)
  })

  test("a photo that is someone else's or already used: nothing is written", async () => {
    const complaint = await fileComplaint(t, token)
    const other = await loginByPhone(t, '13900000502', '10.7.0.2')
    const [theirs] = await insertEvidenceRows(t, other.user.id, 1)
    const [mine] = await insertEvidenceRows(t, consumerId, 1)
    const before = await countRows(t, 'complaint_events')
    const response = await addMessage(complaint.id, { text: '补充证据', evidenceIds: [mine!, theirs!] })
    assert.equal(response.statusCode, 422)
    assert.equal(response.json().code, 'EVIDENCE_INVALID')
    assert.equal(await countRows(t, 'complaint_events'), before)
    const detail = (await t.app.inject({ url: `/api/complaints/${complaint.id}`, headers: bearer(token) })).json()
    assert.equal(detail.evidence.length, 0)
  })

  test('at most 9 photos per message and 30 per complaint', async () => {
    const complaint = await fileComplaint(t, token, { evidenceIds: await insertEvidenceRows(t, consumerId, 9) })
    const ten = await insertEvidenceRows(t, consumerId, 10)
    const tooMany = await addMessage(complaint.id, { text: '', evidenceIds: ten })
    assert.equal(tooMany.statusCode, 400)
    assert.equal(tooMany.json().code, 'TOO_MANY_PHOTOS')
    for (let i = 0; i < 2; i++) {
      const added = await addMessage(complaint.id, { text: '', evidenceIds: await insertEvidenceRows(t, consumerId, 9) })
      assert.equal(added.statusCode, 200)
    }
    const over = await addMessage(complaint.id, { text: '', evidenceIds: await insertEvidenceRows(t, consumerId, 4) })
    assert.equal(over.statusCode, 400)
    assert.equal(over.json().code, 'TOO_MANY_PHOTOS')
    assert.match(over.json().message, /最多 30 张照片，还可以添加 3 张/)
    const last = await addMessage(complaint.id, { text: '最后三张', evidenceIds: await insertEvidenceRows(t, consumerId, 3) })
    assert.equal(last.statusCode, 200)
    assert.equal(last.json().evidence.length, 30)
  })

  test('a withdrawn complaint takes no more messages: 409', async () => {
    const complaint = await fileComplaint(t, token)
    const withdrawn = await t.app.inject({ method: 'POST', url: `/api/complaints/${complaint.id}/withdraw`, headers: bearer(token), payload: {} })
    assert.equal(withdrawn.statusCode, 200)
    const [photo] = await insertEvidenceRows(t, consumerId, 1)
    const response = await addMessage(complaint.id, { text: '还想补充', evidenceIds: [photo!] })
    assert.equal(response.statusCode, 409)
    assert.equal(response.json().code, 'COMPLAINT_NOT_OPEN')
    const detail = (await t.app.inject({ url: `/api/complaints/${complaint.id}`, headers: bearer(token) })).json()
    assert.equal(detail.events.length, 2)
    assert.equal(detail.evidence.length, 0)
  })
})
