import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { runAdminCommand } from '../cli/admin-commands'
import { addWorkingDays } from '../modules/workflow/working-days'
import { containsPersonalNumber } from '../modules/bad-faith-findings/finding-pii'
import { DEFAULT_ORGANIZATION_ID } from '../modules/organizations/organizations.repository'
import { createOrganization } from '../modules/organizations/organizations.service'
import { fileComplaint } from './support/complaints'
import { makeJpeg, multipart } from './support/photos'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'

const DAY = 86_400_000
const FACTS = '该企业在 2026 年内收到 12 件预付卡投诉，经调解承诺退款后均未履行；消费者王女士（电话 13912345678）多次催告未果。'

describe(`bad-faith findings: propose → appeal → another staff decides → published (${TEST_DB})`, () => {
  let t: TestApp
  const token: Record<string, string> = {}
  const id: Record<string, string> = {}
  let enterpriseE: string
  let enterpriseF: string
  let cityPath: string
  let ownCase: string
  let siblingCase: string

  const phones: Record<string, string> = {}
  async function signIn(name: string, phone: string) {
    phones[name] = phone
    const login = await loginByPhone(t, phone)
    token[name] = login.accessToken
    id[name] = login.user.id
  }
  /** Moves the clock on; access tokens expire meanwhile, so everyone signs in again. */
  async function later(ms: number) {
    t.advance(ms)
    for (const [name, phone] of Object.entries(phones)) await signIn(name, phone)
  }

  const api = (method: 'GET' | 'POST' | 'PUT', url: string, who: string | null, payload?: object) =>
    t.app.inject({ method, url: `/api${url}`, headers: who ? bearer(token[who]!) : {}, ...(payload ? { payload } : {}) })
  const propose = (who: string, overrides: object = {}) =>
    api('POST', '/staff/credit-findings', who, { enterpriseId: enterpriseE, basisCode: 'cpl-37-expose', facts: FACTS, caseIds: [ownCase], months: 6, ...overrides })
  const decide = (who: string, findingId: string, outcome = 'publish') =>
    api('POST', `/staff/credit-findings/${findingId}/decision`, who, { outcome, reasons: '企业申辩称已退款，但未提供任何退款凭证，申辩不成立。' })

  before(async () => {
    t = await createTestApp({ SMS_PHONE_PER_MINUTE: '1000', SMS_IP_PER_MINUTE: '1000', SMS_IP_PER_DAY: '100000', SMS_PHONE_PER_DAY: '1000' })
    const city = await createOrganization(t.ctx.db, { name: '测试市消费者协会', level: 'city', regionCode: '3301', parentId: DEFAULT_ORGANIZATION_ID }, t.ctx.now())
    const sibling = await createOrganization(t.ctx.db, { name: '测试邻市消费者协会', level: 'city', regionCode: '3302', parentId: DEFAULT_ORGANIZATION_ID }, t.ctx.now())
    cityPath = city.path
    const people = [
      ['manager', '13975000001', { manage: true }],
      ['proposer', '13975000002', {}],
      ['decider', '13975000003', {}],
      ['decider2', '13975000004', {}],
      ['plain', '13975000005', {}],
    ] as const
    for (const [name, phone, options] of people) {
      await runAdminCommand(t.ctx.db, 'add-staff', { phone, name, organization: city.name, ...options })
      await signIn(name, phone)
    }
    await runAdminCommand(t.ctx.db, 'add-staff', { phone: '13975000006', name: '邻市干事', organization: sibling.name })
    await t.ctx.db.updateTable('staff_memberships').set({ can_credit_findings: 1 }).where('user_id', '=', (await t.ctx.db.selectFrom('users').select('id').where('phone', '=', '13975000006').executeTakeFirstOrThrow()).id).execute()
    await signIn('siblingStaff', '13975000006')
    await runAdminCommand(t.ctx.db, 'create-enterprise', { phone: '13975000007', name: '张经理', enterprise: '示例健身连锁有限公司' })
    await runAdminCommand(t.ctx.db, 'create-enterprise', { phone: '13975000008', name: '赵经理', enterprise: '示例美容有限公司' })
    await signIn('liaisonE', '13975000007')
    await signIn('liaisonF', '13975000008')
    await signIn('consumer', '13975000009')
    const enterprise = async (name: string) => (await t.ctx.db.selectFrom('enterprises').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id
    enterpriseE = await enterprise('示例健身连锁有限公司')
    enterpriseF = await enterprise('示例美容有限公司')
    const held = async (enterpriseId: string, name: string, organization: { id: string; path: string }) => {
      const complaint = await fileComplaint(t, token.consumer!, { business: { name, enterpriseId }, path: 'association' })
      await t.ctx.db.updateTable('complaints').set({ organization_id: organization.id, organization_path: organization.path }).where('id', '=', complaint.id).execute()
      return complaint.id as string
    }
    ownCase = await held(enterpriseE, '示例健身连锁有限公司', city)
    siblingCase = await held(enterpriseE, '示例健身连锁有限公司', sibling)
    id.caseF = await held(enterpriseF, '示例美容有限公司', city)
  })
  after(() => t.close())

  test('a manager grants 失信认定; staff without it are refused (403) and see it off on the member list', async () => {
    assert.equal((await propose('proposer')).statusCode, 403)
    assert.equal((await propose('proposer')).json().code, 'CREDIT_PERMISSION_REQUIRED')
    const city = (await t.ctx.db.selectFrom('organizations').select('id').where('path', '=', cityPath).executeTakeFirstOrThrow()).id
    for (const member of ['proposer', 'decider', 'decider2']) {
      const response = await api('PUT', `/staff/organizations/${city}/members/${id[member]}`, 'manager', { canManage: false, canMediate: true, canCreditFindings: true, stationId: null })
      assert.equal(response.statusCode, 200, response.body)
    }
    const members = (await api('GET', `/staff/organizations/${city}/members`, 'manager')).json().members as Array<{ userId: string; canCreditFindings: boolean }>
    assert.equal(members.find((m) => m.userId === id.decider)?.canCreditFindings, true)
    assert.equal(members.find((m) => m.userId === id.plain)?.canCreditFindings, false)
    // Setting 调解 without mentioning 失信认定 leaves it as it is.
    await api('PUT', `/staff/organizations/${city}/members/${id.decider2}`, 'manager', { canManage: false, canMediate: true, stationId: null })
    const again = (await api('GET', `/staff/organizations/${city}/members`, 'manager')).json().members as Array<{ userId: string; canCreditFindings: boolean }>
    assert.equal(again.find((m) => m.userId === id.decider2)?.canCreditFindings, true)
    assert.equal((await api('GET', '/staff/credit-findings', 'plain')).statusCode, 403)
  })

  test('bad input is refused with {code, message} and writes nothing', async () => {
    const cases: Array<[object, number, string]> = [
      [{ facts: '太短了' }, 400, 'VALIDATION_FAILED'],
      [{ facts: ' '.repeat(12) + '短' }, 400, 'VALIDATION_FAILED'],
      [{ months: '6' }, 400, 'VALIDATION_FAILED'],
      [{ months: 0 }, 400, 'VALIDATION_FAILED'],
      [{ basisCode: 'made-up' }, 400, 'VALIDATION_FAILED'],
      [{ caseIds: [] }, 400, 'VALIDATION_FAILED'],
      [{ caseIds: [siblingCase] }, 422, 'CREDIT_FINDING_CASE_INVALID'],
      [{ caseIds: [id.caseF] }, 422, 'CREDIT_FINDING_CASE_INVALID'],
      [{ enterpriseId: 'no-such-enterprise' }, 422, 'FINDING_ENTERPRISE_NOT_FOUND'],
    ]
    for (const [overrides, status, code] of cases) {
      const response = await propose('proposer', overrides)
      assert.equal(response.statusCode, status, `${JSON.stringify(overrides)}: ${response.body}`)
      assert.equal(response.json().code, code)
      assert.match(response.json().message, /[\u4e00-\u9fa5]/)
    }
    const rows = await t.ctx.db.selectFrom('bad_faith_findings').select('id').execute()
    assert.equal(rows.length, 0)
  })

  test('the case picker offers the enterprise’s complaints this organization handled, not a sibling’s', async () => {
    const items = (await api('GET', `/staff/credit-findings/cases?enterpriseId=${enterpriseE}`, 'proposer')).json().items as Array<{ id: string }>
    assert.deepEqual(items.map((c) => c.id), [ownCase])
  })

  test('propose: the liaison is told and has the appeal window; a second open proposal is 409; the proposer cannot decide', async () => {
    const response = await propose('proposer')
    assert.equal(response.statusCode, 201, response.body)
    const finding = response.json()
    id.finding = finding.id
    assert.equal(finding.state, 'appeal_open')
    assert.equal(finding.appealDueAt, addWorkingDays(t.ctx.now(), 10).toISOString())
    assert.deepEqual(finding.cases.map((c: { id: string }) => c.id), [ownCase])
    const inbox = (await api('GET', '/notifications', 'liaisonE')).json().items as Array<{ type: string; title: string; link: string }>
    assert.ok(inbox.some((n) => n.type === 'credit_finding' && n.link.includes(finding.id)), JSON.stringify(inbox))

    const second = await propose('decider')
    assert.equal(second.statusCode, 409)
    assert.equal(second.json().code, 'CREDIT_FINDING_OPEN_EXISTS')

    const own = await decide('proposer', finding.id)
    assert.equal(own.statusCode, 403)
    assert.equal(own.json().code, 'FINDING_SAME_STAFF')
    const early = await decide('decider', finding.id)
    assert.equal(early.statusCode, 409)
    assert.equal(early.json().code, 'CREDIT_FINDING_APPEAL_PENDING')
    // Not published before a decision.
    assert.equal((await api('GET', '/credit-findings', null)).json().items.length, 0)
    // A sibling organization's staff do not even see it.
    assert.equal((await decide('siblingStaff', finding.id)).statusCode, 404)
  })

  test('the enterprise appeals once, with a photo; another enterprise is 404; a second appeal is 409', async () => {
    const form = multipart([{ name: 'file', filename: 'receipt.jpg', contentType: 'image/jpeg', bytes: await makeJpeg(64, 48) }])
    const upload = await t.app.inject({ method: 'POST', url: '/api/evidence', headers: { ...bearer(token.liaisonE!), ...form.headers }, payload: form.payload })
    assert.equal(upload.statusCode, 201, upload.body)
    const appeal = { text: '我司已于 11 月向 8 位会员退款，附银行回单。', photoIds: [upload.json().id] }
    assert.equal((await api('POST', `/enterprise/credit-findings/${id.finding}/appeal`, 'liaisonF', appeal)).statusCode, 404)
    const response = await api('POST', `/enterprise/credit-findings/${id.finding}/appeal`, 'liaisonE', appeal)
    assert.equal(response.statusCode, 200, response.body)
    assert.equal(response.json().state, 'awaiting_decision')
    assert.equal(response.json().appeal.photos.length, 1)
    const again = await api('POST', `/enterprise/credit-findings/${id.finding}/appeal`, 'liaisonE', { text: '补充一些说明内容。', photoIds: [] })
    assert.equal(again.statusCode, 409)
    assert.equal(again.json().code, 'CREDIT_FINDING_ALREADY_APPEALED')
    // Staff read the appeal and its photo on the desk.
    const desk = (await api('GET', '/staff/credit-findings', 'decider')).json()
    const item = desk.items.find((f: { id: string }) => f.id === id.finding)
    assert.equal(item.appeal.photos.length, 1)
    assert.equal(item.canDecide, true)
    assert.equal((await api('GET', '/staff/credit-findings', 'proposer')).json().items[0].canDecide, false)
  })

  test('two staff decide at once: one 200, one 409; the finding is published on the enterprise page with phones masked', async () => {
    const [a, b] = await Promise.all([decide('decider', id.finding!), decide('decider2', id.finding!)])
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409])
    assert.equal((a.statusCode === 409 ? a : b).json().code, 'CREDIT_FINDING_ALREADY_DECIDED')
    const published = (await api('GET', `/enterprises/${enterpriseE}/credit-findings`, null)).json().items
    assert.equal(published.length, 1)
    assert.equal(published[0].state, 'published')
    assert.equal(published[0].basis.article, '第三十七条')
    assert.equal(published[0].months, 6)
    assert.match(published[0].appealSummary, /退款/)
    assert.match(published[0].decisionReasons, /申辩不成立/)
    assert.doesNotMatch(published[0].facts, /13912345678/)
    const all = (await api('GET', '/credit-findings', null)).json().items
    assert.deepEqual(all.map((f: { id: string }) => f.id), [id.finding])
    for (const finding of all) {
      for (const text of [finding.facts, finding.appealSummary ?? '', finding.decisionReasons]) assert.equal(containsPersonalNumber(text), false, text)
    }
    assert.equal((await decide('decider', id.finding!, 'reject')).statusCode, 409)
  })

  test('a late appeal is 409; a finding decided 不予认定 is never public', async () => {
    const response = await propose('proposer', { enterpriseId: enterpriseF, caseIds: [id.caseF] })
    assert.equal(response.statusCode, 201, response.body)
    const findingF = response.json().id as string
    await later(20 * DAY)
    const late = await api('POST', `/enterprise/credit-findings/${findingF}/appeal`, 'liaisonF', { text: '我们晚了几天才看到通知。', photoIds: [] })
    assert.equal(late.statusCode, 409)
    assert.equal(late.json().code, 'CREDIT_FINDING_APPEAL_CLOSED')
    const mine = (await api('GET', '/enterprise/credit-findings', 'liaisonF')).json().items
    assert.equal(mine[0].canAppeal, false)
    assert.equal((await decide('decider', findingF, 'reject')).statusCode, 200)
    assert.equal((await api('GET', `/enterprises/${enterpriseF}/credit-findings`, null)).json().items.length, 0)
  })

  test('lifting early takes two staff (the same one twice is 403) and leaves a record; expiry ends the publication by itself', async () => {
    const first = await api('POST', `/staff/credit-findings/${id.finding}/lift`, 'proposer', { reason: '企业已全部退款并提交凭证，经核实属实。' })
    assert.equal(first.statusCode, 200, first.body)
    assert.equal(first.json().state, 'published')
    const same = await api('POST', `/staff/credit-findings/${id.finding}/lift`, 'proposer', { reason: '企业已全部退款并提交凭证，经核实属实。' })
    assert.equal(same.statusCode, 403)
    assert.equal(same.json().code, 'FINDING_SAME_STAFF')
    const second = await api('POST', `/staff/credit-findings/${id.finding}/lift`, 'decider2', { reason: '核对了退款凭证，同意撤销公示。' })
    assert.equal(second.statusCode, 200, second.body)
    assert.equal(second.json().state, 'lifted')
    assert.equal(second.json().lift.liftedBy, 'decider2')
    assert.equal((await api('GET', '/credit-findings', null)).json().items.length, 0)

    // A new finding about E, published, then the clock passes its months: gone from the public pages.
    const response = await propose('decider', { months: 1 })
    assert.equal(response.statusCode, 201, response.body)
    await later(20 * DAY)
    assert.equal((await decide('proposer', response.json().id)).statusCode, 200)
    assert.equal((await api('GET', '/credit-findings', null)).json().items.length, 1)
    await later(32 * DAY)
    assert.equal((await api('GET', '/credit-findings', null)).json().items.length, 0)
    assert.equal((await api('GET', `/enterprises/${enterpriseE}/credit-findings`, null)).json().items.length, 0)
    const desk = (await api('GET', '/staff/credit-findings', 'decider')).json().items as Array<{ id: string; state: string }>
    assert.equal(desk.find((f) => f.id === response.json().id)?.state, 'expired')
  })
})
