import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import type { DataExport } from '../../../src/contract/data-export'
import { completeDueAccountDeletions } from '../jobs/account-deletion'
import { runDataExports } from '../jobs/data-export'
import { enforceRetention } from '../jobs/retention'
import { postComplaint, validComplaint } from './support/complaints'
import { answer, ask, inviteLawyer, publish, scheduleSession } from './support/lawyers'
import { fetchSigned, makeJpeg, storedFiles, uploadPhoto } from './support/photos'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { unzip } from './support/unzip'
import { makeStaff, signIn, type Person } from './support/volunteers'

const HOUR = 3600_000
const DAY = 24 * HOUR
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')
const silent = { info: () => undefined, error: () => undefined }

describe(`lawyer Q&A and personal data: deletion, export, retention (${TEST_DB})`, () => {
  let t: TestApp
  let staff: Person
  let lawyer: Person
  let serial = 0
  let sessionNumber = 200
  const nextPhone = () => `1373100${String(++serial).padStart(4, '0')}`

  before(async () => {
    t = await createTestApp({ SMS_PHONE_PER_MINUTE: '100', SMS_PHONE_PER_DAY: '1000', SMS_IP_PER_MINUTE: '1000', SMS_IP_PER_DAY: '100000', ACCESS_TOKEN_TTL_SECONDS: String(90 * 86400) })
    staff = await makeStaff(t, '13731999001')
    lawyer = await inviteLawyer(t, staff, '13731999002', '孙律师')
  })
  after(() => t.close())

  /** A photo uploaded by `who`, with its row's storage keys. */
  async function photo(who: Person, width: number) {
    const bytes = await makeJpeg(width, 240)
    const uploaded = await uploadPhoto(t, who.token, bytes, { original: true })
    assert.equal(uploaded.statusCode, 201, uploaded.body)
    const id = uploaded.json().id as string
    const row = await t.ctx.db.selectFrom('evidence').select(['original_key', 'display_key', 'thumbnail_key']).where('id', '=', id).executeTakeFirstOrThrow()
    return { id, sha256: sha256(bytes), files: [row.original_key, row.display_key, row.thumbnail_key] }
  }
  const stored = (key: string) => storedFiles(t).some((file) => file.endsWith(key.split('/').at(-1)!))
  const question = (id: string) => t.ctx.db.selectFrom('qa_questions').selectAll().where('id', '=', id).executeTakeFirst()
  const evidence = (id: string) => t.ctx.db.selectFrom('evidence').select('id').where('id', '=', id).executeTakeFirst()
  async function asked(who: Person, sessionId: string, text: string, photoIds: string[] = []) {
    const response = await ask(t, who, sessionId, text, { photoIds, allowPublish: true })
    assert.equal(response.statusCode, 201, response.body)
    return response.json().id as string
  }

  test('deleting the account deletes unpublished questions with their photos; a published answer stays public without the asker', async () => {
    const sessionId = await scheduleSession(t, staff, [lawyer], ++sessionNumber, '美容美发预付卡')
    const person = await signIn(t, nextPhone())
    const waitingPhoto = await photo(person, 301)
    const answeredPhoto = await photo(person, 302)
    const publishedPhoto = await photo(person, 303)
    const waiting = await asked(person, sessionId, '理发店关门了，我充的 3000 元找谁要？', [waitingPhoto.id])
    const answeredOnly = await asked(person, sessionId, '健身房换了老板，原来的卡还能用吗？', [answeredPhoto.id])
    const published = await asked(person, sessionId, '美容院让我再充 5000 元才给退以前的钱，合理吗？', [publishedPhoto.id])
    assert.equal((await answer(t, lawyer, answeredOnly)).statusCode, 200)
    assert.equal((await answer(t, lawyer, published)).statusCode, 200)
    assert.equal((await publish(t, staff, published, '美容院要求再充值才退以前的余额，合理吗？', '不合理。以再充值为退款条件属于不公平格式条款，可以要求退还余额。')).statusCode, 200)
    assert.ok([waitingPhoto, answeredPhoto, publishedPhoto].every((p) => p.files.every(stored)), 'the photos are on disk before')

    const sent = await t.app.inject({ method: 'POST', url: '/api/account/deletion/sms-code', headers: bearer(person.token) })
    assert.equal(sent.statusCode, 200, sent.body)
    const code = t.sms.filter((sms) => sms.phone === person.phone).at(-1)!.code
    const requested = await t.app.inject({ method: 'POST', url: '/api/account/deletion', headers: bearer(person.token), payload: { code } })
    assert.equal(requested.statusCode, 200, requested.body)
    t.advance(8 * DAY)
    assert.equal((await completeDueAccountDeletions(t.ctx, { sendNotification: async () => {} })).completed, 1)

    assert.equal(await question(waiting), undefined, 'the unanswered question is gone')
    assert.equal(await question(answeredOnly), undefined, 'the answered, unpublished question is gone')
    for (const p of [waitingPhoto, answeredPhoto, publishedPhoto]) {
      assert.equal(await evidence(p.id), undefined, 'every photo row is gone')
      assert.ok(!p.files.some(stored), 'and its files')
    }
    const kept = await question(published)
    assert.equal(kept?.asker_id, null, 'the published question no longer points at the person')
    assert.equal(kept?.text, '', 'nor keeps their original wording')
    assert.equal(await t.ctx.db.selectFrom('qa_question_photos').select('evidence_id').where('question_id', 'in', [waiting, answeredOnly, published]).executeTakeFirst(), undefined)

    const page = await t.app.inject({ url: `/api/qa-sessions/${sessionId}` })
    assert.equal(page.statusCode, 200, page.body)
    assert.deepEqual(page.json().answers.map((a: { id: string; answer: string }) => [a.id, a.answer.slice(0, 3)]), [[published, '不合理']])
    const found = (await t.app.inject({ url: `/api/qa/search?q=${encodeURIComponent('充值')}` })).json()
    assert.ok(found.items.some((hit: { id: string }) => hit.id === published), 'the archive search still finds it')
  })

  test('deleting the account also unties a complaint filed from a question and withdraws a legal aid request, clearing its words', async () => {
    const sessionId = await scheduleSession(t, staff, [lawyer], ++sessionNumber, '家装纠纷')
    const person = await signIn(t, nextPhone())
    const questionId = await asked(person, sessionId, '装修公司收了定金就不来施工了，能退吗？')
    const suggested = { text: '可以要求退还定金。', citations: ['cpl-53'], nextSteps: ['保留收据'], actions: [{ kind: 'complaint' }] }
    assert.equal((await answer(t, lawyer, questionId, suggested)).statusCode, 200)
    const filed = await postComplaint(t, person.token, validComplaint(t, { sourceQuestionId: questionId, path: 'association' }))
    assert.equal(filed.statusCode, 201, filed.body)
    const complaintId = filed.json().id as string
    const aid = await t.app.inject({
      method: 'POST',
      url: `/api/complaints/${complaintId}/legal-aid`,
      headers: bearer(person.token),
      payload: { kind: 'consultation', description: '我叫王小明，想问问能不能要求双倍返还定金', consent: true },
    })
    assert.equal(aid.statusCode, 201, aid.body)
    const followUps = async () => (await t.app.inject({ url: '/api/lawyer/workspace', headers: bearer(lawyer.token) })).json().followUps as unknown[]
    assert.equal((await followUps()).length, 1, 'the lawyer follows the complaint before')

    const sent = await t.app.inject({ method: 'POST', url: '/api/account/deletion/sms-code', headers: bearer(person.token) })
    assert.equal(sent.statusCode, 200, sent.body)
    const code = t.sms.filter((sms) => sms.phone === person.phone).at(-1)!.code
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/account/deletion', headers: bearer(person.token), payload: { code } })).statusCode, 200)
    t.advance(8 * DAY)
    assert.equal((await completeDueAccountDeletions(t.ctx, { sendNotification: async () => {} })).completed, 1)

    assert.equal(await question(questionId), undefined, 'the unpublished question is gone')
    assert.equal(await t.ctx.db.selectFrom('qa_complaint_links').select('complaint_id').where('complaint_id', '=', complaintId).executeTakeFirst(), undefined)
    assert.ok(await t.ctx.db.selectFrom('complaints').select('id').where('id', '=', complaintId).executeTakeFirst(), 'the complaint itself stays (anonymized)')
    assert.deepEqual(await followUps(), [], 'the lawyer no longer follows it')
    const request = await t.ctx.db.selectFrom('legal_aid_requests').select(['status', 'description', 'consent_text']).where('complaint_id', '=', complaintId).executeTakeFirstOrThrow()
    assert.deepEqual(request, { status: 'withdrawn', description: '', consent_text: '' })
  })

  test('the export holds the questions, answers, publication consent and photos byte for byte', async () => {
    const sessionId = await scheduleSession(t, staff, [lawyer], ++sessionNumber, '网购退货')
    const person = await signIn(t, nextPhone())
    const first = await photo(person, 311)
    const second = await photo(person, 312)
    const answered = await asked(person, sessionId, '网店说定制商品不退，但我买的是普通衣服，怎么办？', [first.id, second.id])
    const privateOne = await ask(t, person, sessionId, '快递丢件了商家不管，能找谁？', { photoIds: [], allowPublish: false })
    assert.equal(privateOne.statusCode, 201)
    assert.equal((await answer(t, lawyer, answered, { text: '普通衣服适用七日无理由退货，商家不能以定制为由拒绝。', citations: ['cpl-25'], nextSteps: ['保存商品页面截图'] })).statusCode, 200)

    const requested = await t.app.inject({ method: 'POST', url: '/api/me/data-exports', headers: bearer(person.token) })
    assert.equal(requested.statusCode, 202, requested.body)
    assert.equal(await runDataExports(t.ctx, silent), 1)
    const ready = (await t.app.inject({ url: '/api/me/data-exports/latest', headers: bearer(person.token) })).json().current as DataExport
    assert.equal(ready.status, 'ready')
    assert.equal(ready.photoCount, 2)
    const files = await unzip((await fetchSigned(t, ready.downloadUrl!)).body)
    assert.match(files.get('README.txt')!.toString('utf8'), /律师答疑/)
    const questions = [...files.keys()].filter((name) => name.endsWith('/question.json')).map((name) => ({ name, json: JSON.parse(files.get(name)!.toString('utf8')) }))
    assert.equal(questions.length, 2)
    const withAnswer = questions.find((q) => q.json.id === answered)!
    assert.equal(withAnswer.json.question, '网店说定制商品不退，但我买的是普通衣服，怎么办？')
    assert.equal(withAnswer.json.allowPublish, true)
    assert.equal(withAnswer.json.answer.lawyer.name, '孙律师')
    assert.deepEqual(withAnswer.json.answer.nextSteps, ['保存商品页面截图'])
    assert.equal(withAnswer.json.answer.citations.length, 1)
    assert.equal(withAnswer.json.session.title, `第${sessionNumber}期`)
    const folder = withAnswer.name.slice(0, -'/question.json'.length)
    const inZip = withAnswer.json.photos.map((p: { file: string; sha256: string }) => {
      const bytes = files.get(`${folder}/${p.file}`)
      assert.ok(bytes, p.file)
      assert.equal(sha256(bytes), p.sha256)
      return p.sha256
    })
    assert.deepEqual(inZip.sort(), [first.sha256, second.sha256].sort())
    const unpublishable = questions.find((q) => q.json.id === privateOne.json().id)!
    assert.equal(unpublishable.json.allowPublish, false)
    assert.equal(unpublishable.json.answer, null)
  })

  test('unanswered questions go with their photos after the period from the session end; answered and other ones stay', async () => {
    assert.equal(t.ctx.config.retention.qa_questions, 30, 'the default period')
    const sessionId = await scheduleSession(t, staff, [lawyer], ++sessionNumber, '老年人保健品', 2)
    const laterSession = await scheduleSession(t, staff, [lawyer], ++sessionNumber, '旅游购物', 24 * 20)
    const person = await signIn(t, nextPhone())
    const lost = await photo(person, 321)
    const unanswered = await asked(person, sessionId, '给我爸推销保健品的人说能治病，怎么退？', [lost.id])
    const answered = await asked(person, sessionId, '保健品店不给开发票怎么办？')
    const stillOpen = await asked(person, laterSession, '导游强制购物，我能退团费吗？')
    assert.equal((await answer(t, lawyer, answered)).statusCode, 200)

    t.advance(2 * HOUR + 29 * DAY)
    assert.equal((await enforceRetention(t.ctx)).qa_questions, 0, 'not yet: 30 days after the session ended')
    assert.ok(await question(unanswered))

    t.advance(DAY + HOUR)
    const result = await enforceRetention(t.ctx)
    assert.equal(result.qa_questions, 1)
    assert.equal(await question(unanswered), undefined, 'the unanswered question is gone')
    assert.equal(await evidence(lost.id), undefined, 'with its photo row')
    assert.ok(!lost.files.some(stored), 'and its files')
    assert.ok(await question(answered), 'the answer stays for its asker')
    assert.ok(await question(stillOpen), 'a question of a session that has not ended long enough stays')
    // A month later both sign in again.
    const [again, staffAgain] = [await signIn(t, person.phone), await signIn(t, staff.phone)]
    const mineResponse = await t.app.inject({ url: '/api/qa/questions/mine', headers: bearer(again.token) })
    assert.equal(mineResponse.statusCode, 200, mineResponse.body)
    const mine = mineResponse.json().items as Array<{ id: string }>
    assert.deepEqual(mine.map((q) => q.id).sort(), [answered, stillOpen].sort())
    const session = (await t.app.inject({ url: '/api/staff/qa-sessions', headers: bearer(staffAgain.token) })).json().items.find((s: { id: string }) => s.id === sessionId)
    assert.equal(session.questionCount, 2, 'the counts of what was asked stay')
    assert.equal((await enforceRetention(t.ctx)).qa_questions, 0, 'a second run changes nothing')
  })
})

test('RETENTION_QA_QUESTIONS_DAYS sets the period; below 1 day is refused', async () => {
  const t = await createTestApp({ RETENTION_QA_QUESTIONS_DAYS: '90' })
  try {
    assert.equal(t.ctx.config.retention.qa_questions, 90)
  } finally {
    await t.close()
  }
  await assert.rejects(createTestApp({ RETENTION_QA_QUESTIONS_DAYS: '0' }), /RETENTION_QA_QUESTIONS_DAYS/)
})
