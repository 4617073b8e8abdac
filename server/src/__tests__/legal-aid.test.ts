import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { LEGAL_AID_CONSENT_TEXT } from '../../../src/contract/legal-aid'
import { fileComplaint } from './support/complaints'
import { inviteLawyer } from './support/lawyers'
import { makeJpeg, uploadPhoto } from './support/photos'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { makeStaff, notificationsOf, signIn, type Person } from './support/volunteers'

describe(`legal aid: consent, assignment, the lawyer's case record and opinion (${TEST_DB})`, () => {
  let t: TestApp
  let staff: Person
  let lawyer: Person
  let otherLawyer: Person
  let consumer: Person
  let stranger: Person
  let complaintId: string
  let photoId: string
  const get = (url: string, who: Person) => t.app.inject({ method: 'GET', url, headers: bearer(who.token) })
  const post = (url: string, who: Person, payload?: object) => t.app.inject({ method: 'POST', url, headers: bearer(who.token), ...(payload ? { payload } : {}) })
  const ask = (who: Person, id: string, payload: object) => post(`/api/complaints/${id}/legal-aid`, who, payload)
  const litigation = { kind: 'litigation', description: '商家拒不退款，想起诉，需要律师看看证据够不够。', consent: true }

  before(async () => {
    t = await createTestApp()
    staff = await makeStaff(t, '13719000001')
    lawyer = await inviteLawyer(t, staff, '13719000002', '黄律师', '浙江知源律师事务所')
    otherLawyer = await inviteLawyer(t, staff, '13719000003', '吴律师')
    consumer = await signIn(t, '13719000004')
    stranger = await signIn(t, '13719000005')
    photoId = (await uploadPhoto(t, consumer.token, await makeJpeg(320, 240))).json().id as string
    complaintId = (await fileComplaint(t, consumer.token, { evidenceIds: [photoId] })).id
  })
  after(() => t.close())

  test('no consent, a too short description or someone else’s case: refused, nothing recorded', async () => {
    const noConsent = await ask(consumer, complaintId, { ...litigation, consent: false })
    assert.equal(noConsent.statusCode, 400)
    assert.equal(noConsent.json().code, 'LEGAL_AID_CONSENT_REQUIRED')
    assert.match(noConsent.json().message, /同意受指派律师查阅本案材料/)
    const { consent: _omitted, ...withoutConsent } = litigation
    assert.equal((await ask(consumer, complaintId, withoutConsent)).statusCode, 400)
    assert.equal((await ask(consumer, complaintId, { ...litigation, consent: 'true' })).statusCode, 400)
    assert.equal((await ask(consumer, complaintId, { ...litigation, description: '  帮我  ' })).statusCode, 400)
    assert.equal((await ask(consumer, complaintId, { ...litigation, description: '长'.repeat(501) })).statusCode, 400)
    assert.equal((await ask(stranger, complaintId, litigation)).statusCode, 404)
    assert.equal((await ask(staff, complaintId, litigation)).statusCode, 403)
    assert.deepEqual((await get(`/api/complaints/${complaintId}/legal-aid`, consumer)).json().items, [])
  })

  test('two requests of the same kind at once: one wins, the other 409; another kind is its own request', async () => {
    const before = t.ctx.now().getTime()
    const [a, b] = await Promise.all([ask(consumer, complaintId, litigation), ask(consumer, complaintId, litigation)])
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [201, 409])
    assert.equal((a.statusCode === 409 ? a : b).json().code, 'LEGAL_AID_EXISTS')
    const created = (a.statusCode === 201 ? a : b).json()
    assert.equal(created.status, 'open')
    assert.equal(created.consentText, LEGAL_AID_CONSENT_TEXT)
    const consentedAt = Date.parse(created.consentedAt)
    assert.ok(consentedAt >= before && consentedAt <= t.ctx.now().getTime(), created.consentedAt)
    const consultation = await ask(consumer, complaintId, { ...litigation, kind: 'consultation', description: '想先咨询一下能要求几倍赔偿' })
    assert.equal(consultation.statusCode, 201, consultation.body)
    // The consultation is withdrawn before anyone takes it; then a new one of that kind may be asked.
    assert.equal((await post(`/api/legal-aid/${consultation.json().id}/withdraw`, stranger)).statusCode, 404)
    const withdrawn = await post(`/api/legal-aid/${consultation.json().id}/withdraw`, consumer)
    assert.equal(withdrawn.json().status, 'withdrawn')
    assert.equal((await post(`/api/legal-aid/${consultation.json().id}/withdraw`, consumer)).json().code, 'LEGAL_AID_NOT_OPEN')
    const mine = (await get(`/api/complaints/${complaintId}/legal-aid`, consumer)).json().items as Array<{ kind: string; status: string }>
    assert.deepEqual(mine.map((r) => [r.kind, r.status]).sort(), [['consultation', 'withdrawn'], ['litigation', 'open']])
    assert.ok((await notificationsOf(t, staff.id)).some((n) => n.title === '消费者申请法律援助'))
  })

  test('staff assign a lawyer of their team once; the lawyer reads the case and its photo, other lawyers read nothing', async () => {
    const board = (await get('/api/staff/legal-aid', staff)).json()
    const request = board.items.find((r: { kind: string }) => r.kind === 'litigation')
    assert.ok(request, 'the open request is on the staff list')
    assert.deepEqual(board.lawyers.map((l: { name: string }) => l.name).sort(), ['吴律师', '黄律师'])
    assert.equal((await get(`/api/lawyer/legal-aid/${request.id}`, lawyer)).statusCode, 404, 'not yet assigned')
    assert.equal((await get(`/api/evidence/${photoId}`, lawyer)).statusCode, 404)

    const assignTo = (who: string) => post(`/api/staff/legal-aid/${request.id}/assign`, staff, { lawyerId: who })
    assert.equal((await assignTo(stranger.id)).json().code, 'LAWYER_NOT_AVAILABLE')
    assert.equal((await assignTo(consumer.id)).statusCode, 422)
    assert.equal((await post(`/api/staff/legal-aid/${request.id}/assign`, consumer, { lawyerId: lawyer.id })).statusCode, 403)
    const assigned = await assignTo(lawyer.id)
    assert.equal(assigned.statusCode, 200, assigned.body)
    assert.equal(assigned.json().lawyer.name, '黄律师')
    assert.equal((await assignTo(otherLawyer.id)).json().code, 'LEGAL_AID_NOT_OPEN')
    assert.ok((await notificationsOf(t, lawyer.id)).some((n) => n.title === '您被指派了一件法律援助'))
    assert.ok((await notificationsOf(t, consumer.id)).some((n) => n.title === '法律援助已指派律师' && n.body.includes('黄律师')))

    const list = (await get('/api/lawyer/legal-aid', lawyer)).json().items as Array<{ id: string }>
    assert.deepEqual(list.map((r) => r.id), [request.id])
    const record = await get(`/api/lawyer/legal-aid/${request.id}`, lawyer)
    assert.equal(record.statusCode, 200, record.body)
    assert.equal(record.json().complaint.businessName, '快乐健身有限公司')
    assert.deepEqual(record.json().complaint.demands, ['退款'])
    assert.equal(record.json().timeline[0].label, '提交投诉')
    assert.deepEqual(record.json().photoIds, [photoId])
    const photo = await get(`/api/evidence/${photoId}`, lawyer)
    assert.equal(photo.statusCode, 200, photo.body)
    assert.ok(photo.json().displayUrl)
    // The original (with its location) stays with staff.
    assert.equal((await get(`/api/evidence/${photoId}/original`, lawyer)).statusCode, 404)

    assert.deepEqual((await get('/api/lawyer/legal-aid', otherLawyer)).json().items, [])
    assert.equal((await get(`/api/lawyer/legal-aid/${request.id}`, otherLawyer)).statusCode, 404)
    assert.equal((await get(`/api/evidence/${photoId}`, otherLawyer)).statusCode, 404)
    assert.equal((await get(`/api/lawyer/legal-aid/${request.id}`, stranger)).json().code, 'NOT_A_LAWYER')
    assert.equal((await get(`/api/complaints/${complaintId}`, lawyer)).statusCode, 404, 'the complaint itself stays the consumer’s')
  })

  test('a suspended lawyer is locked out of the case and its photos', async () => {
    const [request] = (await get('/api/lawyer/legal-aid', lawyer)).json().items as Array<{ id: string }>
    const setStatus = (status: string) => t.app.inject({ method: 'PUT', url: `/api/staff/lawyers/${lawyer.id}/status`, headers: bearer(staff.token), payload: { status } })
    assert.equal((await setStatus('suspended')).statusCode, 200)
    const refused = await get(`/api/lawyer/legal-aid/${request!.id}`, lawyer)
    assert.equal(refused.statusCode, 403)
    assert.equal(refused.json().code, 'LAWYER_SUSPENDED')
    assert.equal((await post(`/api/lawyer/legal-aid/${request!.id}/opinion`, lawyer, { text: '建议保留付款凭证，向法院起诉。' })).json().code, 'LAWYER_SUSPENDED')
    assert.equal((await get(`/api/evidence/${photoId}`, lawyer)).statusCode, 404)
    assert.equal((await setStatus('active')).statusCode, 200)
    assert.equal((await get(`/api/evidence/${photoId}`, lawyer)).statusCode, 200)
  })

  test('the opinion, markup removed, becomes 律师意见 on the timeline the consumer and staff read; finishing needs one', async () => {
    const [request] = (await get('/api/lawyer/legal-aid', lawyer)).json().items as Array<{ id: string }>
    const opinion = (text: string) => post(`/api/lawyer/legal-aid/${request!.id}/opinion`, lawyer, { text })
    assert.equal((await post(`/api/lawyer/legal-aid/${request!.id}/finish`, lawyer)).json().code, 'LEGAL_AID_NO_OPINION')
    assert.equal((await opinion('太短了')).statusCode, 400)
    assert.equal((await opinion('<b></b><i>短</i><script>alert("x")</script>')).statusCode, 400, 'markup does not count')
    assert.equal((await opinion('长'.repeat(3001))).statusCode, 400)
    assert.equal((await post(`/api/lawyer/legal-aid/${request!.id}/opinion`, otherLawyer, { text: '我也来写一条法律意见试试。' })).statusCode, 404)
    const written = await opinion('<script>alert(1)</script>依据<b>消费者权益保护法</b>第五十三条，可要求退回预付款并支付利息。<img src=x onerror=alert(1)>')
    assert.equal(written.statusCode, 201, written.body)
    assert.equal(written.json().opinionCount, 1)

    for (const reader of [consumer, staff]) {
      const events = (await get(`/api/complaints/${complaintId}`, reader)).json().events as Array<{ type: string; note: string }>
      const event = events.find((e) => e.type === 'lawyer_opinion')
      assert.equal(event?.note, '依据消费者权益保护法第五十三条，可要求退回预付款并支付利息。')
    }
    assert.ok((await notificationsOf(t, consumer.id)).some((n) => n.title === '律师给出了法律意见'))

    const finished = await post(`/api/lawyer/legal-aid/${request!.id}/finish`, lawyer)
    assert.equal(finished.json().status, 'finished')
    assert.ok(finished.json().finishedAt)
    assert.equal((await get(`/api/lawyer/legal-aid/${request!.id}`, lawyer)).statusCode, 404, 'access ends with the request')
    assert.equal((await get(`/api/evidence/${photoId}`, lawyer)).statusCode, 404)
    assert.equal((await post(`/api/legal-aid/${request!.id}/withdraw`, consumer)).json().code, 'LEGAL_AID_NOT_OPEN')
    // Finished, a new request of the same kind may be made.
    assert.equal((await ask(consumer, complaintId, litigation)).statusCode, 201)
  })

  test('withdrawing the request takes the lawyer’s access away at once', async () => {
    const id = ((await get(`/api/complaints/${complaintId}/legal-aid`, consumer)).json().items as Array<{ id: string; status: string }>).find((r) => r.status === 'open')!.id
    assert.equal((await post(`/api/staff/legal-aid/${id}/assign`, staff, { lawyerId: otherLawyer.id })).statusCode, 200)
    assert.equal((await get(`/api/lawyer/legal-aid/${id}`, otherLawyer)).statusCode, 200)
    assert.equal((await get(`/api/evidence/${photoId}`, otherLawyer)).statusCode, 200)
    assert.equal((await post(`/api/legal-aid/${id}/withdraw`, consumer)).json().status, 'withdrawn')
    assert.equal((await get(`/api/lawyer/legal-aid/${id}`, otherLawyer)).statusCode, 404)
    assert.equal((await get(`/api/evidence/${photoId}`, otherLawyer)).statusCode, 404)
    assert.equal((await post(`/api/lawyer/legal-aid/${id}/opinion`, otherLawyer, { text: '撤回之后还想写一条法律意见。' })).statusCode, 404)
    assert.ok((await notificationsOf(t, otherLawyer.id)).some((n) => n.title === '消费者撤回了法律援助申请'))
    assert.deepEqual((await get('/api/staff/legal-aid', staff)).json().items, [])
  })
})
