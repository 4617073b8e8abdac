import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { after, before, describe, test } from 'node:test'
import { sha256Hex } from '../modules/mediation-agreements/agreement-text'
import { listCaseDocuments } from '../modules/mediation-agreements/agreement-documents'
import { caseDocumentsFor } from '../modules/evidence-package/case-documents'
import { agreementApi, DRAFT, lastCode, mediatingCase } from './support/agreements'
import { glyphsWithOutlines, readPdf } from './support/pdf-text'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { createCast, type Cast } from './support/workflow'

const phone = (n: number) => `13971${String(n).padStart(6, '0')}`
const CONSUMER = phone(1)
const LIAISON = phone(3)

describe(`mediation agreement: draft, versions, SMS signatures, PDF, verification (${TEST_DB})`, () => {
  let t: TestApp
  let cast: Cast
  before(async () => {
    t = await createTestApp({ SMS_PHONE_PER_MINUTE: '100', SMS_IP_PER_MINUTE: '500', SMS_PHONE_PER_DAY: '500', SMS_IP_PER_DAY: '5000', PUBLIC_URL: 'https://weiquan.example.cn' })
    cast = await createCast(t, '71')
  })
  after(() => t.close())

  const fresh = async () => {
    const id = await mediatingCase(t, cast.consumer.token, cast.staff.token, cast.enterpriseId)
    return { id, api: agreementApi(t, id) }
  }

  test('only a mediator of the case drafts; parties review it; a past date or a second draft is refused', async () => {
    const { id, api } = await fresh()
    assert.equal((await api.draft(cast.consumer.token)).statusCode, 403)
    assert.equal((await api.draft(cast.liaison.token)).statusCode, 403)
    const past = await api.draft(cast.staff.token, { ...DRAFT, terms: { ...DRAFT.terms, dueDate: '2020-01-01' } })
    assert.equal(past.json().code, 'AGREEMENT_DATE_INVALID')
    const drafted = await api.draft(cast.staff.token)
    assert.equal(drafted.statusCode, 201, drafted.body)
    const agreement = drafted.json().agreement
    assert.equal(agreement.version, 1)
    assert.match(agreement.text, /被申请人于 2030 年 1 月 10 日前向申请人支付人民币 1,999.00 元/)
    assert.equal(agreement.textSha256, sha256Hex(agreement.text))
    assert.equal((await api.draft(cast.staff.token)).json().code, 'AGREEMENT_EXISTS')
    // Both parties read the same text; the other enterprise's liaison does not see it.
    assert.equal((await api.get(cast.consumer.token)).json().agreement.textSha256, agreement.textSha256)
    const business = (await api.get(cast.liaison.token)).json()
    assert.equal(business.agreement.mySide, 'business')
    assert.equal(business.canEdit, false)
    assert.equal((await api.get(cast.otherLiaison.token)).statusCode, 404)
    const due = await t.ctx.db.selectFrom('mediation_agreements').select(['due_date', 'amount_fen']).where('complaint_id', '=', id).executeTakeFirstOrThrow()
    assert.deepEqual({ ...due, amount_fen: Number(due.amount_fen) }, { due_date: '2030-01-10', amount_fen: 199_900 })
  })

  test('a staff member without the mediation permission cannot draft', async () => {
    const { api } = await fresh()
    const membership = await t.ctx.db.selectFrom('staff_memberships').selectAll().where('user_id', '=', cast.colleague.id).executeTakeFirst()
    if (membership) await t.ctx.db.updateTable('staff_memberships').set({ can_mediate: 0 }).where('user_id', '=', cast.colleague.id).execute()
    else await t.ctx.db.insertInto('staff_memberships').values({ user_id: cast.colleague.id, organization_id: (await t.ctx.db.selectFrom('organizations').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow()).id, station_id: null, can_manage: 0, can_mediate: 0, created_at: t.ctx.now().toISOString() }).execute()
    assert.equal((await api.draft(cast.colleague.token)).statusCode, 403)
  })

  test('signing: own code, current text, once; an edit voids signatures and is recorded; both signed → PDF that verifies', async () => {
    const { id, api } = await fresh()
    const v1 = (await api.draft(cast.staff.token)).json().agreement
    const rowsBefore = async () => t.ctx.db.selectFrom('mediation_agreement_signatures').selectAll().execute()

    // The code goes to the caller's own phone, whatever they might type.
    const sent = await api.code(cast.consumer.token, v1.textSha256)
    assert.equal(sent.statusCode, 200, sent.body)
    assert.equal(sent.json().phone, '139****0001')
    assert.equal((await api.code(cast.liaison.token, v1.textSha256)).statusCode, 200)
    const before = (await rowsBefore()).length
    // Another person's code, a stale text, a garbled hash: refused, nothing written.
    assert.equal((await api.sign(cast.consumer.token, v1.textSha256, lastCode(t, LIAISON))).json().code, 'SMS_CODE_INVALID')
    assert.equal((await api.sign(cast.consumer.token, 'a'.repeat(64), lastCode(t, CONSUMER))).json().code, 'AGREEMENT_TEXT_CHANGED')
    assert.equal((await api.sign(cast.consumer.token, 'xyz', lastCode(t, CONSUMER))).statusCode, 400)
    assert.equal((await rowsBefore()).length, before)
    // A signing code cannot log in.
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/phone', payload: { phone: CONSUMER, code: lastCode(t, CONSUMER) } })
    assert.equal(login.statusCode, 400)

    const signed = await api.sign(cast.consumer.token, v1.textSha256, lastCode(t, CONSUMER), '10.9.7.7')
    assert.equal(signed.statusCode, 200, signed.body)
    assert.deepEqual(signed.json().agreement.signatures.map((s: { party: string }) => s.party), ['consumer'])
    const row = await t.ctx.db.selectFrom('mediation_agreement_signatures').selectAll().where('signer_id', '=', cast.consumer.id).executeTakeFirstOrThrow()
    assert.deepEqual([row.ip, row.text_sha256, row.version], ['10.9.7.7', v1.textSha256, 1])
    await api.code(cast.consumer.token, v1.textSha256).then((r) => assert.equal(r.json().code, 'AGREEMENT_ALREADY_SIGNED'))
    assert.equal((await api.sign(cast.consumer.token, v1.textSha256, lastCode(t, CONSUMER))).json().code, 'AGREEMENT_ALREADY_SIGNED')

    // The liaison holds a code for version 1; the mediator changes the amount: the consumer's signature is void.
    const v2 = (await api.edit(cast.staff.token, 1, { ...DRAFT, terms: { ...DRAFT.terms, amountFen: 150_000 } })).json().agreement
    assert.equal(v2.version, 2)
    assert.ok(v2.signatures.every((s: { voidedAt: string | null }) => s.voidedAt !== null))
    assert.equal((await api.edit(cast.staff.token, 1, DRAFT)).json().code, 'AGREEMENT_VERSION_CHANGED')
    const events = await t.ctx.db.selectFrom('complaint_events').select('type').where('complaint_id', '=', id).where(sql<boolean>`type like 'agreement_%'`).orderBy('created_at').execute()
    assert.deepEqual(events.map((e) => e.type), ['agreement_drafted', 'agreement_signed', 'agreement_revised', 'agreement_signatures_voided'])
    // The version-1 code signs neither version 1 (gone) nor version 2 (another text).
    assert.equal((await api.sign(cast.liaison.token, v1.textSha256, lastCode(t, LIAISON))).json().code, 'AGREEMENT_TEXT_CHANGED')
    assert.equal((await api.sign(cast.liaison.token, v2.textSha256, lastCode(t, LIAISON))).json().code, 'SMS_CODE_INVALID')

    for (const [who, number] of [[cast.consumer, CONSUMER], [cast.liaison, LIAISON]] as const) {
      assert.equal((await api.code(who.token, v2.textSha256)).statusCode, 200)
      const answer = await api.sign(who.token, v2.textSha256, lastCode(t, number))
      assert.equal(answer.statusCode, 200, answer.body)
    }
    const effective = (await api.get(cast.staff.token)).json()
    assert.equal(effective.agreement.status, 'effective')
    assert.equal(effective.canEdit, false)
    assert.equal((await api.edit(cast.staff.token, 2, DRAFT)).json().code, 'AGREEMENT_EFFECTIVE')

    const pdf = await api.pdf(cast.consumer.token)
    assert.equal(pdf.statusCode, 200)
    assert.equal(pdf.headers['content-type'], 'application/pdf')
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-')
    const { texts, gids, fonts } = readPdf(pdf.rawPayload)
    const all = texts.join('\n')
    for (const expected of ['申请人（消费者）', '被申请人于 2030 年 1 月 10 日前向申请人支付人民币 1,500.00 元', '签署记录', v2.textSha256, 'https://weiquan.example.cn/packages/agreement/pages/verify/index?h=']) {
      assert.ok(all.includes(expected), `PDF text lacks ${expected}`)
    }
    assert.equal(fonts.length, 2, 'regular and bold, embedded')
    for (const font of fonts) {
      assert.ok(font.length < 200_000, `font subset, not the whole 10 MB font (${font.length} bytes)`)
      const { drawn, withOutline } = glyphsWithOutlines(font, gids)
      assert.ok(drawn > 20 && withOutline / drawn > 0.9, `glyphs with outlines: ${withOutline}/${drawn}`)
    }

    // Anyone can check: the text hash and the PDF's own hash are valid; version 1 is void; a forged hash is unknown.
    const verify = (hash: string) => t.app.inject({ method: 'GET', url: `/api/agreement-verifications/${hash}` })
    assert.deepEqual((await verify(v2.textSha256)).json(), { status: 'valid', consumer: effective.agreement.parties.consumer[0] + '*'.repeat([...effective.agreement.parties.consumer].length - 1), business: '示例******公司' })
    assert.equal((await verify(sha256Hex(pdf.rawPayload))).json().status, 'valid')
    assert.equal((await verify(v1.textSha256)).json().status, 'void')
    assert.equal((await verify('0'.repeat(64))).statusCode, 404)
    assert.equal((await verify('not-a-hash')).statusCode, 400)

    const documents = await listCaseDocuments(t.ctx, id)
    assert.equal(documents.length, 1)
    assert.equal(documents[0]!.sha256, sha256Hex(documents[0]!.bytes))
    assert.equal(documents[0]!.sha256, sha256Hex(pdf.rawPayload))
    // The court-ready evidence package carries it, to be checked against the signature record.
    const inPackage = await caseDocumentsFor(t.ctx, (await t.ctx.db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirstOrThrow()))
    assert.deepEqual(inPackage.map((d) => [d.name, d.title, d.recordedSha256]), [['mediation-agreement.pdf', '调解协议书', sha256Hex(pdf.rawPayload)]])
  })

  test('an edit racing a signature never leaves a signature over a text that is not current', async () => {
    const { api } = await fresh()
    let current = (await api.draft(cast.staff.token)).json().agreement
    const outcomes = new Set<string>()
    for (let round = 0; round < 6; round++) {
      assert.equal((await api.code(cast.consumer.token, current.textSha256)).statusCode, 200)
      const code = lastCode(t, CONSUMER)
      const edited = { ...DRAFT, otherTerms: `第 ${round} 次修改` }
      const [edit, sign] = await Promise.all([api.edit(cast.staff.token, current.version, edited), api.sign(cast.consumer.token, current.textSha256, code)])
      assert.equal(edit.statusCode, 200, edit.body)
      outcomes.add(`${sign.statusCode}`)
      assert.ok([200, 409].includes(sign.statusCode), sign.body)
      current = edit.json().agreement
      const agreement = await t.ctx.db.selectFrom('mediation_agreements').selectAll().where('id', '=', current.id).executeTakeFirstOrThrow()
      const live = await t.ctx.db.selectFrom('mediation_agreement_signatures').selectAll().where('agreement_id', '=', current.id).where('voided_at', 'is', null).execute()
      assert.ok(live.every((s) => s.version === agreement.version && s.text_sha256 === agreement.text_sha256), 'a live signature over an old text')
      assert.equal(Number(agreement.signature_count), live.length)
    }
    // Two signatures of one party at once: one lands.
    assert.equal((await api.code(cast.liaison.token, current.textSha256)).statusCode, 200)
    const code = lastCode(t, LIAISON)
    const both = await Promise.all([api.sign(cast.liaison.token, current.textSha256, code), api.sign(cast.liaison.token, current.textSha256, code)])
    const statuses = both.map((r) => r.statusCode).sort()
    assert.equal(statuses[0], 200)
    assert.ok([400, 409].includes(statuses[1]!), 'the second is refused: code spent or already signed')
    const signatures = await t.ctx.db.selectFrom('mediation_agreement_signatures').select('id').where('agreement_id', '=', current.id).where('voided_at', 'is', null).execute()
    assert.equal(signatures.length, 1)
  })

  test('the PDF is refused before both signed, and to people outside the case', async () => {
    const { api } = await fresh()
    await api.draft(cast.staff.token)
    assert.equal((await api.pdf(cast.consumer.token)).json().code, 'AGREEMENT_PDF_NOT_READY')
    assert.equal((await api.pdf(cast.otherLiaison.token)).statusCode, 404)
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/complaints/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/agreement`, headers: bearer(cast.staff.token) })).statusCode, 404)
  })
})
