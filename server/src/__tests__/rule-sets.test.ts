import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { ComplaintDetail } from '../../../src/contract/complaint'
import type { RuleSet, RuleSetVersionRequest } from '../../../src/contract/rule-set'
import { addWorkingDays } from '../modules/workflow/working-days'
import { fileComplaint } from './support/complaints'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { act, complaintRow, createCast, fileOdrComplaint, readComplaint, type Cast } from './support/workflow'

const china = (local: string) => new Date(`${local}+08:00`).toISOString()

describe(`rule sets (${TEST_DB})`, () => {
  let t: TestApp
  let cast: Cast
  before(async () => {
    // The clock moves over months here: keep the sign-ins valid throughout.
    t = await createTestApp({ ACCESS_TOKEN_TTL_SECONDS: String(365 * 86_400), REFRESH_TOKEN_TTL_DAYS: '365' })
    t.setNow(china('2026-03-01T10:00:00'))
    cast = await createCast(t, '61')
  })
  after(() => t.close())

  const detail = async (id: string, token = cast.consumer.token) => (await readComplaint(t, token, id)).json() as ComplaintDetail
  const ruleSet = async (id: string) => (await t.app.inject({ method: 'GET', url: `/api/rule-sets/${id}` })).json() as RuleSet
  const publish = (token: string, code: string, body: RuleSetVersionRequest) =>
    t.app.inject({ method: 'POST', url: `/api/staff/rule-sets/${code}/versions`, headers: bearer(token), payload: body })
  const requestFrom = (rules: RuleSet): RuleSetVersionRequest => ({
    name: rules.name,
    issuingBody: rules.issuingBody,
    document: rules.document,
    documentNumber: rules.documentNumber,
    inForceFrom: rules.inForceFrom,
    inForceTo: rules.inForceTo,
    content: structuredClone(rules.content),
  })

  test('each step takes its deadline from the case rules: enterprise answer, acceptance decision, mediation', async () => {
    const filedAt = china('2026-03-02T09:00:00')
    t.setNow(filedAt)
    const odr = await fileOdrComplaint(t, cast)
    assert.equal((await complaintRow(t, odr.id)).due_at, addWorkingDays(new Date(filedAt), 10).toISOString())
    assert.equal((await detail(odr.id)).nextStep?.basis?.verified, false, 'the ODR answer period is the platform agreement, not law')

    const filed = await fileComplaint(t, cast.consumer.token)
    assert.equal((await complaintRow(t, filed.id)).due_at, addWorkingDays(new Date(filedAt), 7).toISOString())
    const acceptedAt = china('2026-03-05T15:00:00')
    t.setNow(acceptedAt)
    assert.equal((await act(t, cast.staff.token, filed.id, 'accept', {})).statusCode, 200)
    const row = await complaintRow(t, filed.id)
    assert.deepEqual([row.due_kind, row.due_at], ['mediation', addWorkingDays(new Date(acceptedAt), 45).toISOString()])
    const accepted = await detail(filed.id)
    assert.equal(accepted.nextStep?.text, '消协已受理，将在 45 个工作日内组织调解')
    assert.equal(accepted.nextStep?.basis?.article, '第二十一条')
  })

  test('refusal grounds are the case rule set’s: another set’s ground is refused, the chosen one shows its article', async () => {
    t.setNow(china('2026-03-10T10:00:00'))
    const filed = await fileComplaint(t, cast.consumer.token)
    const grounds = (await detail(filed.id, cast.staff.token)).rules.refusalGrounds
    assert.ok(grounds.some((g) => g.code === 'over_three_years' && g.article === '第十五条第（四）项' && g.verified))
    // 'no_respondent' is a ground of the association rules, not of the 2019 measure.
    const foreign = await act(t, cast.staff.token, filed.id, 'reject', { ground: 'no_respondent' })
    assert.deepEqual([foreign.statusCode, foreign.json().code], [422, 'REFUSAL_GROUND_NOT_IN_RULES'])
    assert.equal((await complaintRow(t, filed.id)).status, 'awaiting_review')
    assert.equal((await act(t, cast.staff.token, filed.id, 'reject', { ground: 'over_three_years' })).statusCode, 200)
    const rejected = await detail(filed.id)
    assert.equal(rejected.rules.rejection?.article, '第十五条第（四）项')
    assert.match(rejected.rules.rejection?.text ?? '', /超过三年/)
  })

  test('a complaint filed on 2026-04-14 (China time) keeps the 2019 measure; one filed on 2026-04-15 gets the 2026 measure', async () => {
    t.setNow(china('2026-04-14T23:50:00'))
    const before = await fileComplaint(t, cast.consumer.token)
    t.setNow(china('2026-04-15T00:10:00'))
    const afterSwitch = await fileComplaint(t, cast.consumer.token)

    const old = await detail(before.id)
    // Version 2 of each rule set (2026-12-04T0040) is version 1 plus the performance follow-up (履行回访) section.
    assert.equal(old.rules.ruleSetId, 'samr-2019-performance')
    assert.equal(old.rules.documentNumber, '国家市场监督管理总局令第20号')
    assert.equal(old.nextStep?.text, '消协将在 7 个工作日内决定是否受理')
    assert.deepEqual([old.nextStep?.basis?.article, old.nextStep?.basis?.verified], ['第十四条', true])
    assert.equal((await complaintRow(t, before.id)).due_at, addWorkingDays(new Date(china('2026-04-14T23:50:00')), 7).toISOString())

    const fresh = await detail(afterSwitch.id)
    // Version 2 (2026-12-04): articles 16 and 23 found; the acceptance period still not. Version 3 adds 履行回访.
    assert.equal(fresh.rules.ruleSetId, 'samr-2026-performance')
    assert.equal(fresh.rules.documentNumber, '国家市场监督管理总局令第121号')
    // The 2026 acceptance period could not be checked: the basis says so rather than citing an article.
    assert.deepEqual([fresh.nextStep?.basis?.article, fresh.nextStep?.basis?.verified], [null, false])
    assert.equal(fresh.rules.verified, false)
    assert.ok(fresh.rules.refusalGrounds.some((g) => g.code === 'identity_unverified' && g.article === '第十六条第（六）项' && g.verified))

    // A day later the earlier case still shows the rules it was filed under.
    t.setNow(china('2026-04-16T09:00:00'))
    assert.equal((await detail(before.id)).rules.ruleSetId, 'samr-2019-performance')
  })

  test('a used version is never edited in place: publishing makes the next version, earlier cases keep theirs', async () => {
    t.setNow(china('2026-05-06T10:00:00'))
    const early = await fileComplaint(t, cast.consumer.token)
    const v1 = await ruleSet('samr-2026-performance')
    const changed = requestFrom(v1)
    changed.content.steps.mediation = { ...changed.content.steps.mediation, days: 30, dayKind: 'working', sentence: '消协已受理，将在 {days} 个工作日内组织调解' }

    // Staff without the rule-editor permission may not.
    assert.equal((await publish(cast.staff.token, 'samr-2026', changed)).statusCode, 403)
    await t.ctx.db.updateTable('users').set({ rule_editor: 1 }).where('id', '=', cast.staff.id).execute()
    const published = await publish(cast.staff.token, 'samr-2026', changed)
    assert.equal(published.statusCode, 201, published.body)
    const v2 = published.json() as RuleSet
    assert.equal(v2.version, 4)
    assert.notEqual(v2.id, v1.id)
    assert.deepEqual(await ruleSet('samr-2026-performance'), v1, 'version 3 is unchanged')

    const late = await fileComplaint(t, cast.consumer.token)
    assert.equal((await detail(early.id)).rules.ruleSetId, 'samr-2026-performance')
    assert.equal((await detail(late.id)).rules.ruleSetId, v2.id)
    const acceptedAt = china('2026-05-07T10:00:00')
    t.setNow(acceptedAt)
    await act(t, cast.staff.token, early.id, 'accept', {})
    await act(t, cast.staff.token, late.id, 'accept', {})
    assert.equal((await complaintRow(t, early.id)).due_at, china('2026-07-06T23:59:59'), '60 calendar days after 5-07 (第二十三条第一款第（五）项)')
    assert.equal((await complaintRow(t, late.id)).due_at, addWorkingDays(new Date(acceptedAt), 30).toISOString())
    // What staff and the consumer read: the countdown in the days each case's rules count.
    const [earlyHandling, lateHandling] = [(await detail(early.id)).handling, (await detail(late.id)).handling]
    assert.deepEqual([earlyHandling.dueDayKind, earlyHandling.dueDaysLeft], ['calendar', 60])
    assert.deepEqual([lateHandling.dueDayKind, lateHandling.dueDaysLeft], ['working', 30])

    // Two editors at once: each save is its own version or a 409, never one overwriting another.
    const [a, b] = await Promise.all([publish(cast.staff.token, 'samr-2026', changed), publish(cast.staff.token, 'samr-2026', changed)])
    assert.ok([a.statusCode, b.statusCode].every((code) => code === 201 || code === 409))
    const versions = await t.ctx.db.selectFrom('rule_sets').select('version').where('code', '=', 'samr-2026').execute()
    assert.equal(new Set(versions.map((v) => Number(v.version))).size, versions.length)

    const badDates = await publish(cast.staff.token, 'samr-2026', { ...changed, inForceFrom: '2026-05-01', inForceTo: '2026-04-01' })
    assert.deepEqual([badDates.statusCode, badDates.json().code], [422, 'RULE_SET_DATES_INVALID'])
    assert.equal((await publish(cast.staff.token, 'no-such-rules', changed)).statusCode, 404)
  })

  test('anyone can read the rule sets with their citations and whether each was checked', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/rule-sets' })
    assert.equal(response.statusCode, 200)
    const { ruleSets } = response.json() as { ruleSets: RuleSet[] }
    const codes = ruleSets.map((r) => r.code)
    assert.deepEqual([...new Set(codes)].sort(), ['association', 'samr-2019', 'samr-2026'])
    const r2019 = ruleSets.find((r) => r.code === 'samr-2019')!
    assert.deepEqual([r2019.inForceFrom, r2019.inForceTo], ['2020-01-01', '2026-04-14'])
    assert.ok(r2019.content.refusalGrounds.every((g) => g.source?.url))
    assert.equal(ruleSets.find((r) => r.code === 'association')!.verified, false)
    // The rules a complaint filed now would get, for the filing screens' deadline sentences.
    const current = (await t.app.inject({ method: 'GET', url: '/api/rule-sets/current' })).json() as RuleSet
    assert.equal(current.code, 'samr-2026')
  })
})

describe(`association rule set chosen by the deployment (${TEST_DB})`, () => {
  let t: TestApp
  let cast: Cast
  before(async () => {
    t = await createTestApp({ RULE_SET_FAMILY: 'association', ACCESS_TOKEN_TTL_SECONDS: String(365 * 86_400), REFRESH_TOKEN_TTL_DAYS: '365' })
    t.setNow(china('2026-06-01T10:00:00'))
    cast = await createCast(t, '62')
  })
  after(() => t.close())

  test('complaints are handled under the association rules: 15 working days to mediate', async () => {
    const filed = await fileComplaint(t, cast.consumer.token)
    const acceptedAt = china('2026-06-02T10:00:00')
    t.setNow(acceptedAt)
    assert.equal((await act(t, cast.staff.token, filed.id, 'accept', {})).statusCode, 200)
    assert.equal((await complaintRow(t, filed.id)).due_at, addWorkingDays(new Date(acceptedAt), 15).toISOString())
    const shown = (await readComplaint(t, cast.consumer.token, filed.id)).json() as ComplaintDetail
    assert.equal(shown.rules.ruleSetId, 'association-performance')
    assert.equal(shown.nextStep?.basis?.verified, false)
  })
})
