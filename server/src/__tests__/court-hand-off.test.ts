import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { chinaToday } from '../../../src/contract/complaint-rules'
import { caseDocumentsFor } from '../modules/evidence-package/case-documents'
import { sha256Hex } from '../modules/mediation-agreements/agreement-text'
import { agreementApi, lastCode, mediatingCase } from './support/agreements'
import { withoutGroupComplaints } from './support/complaints'
import { readPdf } from './support/pdf-text'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'
import { unzip } from './support/unzip'
import { act, complaintRow, createCast, type Cast } from './support/workflow'

const phone = (n: number) => `13972${String(n).padStart(6, '0')}`
const CONSUMER = phone(1)
const LIAISON = phone(3)
/** Set COURT_PDF_DIR to keep the PDFs made here (to render and look at them). */
const PDF_DIR = process.env.COURT_PDF_DIR

const referral = (courtCaseNumber: string, today: string) => ({ courtName: '杭州市西湖区人民法院', courtCaseNumber, receivedOn: today, courtDeadline: '2030-12-31' })
const pdfText = (pdf: Buffer) => readPdf(pdf).texts.join('')

describe(`court hand-off: 诉前委托调解, 支持诉讼函, 司法确认 materials (${TEST_DB})`, () => {
  let t: TestApp
  let cast: Cast
  let consumerB: string
  let today: string
  let caseNo = 100
  const nextCaseNumber = () => `（2026）浙0106民诉前调${caseNo++}号`
  before(async () => {
    t = await createTestApp({ SMS_PHONE_PER_MINUTE: '100', SMS_IP_PER_MINUTE: '500', SMS_PHONE_PER_DAY: '500', SMS_IP_PER_DAY: '5000' })
    cast = await createCast(t, '72')
    await withoutGroupComplaints(t)
    consumerB = (await loginByPhone(t, phone(9), '10.72.0.9')).accessToken
    today = chinaToday(t.ctx.now())
  })
  after(() => t.close())

  const court = (token: string, id: string) => t.app.inject({ method: 'GET', url: `/api/complaints/${id}/court`, headers: bearer(token) })
  const refer = (token: string, id: string, body: object) => t.app.inject({ method: 'POST', url: `/api/staff/complaints/${id}/court-referral`, headers: bearer(token), payload: body })
  const issue = (token: string, id: string) => t.app.inject({ method: 'POST', url: `/api/staff/complaints/${id}/litigation-letter`, headers: bearer(token) })
  const letterPdf = (token: string, id: string) => t.app.inject({ method: 'GET', url: `/api/complaints/${id}/litigation-letter/pdf`, headers: bearer(token) })
  const packet = (token: string, id: string) => t.app.inject({ method: 'GET', url: `/api/staff/complaints/${id}/judicial-confirmation-packet`, headers: bearer(token) })
  const referralRows = async () => Number((await t.ctx.db.selectFrom('court_referrals').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

  test('a court referral on a filed case: checked case number, shown on the case and in the queue; a number is referred once', async () => {
    const id = await mediatingCase(t, cast.consumer.token, cast.staff.token, cast.enterpriseId)
    const bad = await refer(cast.staff.token, id, referral('浙0106民诉前调1号', today))
    assert.equal(bad.statusCode, 422)
    assert.equal(bad.json().code, 'COURT_CASE_NUMBER_INVALID')
    assert.match(bad.json().message, /民诉前调/)
    const backwards = await refer(cast.staff.token, id, { ...referral(nextCaseNumber(), today), courtDeadline: '2020-01-01' })
    assert.equal(backwards.json().code, 'COURT_REFERRAL_DATES_INVALID')
    assert.equal(await referralRows(), 0)

    // Half-width brackets as typed on a phone keyboard are stored as the court writes them.
    const number = nextCaseNumber()
    const done = await refer(cast.staff.token, id, referral(number.replace('（', '(').replace('）', ')'), today))
    assert.equal(done.statusCode, 201, done.body)
    assert.equal(done.json().referral.courtCaseNumber, number)
    assert.equal(done.json().referral.courtDeadline, '2030-12-31')
    assert.ok(done.json().referral.courtDaysLeft > 0)

    // The consumer sees the court's deadline; another consumer and a liaison learn nothing.
    assert.equal((await court(cast.consumer.token, id)).json().referral.courtName, '杭州市西湖区人民法院')
    assert.equal((await court(consumerB, id)).statusCode, 404)
    assert.equal((await court(cast.liaison.token, id)).statusCode, 403)
    const events = await t.ctx.db.selectFrom('complaint_events').select(['type', 'note']).where('complaint_id', '=', id).where('type', '=', 'court_referred').execute()
    assert.match(events[0]!.note!, new RegExp(number.replace(/[（）]/g, '.')))

    const queue = await t.app.inject({ method: 'GET', url: '/api/staff/complaints?status=mediating', headers: bearer(cast.staff.token) })
    const item = queue.json().items.find((i: { id: string }) => i.id === id)
    assert.deepEqual(item.courtReferral, { caseNumber: number, deadline: '2030-12-31' })

    assert.equal((await refer(cast.staff.token, id, referral(nextCaseNumber(), today))).json().code, 'COURT_REFERRAL_EXISTS')
    const other = await mediatingCase(t, cast.consumer.token, cast.staff.token, cast.enterpriseId)
    const taken = await refer(cast.staff.token, other, referral(number, today))
    assert.equal(taken.statusCode, 409)
    assert.equal(taken.json().code, 'COURT_CASE_NUMBER_TAKEN')
    assert.equal((await complaintRow(t, other)).court_case_number, null)
  })

  test('a referred dispute never filed here becomes a case of the consumer named by phone; a taken number files nothing', async () => {
    const number = nextCaseNumber()
    const body = {
      referral: referral(number, today),
      consumer: { phone: phone(20), name: '刘大爷' },
      business: { name: '西湖畔茶食品有限公司', region: '浙江省/杭州市/西湖区' },
      industry: 'food',
      incidentDate: today,
      amountFen: 128_000,
      description: '在店里买的礼盒茶叶发霉，商家拒绝退货，消费者诉至法院，法院委托消协先行调解。',
      demands: ['refund'],
    }
    const made = await t.app.inject({ method: 'POST', url: '/api/staff/court-referrals', headers: bearer(cast.staff.token), payload: body })
    assert.equal(made.statusCode, 201, made.body)
    const { complaintId, complaintNumber } = made.json()
    // The person logs in with that phone and finds the case and the court's deadline.
    const person = (await loginByPhone(t, phone(20), '10.72.0.20')).accessToken
    const mine = await t.app.inject({ method: 'GET', url: `/api/complaints/${complaintId}`, headers: bearer(person) })
    assert.equal(mine.statusCode, 200)
    assert.equal(mine.json().number, complaintNumber)
    assert.equal(mine.json().status, 'awaiting_review')
    assert.equal((await court(person, complaintId)).json().referral.courtCaseNumber, number)

    const complaints = async () => Number((await t.ctx.db.selectFrom('complaints').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
    const before = await complaints()
    const again = await t.app.inject({ method: 'POST', url: '/api/staff/court-referrals', headers: bearer(cast.staff.token), payload: { ...body, consumer: { phone: phone(21), name: '另一位' } } })
    assert.equal(again.statusCode, 409)
    assert.equal(again.json().code, 'COURT_CASE_NUMBER_TAKEN')
    assert.equal(await complaints(), before)
  })

  test('支持诉讼函 only after failed mediation, once; the consumer downloads it, nobody else; it goes into the evidence package', async () => {
    const id = await mediatingCase(t, cast.consumer.token, cast.staff.token, cast.enterpriseId)
    const early = await issue(cast.staff.token, id)
    assert.equal(early.statusCode, 409)
    assert.equal(early.json().code, 'LITIGATION_LETTER_NOT_AFTER_FAILED_MEDIATION')
    assert.equal((await court(cast.staff.token, id)).json().canIssueLetter, false)
    const failed = await act(t, cast.staff.token, id, 'mediation_failed', { advice: 'support_litigation_letter', note: '商家拒不到场' })
    assert.equal(failed.statusCode, 200, failed.body)
    assert.equal((await court(cast.staff.token, id)).json().canIssueLetter, true)
    assert.equal((await issue(cast.consumer.token, id)).statusCode, 403)

    const issued = await issue(cast.staff.token, id)
    assert.equal(issued.statusCode, 201, issued.body)
    const letter = issued.json().letter
    const complaint = await complaintRow(t, id)
    assert.equal(letter.number, `支诉〔${today.slice(0, 4)}〕${complaint.number}号`)
    assert.equal(letter.issuerName, '陈主任')
    assert.equal((await issue(cast.staff.token, id)).json().code, 'LITIGATION_LETTER_EXISTS')

    const download = await letterPdf(cast.consumer.token, id)
    assert.equal(download.statusCode, 200)
    assert.equal(download.headers['content-type'], 'application/pdf')
    assert.equal(sha256Hex(download.rawPayload), letter.pdfSha256)
    const text = pdfText(download.rawPayload)
    for (const expected of ['支持诉讼函', letter.number, '第三十七条', '支持受损害的消费者提起诉讼', '证据清单', '调解未成功', complaint.business_name]) {
      assert.ok(text.includes(expected), `letter shows ${expected}`)
    }
    if (PDF_DIR) await writeFile(path.join(PDF_DIR, 'litigation-letter.pdf'), download.rawPayload)
    assert.equal((await letterPdf(consumerB, id)).statusCode, 404)
    assert.equal((await letterPdf(cast.liaison.token, id)).statusCode, 403)

    const event = await t.ctx.db.selectFrom('complaint_events').select(['note', 'actor_id']).where('complaint_id', '=', id).where('type', '=', 'litigation_letter_issued').executeTakeFirstOrThrow()
    assert.match(event.note!, /陈主任/)
    assert.equal(event.actor_id, cast.staff.id)
    const inbox = await t.ctx.db.selectFrom('notifications').select('title').where('recipient_id', '=', cast.consumer.id).where('complaint_id', '=', id).execute()
    assert.ok(inbox.some((n) => n.title.includes('支持诉讼函')))
    const documents = await caseDocumentsFor(t.ctx, complaint)
    const inPackage = documents.find((d) => d.name === 'litigation-support-letter.pdf')
    assert.equal(inPackage?.recordedSha256, letter.pdfSha256)
  })

  test('司法确认 materials: refused before both signed; then the cover sheet, the agreement, the parties and the evidence manifest, each hashed', async () => {
    const id = await mediatingCase(t, cast.consumer.token, cast.staff.token, cast.enterpriseId)
    assert.equal((await packet(cast.staff.token, id)).json().code, 'JUDICIAL_PACKET_AGREEMENT_NOT_SIGNED')
    const api = agreementApi(t, id)
    const drafted = (await api.draft(cast.staff.token)).json().agreement
    assert.equal((await packet(cast.staff.token, id)).statusCode, 409)
    for (const [who, number] of [[cast.consumer, CONSUMER], [cast.liaison, LIAISON]] as const) {
      await t.ctx.db.updateTable('users').set({ phone: number }).where('id', '=', who.id).execute()
      assert.equal((await api.code(who.token, drafted.textSha256)).statusCode, 200)
      assert.equal((await api.sign(who.token, drafted.textSha256, lastCode(t, number))).statusCode, 200)
    }
    assert.equal((await court(cast.staff.token, id)).json().canExportPacket, true)
    assert.equal((await packet(cast.consumer.token, id)).statusCode, 403)

    const answer = await packet(cast.staff.token, id)
    assert.equal(answer.statusCode, 200, answer.body)
    assert.equal(answer.headers['content-type'], 'application/zip')
    const files = await unzip(answer.rawPayload)
    assert.deepEqual([...files.keys()].sort(), ['cover-sheet.pdf', 'evidence-manifest.json', 'manifest.json', 'mediation-agreement.pdf', 'parties.json'])
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'))
    for (const file of manifest.files) assert.equal(sha256Hex(files.get(file.path)!), file.sha256, file.path)
    assert.equal(manifest.agreement.pdfSha256, sha256Hex(files.get('mediation-agreement.pdf')!))
    const parties = JSON.parse(files.get('parties.json')!.toString('utf8'))
    assert.deepEqual(parties.signatures.map((s: { party: string }) => s.party), ['consumer', 'business'])
    assert.equal(parties.consumer.accountPhone, CONSUMER)
    const cover = pdfText(files.get('cover-sheet.pdf')!)
    for (const expected of ['司法确认', '请求人民法院确认', '三十日内', '确认调解协议案件', manifest.applyBy]) assert.ok(cover.includes(expected), `cover shows ${expected}`)
    if (PDF_DIR) await writeFile(path.join(PDF_DIR, 'cover-sheet.pdf'), files.get('cover-sheet.pdf')!)
  })
})
