import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { postComplaint, validComplaint } from './support/complaints'
import { answer, inviteLawyer, scheduleSession } from './support/lawyers'
import { makeJpeg, uploadPhoto } from './support/photos'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { makeStaff, signIn, type Person } from './support/volunteers'
import { createDraft, published } from './support/warnings'
import { act } from './support/workflow'

const FACTS = '我在星光健身办了 5000 元的年卡，三个月后健身房关门，老板电话打不通，剩下的钱能退吗？'

describe(`from answer to action: 一键投诉 from a lawyer's answer, and the lawyer follows it (${TEST_DB})`, () => {
  let t: TestApp
  let staff: Person
  let lawyer: Person
  let colleague: Person
  let asker: Person
  let other: Person
  let sessionId: string
  let warningId: string
  const get = (url: string, who: Person) => t.app.inject({ method: 'GET', url, headers: bearer(who.token) })
  const prefill = (id: string, who: Person) => t.app.inject({ method: 'POST', url: `/api/qa/questions/${id}/complaint-prefill`, headers: bearer(who.token) })
  const askWith = (who: Person, payload: object) => t.app.inject({ method: 'POST', url: `/api/qa-sessions/${sessionId}/questions`, headers: bearer(who.token), payload })
  const withActions = (actions: object[]) => ({ text: '经营者未按约定提供服务的，应当退回预付款。', citations: ['cpl-53'], nextSteps: ['保留付款凭证'], actions })

  before(async () => {
    t = await createTestApp()
    staff = await makeStaff(t, '13719000001')
    lawyer = await inviteLawyer(t, staff, '13719000002', '周律师')
    colleague = await inviteLawyer(t, staff, '13719000003', '吴律师')
    asker = await signIn(t, '13719000004')
    other = await signIn(t, '13719000005')
    sessionId = await scheduleSession(t, staff, [lawyer, colleague], 97)
    warningId = (await published(t, staff.token, { title: '预付卡消费警示：办卡前看清退费条款' })).id
  })
  after(() => t.close())

  test('the lawyer picks 下一步 actions: a complaint and a published warning; a draft warning or the same kind twice is refused', async () => {
    const question = (await askWith(asker, { text: '美容院的次卡还没用完就换了老板，能退吗？', photoIds: [], allowPublish: false })).json()
    const draftWarning = (await createDraft(t, staff.token, { title: '还没发布的警示' })).id
    const hidden = await answer(t, lawyer, question.id, withActions([{ kind: 'warning', warningId: draftWarning }]))
    assert.equal(hidden.statusCode, 422)
    assert.equal(hidden.json().code, 'QA_WARNING_NOT_FOUND')
    const twice = await answer(t, lawyer, question.id, withActions([{ kind: 'complaint' }, { kind: 'complaint' }]))
    assert.equal(twice.statusCode, 400)
    assert.match(twice.json().message, /只能选一个/)
    assert.equal((await answer(t, lawyer, question.id, withActions([{ kind: 'refund' }]))).statusCode, 400)
    const answered = await answer(t, lawyer, question.id, withActions([{ kind: 'complaint' }, { kind: 'warning', warningId }]))
    assert.equal(answered.statusCode, 200, answered.body)
    assert.deepEqual(answered.json().answer.actions, [{ kind: 'complaint' }, { kind: 'warning', warningId, warningTitle: '预付卡消费警示：办卡前看清退费条款' }])
    assert.deepEqual((await get(`/api/qa/questions/${question.id}`, asker)).json().answer.actions.map((a: { kind: string }) => a.kind), ['complaint', 'warning'])
  })

  test('一键投诉 carries the business, the facts and the photos (same files, new unused copies); only the asker may', async () => {
    const photo = (await uploadPhoto(t, asker.token, await makeJpeg(320, 240))).json()
    const asked = await askWith(asker, { text: FACTS, photoIds: [photo.id], allowPublish: true, businessName: '星光健身' })
    assert.equal(asked.statusCode, 201, asked.body)
    const question = asked.json()
    assert.equal(question.businessName, '星光健身')
    // Before the answer suggests it: no one-tap complaint.
    assert.equal((await prefill(question.id, asker)).json().code, 'QA_COMPLAINT_NOT_SUGGESTED')
    await answer(t, lawyer, question.id, withActions([{ kind: 'complaint' }]))

    assert.equal((await prefill(question.id, other)).statusCode, 404)
    assert.equal((await prefill(question.id, lawyer)).statusCode, 404)
    const filled = await prefill(question.id, asker)
    assert.equal(filled.statusCode, 200, filled.body)
    const body = filled.json()
    assert.equal(body.businessName, '星光健身')
    assert.equal(body.facts, FACTS)
    assert.equal(body.sessionTitle, '第97期')
    assert.equal(body.photos.length, 1)
    assert.equal(body.photos[0].sha256, photo.sha256)
    assert.notEqual(body.photos[0].id, photo.id)
    // The copy is the asker's to attach; the question keeps its photo.
    assert.equal((await get(`/api/evidence/${body.photos[0].id}`, other)).statusCode, 404)

    const filing = await postComplaint(
      t,
      asker.token,
      validComplaint(t, { business: { name: body.businessName }, description: body.facts, evidenceIds: [body.photos[0].id], sourceQuestionId: question.id }),
    )
    assert.equal(filing.statusCode, 201, filing.body)
    const complaint = filing.json()
    assert.deepEqual(complaint.sourceQuestion, { questionId: question.id, sessionTitle: '第97期' })
    assert.deepEqual(complaint.evidence.map((e: { sha256: string }) => e.sha256), [photo.sha256])
    assert.equal((await get(`/api/complaints/${complaint.id}`, asker)).json().sourceQuestion.sessionTitle, '第97期')
    assert.equal((await get(`/api/qa/questions/${question.id}`, asker)).json().photos.length, 1)

    // The asker sees the number and status on the question.
    const mine = ((await get('/api/qa/questions/mine', asker)).json().items as Array<{ id: string; followUp: Record<string, unknown> | null }>).find((q) => q.id === question.id)!
    assert.equal(mine.followUp?.complaintNumber, complaint.number)
    assert.equal(mine.followUp?.statusLabel, '等待消协受理')

    // Once filed: no second one, whether through 一键投诉 or a filing that names the question.
    assert.equal((await prefill(question.id, asker)).json().code, 'QA_COMPLAINT_EXISTS')
    const again = await postComplaint(t, asker.token, validComplaint(t, { sourceQuestionId: question.id }))
    assert.equal(again.statusCode, 409)
    assert.equal(again.json().code, 'QA_COMPLAINT_EXISTS')
  })

  test('跟进问题的解决: the answering lawyer and staff see the status and dates, never the consumer; the colleague on duty sees nothing', async () => {
    const workspace = (await get('/api/lawyer/workspace', lawyer)).json()
    assert.equal(workspace.followUps.length, 1)
    const [followUp] = workspace.followUps
    assert.equal(followUp.sessionTitle, '第97期')
    assert.equal(followUp.followUp.statusLabel, '等待消协受理')
    assert.equal(followUp.followUp.complaintNumber, null)
    assert.equal(followUp.followUp.complaintId, null)
    assert.doesNotMatch(JSON.stringify(workspace.followUps), /13719000004|13800000001|displayUrl|WQ\d/)
    assert.match(followUp.question, /星光健身办了 5000 元的年卡/)
    assert.deepEqual((await get('/api/lawyer/workspace', colleague)).json().followUps, [])
    assert.equal((await get(`/api/qa/questions/${followUp.questionId}`, colleague)).json().followUp, null)
    assert.equal((await get(`/api/qa/questions/${followUp.questionId}`, lawyer)).json().followUp.statusLabel, '等待消协受理')
    const staffView = (await get(`/api/staff/qa-sessions/${sessionId}/questions`, staff)).json().items.find((q: { id: string }) => q.id === followUp.questionId)
    assert.equal(staffView.followUp.statusLabel, '等待消协受理')
    assert.equal(staffView.followUp.complaintNumber, null)

    // The case moves on: the lawyer sees it.
    const complaintId = (await get('/api/qa/questions/mine', asker)).json().items.find((q: { id: string }) => q.id === followUp.questionId).followUp.complaintId
    const accepted = await act(t, staff.token, complaintId, 'accept')
    assert.equal(accepted.statusCode, 200, accepted.body)
    assert.equal((await get('/api/lawyer/workspace', lawyer)).json().followUps[0].followUp.statusLabel, '消协已受理')
  })

  test("two filings from one question at once make one complaint (409 for the other); another person's question is not theirs to file", async () => {
    const question = (await askWith(asker, { text: '培训机构跑路了，学费怎么办？', photoIds: [], allowPublish: false })).json()
    await answer(t, lawyer, question.id, withActions([{ kind: 'complaint' }]))
    assert.equal((await postComplaint(t, other.token, validComplaint(t, { sourceQuestionId: question.id }))).statusCode, 404)
    const body = validComplaint(t, { business: { name: '某某培训学校' }, description: '培训机构跑路了，预交的一年学费还剩八个月没有上课，联系不上负责人。', sourceQuestionId: question.id })
    const results = await Promise.all([postComplaint(t, asker.token, body, randomUUID()), postComplaint(t, asker.token, body, randomUUID())])
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 409], results.map((r) => r.body).join('\n'))
    assert.equal(results.find((r) => r.statusCode === 409)!.json().code, 'QA_COMPLAINT_EXISTS')
    const links = await t.ctx.db.selectFrom('qa_complaint_links').select('complaint_id').where('question_id', '=', question.id).execute()
    assert.equal(links.length, 1)
    const complaints = await t.ctx.db.selectFrom('complaints').select('id').where('business_name', '=', '某某培训学校').execute()
    assert.deepEqual(complaints.map((c) => c.id), links.map((l) => l.complaint_id))
  })
})
