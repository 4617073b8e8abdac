import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { answer, ask, freshLicence, inviteLawyer, publish, scheduleSession } from './support/lawyers'
import { makeJpeg, uploadPhoto } from './support/photos'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { makeStaff, signIn, type Person } from './support/volunteers'

describe(`lawyer Q&A: sessions, questions, answers, publication (${TEST_DB})`, () => {
  let t: TestApp
  let staff: Person
  let lawyer: Person
  let offDuty: Person
  let asker: Person
  let other: Person
  let sessionId: string
  const get = (url: string, who?: Person) => t.app.inject({ method: 'GET', url, headers: who ? bearer(who.token) : {} })

  before(async () => {
    t = await createTestApp()
    staff = await makeStaff(t, '13718000001')
    lawyer = await inviteLawyer(t, staff, '13718000002', '周律师')
    offDuty = await inviteLawyer(t, staff, '13718000003', '吴律师')
    asker = await signIn(t, '13718000004')
    other = await signIn(t, '13718000005')
    sessionId = await scheduleSession(t, staff, [lawyer], 97)
  })
  after(() => t.close())

  test('staff invite lawyers with a 17-digit licence; bad numbers, staff phones and repeats change nothing', async () => {
    const invite = (payload: object) => t.app.inject({ method: 'POST', url: '/api/staff/lawyers', headers: bearer(staff.token), payload })
    const base = { phone: '13718000099', name: '郑律师', firm: '某某律师事务所' }
    assert.equal((await invite({ ...base, licenceNo: '1234567890123' })).statusCode, 400)
    assert.equal((await invite({ ...base, licenceNo: '1234567890123456X' })).statusCode, 400)
    const staffPhone = await invite({ ...base, phone: staff.phone, licenceNo: freshLicence() })
    assert.equal(staffPhone.statusCode, 409)
    assert.equal(staffPhone.json().code, 'LAWYER_ROLE_CONFLICT')
    const again = await invite({ ...base, phone: lawyer.phone, licenceNo: freshLicence() })
    assert.equal(again.json().code, 'LAWYER_EXISTS')
    const team = (await get('/api/staff/lawyers', staff)).json().items as Array<{ name: string; phone: string; licenceNo: string }>
    assert.deepEqual(team.map((l) => l.name).sort(), ['吴律师', '周律师'])
    assert.ok(team.every((l) => l.phone.includes('****') && /^\d{17}$/.test(l.licenceNo)))
  })

  test('a session number is taken once per organization; lawyers must be on the team; the end must follow the start', async () => {
    const now = t.ctx.now().getTime()
    const body = { number: 97, theme: '预付卡退费', startsAt: new Date(now).toISOString(), endsAt: new Date(now + 3600_000).toISOString(), lawyerIds: [lawyer.id] }
    const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/staff/qa-sessions', headers: bearer(staff.token), payload })
    assert.equal((await post(body)).json().code, 'QA_SESSION_NUMBER_TAKEN')
    assert.equal((await post({ ...body, number: 98, lawyerIds: [asker.id] })).json().code, 'LAWYER_NOT_AVAILABLE')
    assert.equal((await post({ ...body, number: 98, endsAt: body.startsAt })).json().code, 'QA_SESSION_TIME_INVALID')
    const sessions = (await get('/api/staff/qa-sessions', staff)).json().items as Array<{ title: string; lawyers: Array<{ name: string }> }>
    assert.deepEqual(sessions.map((s) => [s.title, s.lawyers.map((l) => l.name)]), [['第97期', ['周律师']]])
  })

  test('a consumer asks with a photo; only the lawyer on duty sees it; the answer reaches the asker before publication', async () => {
    const photo = (await uploadPhoto(t, asker.token, await makeJpeg(320, 240))).json().id as string
    const asked = await ask(t, asker, sessionId, '我在健身房办了 5000 元的预付卡，老板电话 13912345678 打不通，能退吗？', { photoIds: [photo], allowPublish: true })
    assert.equal(asked.statusCode, 201, asked.body)
    const question = asked.json()
    assert.equal(question.photos.length, 1)

    const workspace = (await get('/api/lawyer/workspace', lawyer)).json()
    assert.deepEqual(workspace.waiting.map((q: { id: string }) => q.id), [question.id])
    assert.equal(workspace.waiting[0].photos.length, 1)
    assert.deepEqual((await get('/api/lawyer/workspace', offDuty)).json().waiting, [])
    assert.equal((await get(`/api/qa/questions/${question.id}`, offDuty)).statusCode, 404)
    assert.equal((await get(`/api/qa/questions/${question.id}`, other)).statusCode, 404)
    assert.equal((await answer(t, offDuty, question.id)).statusCode, 404)
    assert.equal((await get('/api/lawyer/workspace', asker)).json().code, 'NOT_A_LAWYER')

    const answered = await answer(t, lawyer, question.id, { text: '经营者未按约定提供服务的，应当退回预付款。', citations: ['cpl-53'], nextSteps: ['保留付款凭证', '向消协投诉'] })
    assert.equal(answered.statusCode, 200, answered.body)
    assert.deepEqual(answered.json().answer.citations.map((c: { article: string }) => c.article), ['第五十三条'])
    assert.equal((await answer(t, lawyer, question.id)).json().code, 'QA_ALREADY_ANSWERED')

    const mine = (await get('/api/qa/questions/mine', asker)).json().items
    assert.equal(mine[0].answer.lawyerName, '周律师')
    assert.equal(mine[0].published, false)
    const inbox = (await get('/api/notifications', asker)).json().items as Array<{ type: string; title: string }>
    assert.ok(inbox.some((n) => n.type === 'qa_answered' && n.title === '律师已解答您的问题'))
    // Not yet published: the archive shows the session's counts but no answer, and the search finds nothing.
    const archive = (await get(`/api/qa-sessions/${sessionId}`)).json()
    assert.deepEqual(archive.answers, [])
    assert.equal(archive.session.questionCount, 1)
    assert.equal(archive.session.answerCount, 1)
    assert.equal((await get(`/api/qa/search?q=${encodeURIComponent('预付')}`)).json().total, 0)
  })

  test('staff publish an edited, anonymised answer: markup removed, long numbers masked; found by a 2-character term without login', async () => {
    const question = (await get('/api/qa/questions/mine', asker)).json().items[0]
    const published = await publish(t, staff, question.id, `${question.text}<script>alert(1)</script><img src=x onerror=alert(2)>`, '经营者应当退回预付款及利息。身份证 11010519491231002X')
    assert.equal(published.statusCode, 200, published.body)
    const session = (await get(`/api/qa-sessions/${sessionId}`)).json()
    const [item] = session.answers
    assert.match(item.question, /5000 元/)
    assert.doesNotMatch(JSON.stringify(session), /13912345678|13718000004|<script|onerror|alert|110105/)
    assert.match(item.question, /\*{11}/)
    // Opened once before publication and once now.
    assert.equal(session.session.viewCount, 2)
    const found = (await get(`/api/qa/search?q=${encodeURIComponent('预付')}`)).json()
    assert.deepEqual(found.items.map((hit: { id: string }) => hit.id), [question.id])
    assert.equal((await get(`/api/qa/search?q=${encodeURIComponent('的预付卡')}`)).json().total, 1)
    assert.equal((await get(`/api/qa/search?q=${encodeURIComponent('预')}`)).statusCode, 400)
    assert.equal((await get(`/api/qa/search?q=${encodeURIComponent('火锅')}`)).json().total, 0)
  })

  test('publishing the same question twice at once counts it once; publishing again replaces its text and search terms', async () => {
    const question = (await get('/api/qa/questions/mine', asker)).json().items[0]
    const [a, b] = await Promise.all([
      publish(t, staff, question.id, '健身房预付卡关门了能退吗？', '可以要求退回预付款及利息。'),
      publish(t, staff, question.id, '健身房预付卡关门了能退吗？', '可以要求退回预付款及利息。'),
    ])
    assert.deepEqual([a.statusCode, b.statusCode], [200, 200])
    const session = (await get(`/api/qa-sessions/${sessionId}`)).json()
    assert.equal(session.session.publishedCount, 1)
    assert.equal(session.answers[0].question, '健身房预付卡关门了能退吗？')
    assert.equal((await get(`/api/qa/search?q=${encodeURIComponent('关门')}`)).json().total, 1)
    assert.equal((await get(`/api/qa/search?q=${encodeURIComponent('身份')}`)).json().total, 0)
  })

  test('a question the asker kept private cannot be published, but its asker still reads the answer', async () => {
    const privateOne = (await ask(t, other, sessionId, '网上买的衣服七天内能退吗？', { allowPublish: false })).json()
    await answer(t, lawyer, privateOne.id, { text: '网购商品七日内可以无理由退货。', citations: ['cpl-25'], nextSteps: [] })
    const refused = await publish(t, staff, privateOne.id, '网上买的衣服七天内能退吗？', '可以七日内无理由退货。')
    assert.equal(refused.json().code, 'QA_NOT_PUBLISHABLE')
    assert.equal((await get(`/api/qa/questions/${privateOne.id}`, other)).json().answer.citations[0].article, '第二十五条')
    assert.equal((await get(`/api/qa/search?q=${encodeURIComponent('衣服')}`)).json().total, 0)
  })

  test("a photo that is not the asker's refuses the whole question; a session that ended takes none", async () => {
    const before = (await get('/api/staff/qa-sessions', staff)).json().items[0].questionCount
    const othersPhoto = (await uploadPhoto(t, other.token, await makeJpeg(64, 48))).json().id as string
    const refused = await ask(t, asker, sessionId, '这张照片是别人的，能提问吗？', { photoIds: [othersPhoto] })
    assert.equal(refused.json().code, 'EVIDENCE_INVALID')
    assert.equal((await get('/api/staff/qa-sessions', staff)).json().items[0].questionCount, before)
    assert.equal((await get('/api/qa/questions/mine', asker)).json().items.length, 1)
    const ended = await scheduleSession(t, staff, [lawyer], 90, '旅游消费', -0.5)
    assert.equal((await ask(t, asker, ended, '上周的旅游团强制购物怎么办？')).json().code, 'QA_SESSION_CLOSED')
  })

  test('a suspended lawyer is locked out with a message in Chinese, and can be resumed', async () => {
    const status = (s: string) => t.app.inject({ method: 'PUT', url: `/api/staff/lawyers/${lawyer.id}/status`, headers: bearer(staff.token), payload: { status: s } })
    assert.equal((await status('suspended')).json().status, 'suspended')
    const locked = await get('/api/lawyer/workspace', lawyer)
    assert.equal(locked.statusCode, 403)
    assert.equal(locked.json().code, 'LAWYER_SUSPENDED')
    assert.match(locked.json().message, /暂停/)
    const waiting = (await ask(t, asker, sessionId, '暂停期间提的问题，律师能看到吗？')).json()
    assert.equal((await answer(t, lawyer, waiting.id)).statusCode, 403)
    assert.equal((await status('active')).json().status, 'active')
    assert.equal((await get('/api/lawyer/workspace', lawyer)).statusCode, 200)
  })
})
