import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { RuleSetContent } from '../../../src/contract/rule-set'
import { runPerformanceFollowUps } from '../jobs/performance-follow-ups'
import { addWorkingDays } from '../modules/workflow/working-days'
import { agreementApi, DRAFT, lastCode, mediatingCase } from './support/agreements'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'
import { act, createCast, fileOdrComplaint, PROPOSAL, type Cast } from './support/workflow'

const china = (local: string) => new Date(`${local}+08:00`).toISOString()
const PREFIX = '74'
const phone = (n: number) => `139${PREFIX}${String(n).padStart(6, '0')}`

describe(`performance follow-up 履行回访 (${TEST_DB})`, () => {
  let t: TestApp
  let cast: Cast
  let stranger: string
  before(async () => {
    t = await createTestApp({ SMS_PHONE_PER_MINUTE: '500', SMS_IP_PER_MINUTE: '5000', SMS_PHONE_PER_DAY: '5000', SMS_IP_PER_DAY: '50000', ACCESS_TOKEN_TTL_SECONDS: String(400 * 86_400) })
    t.setNow(china('2026-12-07T10:00:00'))
    cast = await createCast(t, PREFIX)
    stranger = (await loginByPhone(t, phone(9), '10.74.0.9')).accessToken
  })
  after(() => t.close())

  /** Moves the clock (the tokens live longer than any story here). */
  const at = async (local: string) => {
    t.setNow(china(local))
  }
  const api = (id: string) => ({
    get: (token: string) => t.app.inject({ method: 'GET', url: `/api/complaints/${id}/performance`, headers: bearer(token) }),
    answer: (token: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/complaints/${id}/performance/answer`, headers: bearer(token), payload }),
    reopen: (token: string, reason = '退款一直没到账') => t.app.inject({ method: 'POST', url: `/api/complaints/${id}/performance/reopen`, headers: bearer(token), payload: { reason } }),
    handle: (token: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/staff/complaints/${id}/performance/handle`, headers: bearer(token), payload }),
  })
  const notes = (recipientId: string, complaintId: string) =>
    t.ctx.db.selectFrom('notifications').select(['title', 'type', 'body']).where('recipient_id', '=', recipientId).where('complaint_id', '=', complaintId).where('type', 'in', ['performance_check', 'deadline']).orderBy('seq').execute()
  const caseRules = async (id: string) => {
    const row = await t.ctx.db.selectFrom('complaints').innerJoin('rule_sets', 'rule_sets.id', 'complaints.rule_set_id').select('rule_sets.content').where('complaints.id', '=', id).executeTakeFirstOrThrow()
    return (JSON.parse(row.content) as RuleSetContent).performance!
  }
  /** An ODR complaint whose proposal (due `promisedDate`) the consumer accepted. */
  const acceptedOdr = async (promisedDate: string) => {
    const { id } = await fileOdrComplaint(t, cast)
    assert.equal((await act(t, cast.liaison.token, id, 'propose', { ...PROPOSAL, promisedDate })).statusCode, 200)
    assert.equal((await act(t, cast.consumer.token, id, 'accept_proposal', {})).statusCode, 200)
    return id
  }

  test('a due date on a weekend is asked the next working day, once across two instances; 没收到 reopens it as 未履行 with its deadline', async () => {
    await at('2026-12-07T10:00:00')
    const id = await acceptedOdr('2026-12-12') // a Saturday
    const before = (await api(id).get(cast.consumer.token)).json().followUp
    assert.equal(before.state, 'scheduled')
    assert.equal(before.askAt, china('2026-12-14T09:00:00'))
    assert.equal((await api(id).answer(cast.consumer.token, { answer: 'received' })).json().code, 'PERFORMANCE_NOT_ASKED')

    await at('2026-12-12T10:00:00')
    await runPerformanceFollowUps(t.ctx)
    assert.equal((await api(id).get(cast.consumer.token)).json().followUp.state, 'scheduled')

    await at('2026-12-14T09:30:00')
    // Two instances at once (PostgreSQL: a second API on the same database; SQLite runs one process, so two runs).
    const second = TEST_DB === 'postgres' ? (await t.another()).ctx : t.ctx
    await Promise.all([runPerformanceFollowUps(t.ctx), runPerformanceFollowUps(second)])
    const asked = (await notes(cast.consumer.id, id)).filter((n) => n.title === '钱/货收到了吗？')
    assert.equal(asked.length, 1)
    const question = (await api(id).get(cast.consumer.token)).json().followUp
    assert.equal(question.canAnswer, true)
    const rules = await caseRules(id)
    assert.equal(question.answerDueAt, addWorkingDays(new Date(china('2026-12-14T09:30:00')), rules.answer.days).toISOString())

    // Someone else's case, a partial answer without what arrived: refused, nothing changes.
    assert.equal((await api(id).answer(stranger, { answer: 'not_received' })).statusCode, 404)
    assert.equal((await api(id).answer(cast.consumer.token, { answer: 'partial', note: '  ' })).json().code, 'PERFORMANCE_PARTIAL_NOTE_REQUIRED')
    assert.equal((await api(id).answer(cast.consumer.token, { answer: 'maybe' })).statusCode, 400)
    assert.equal((await api(id).get(cast.consumer.token)).json().followUp.state, 'asked')

    const answered = await api(id).answer(cast.consumer.token, { answer: 'not_received' })
    assert.equal(answered.statusCode, 200, answered.body)
    const view = answered.json().followUp
    assert.equal(view.state, 'unperformed')
    assert.equal(view.unperformedReason, 'not_received')
    assert.equal(view.handleDueAt, addWorkingDays(new Date(china('2026-12-14T09:30:00')), rules.unperformed.days).toISOString())
    assert.equal((await api(id).answer(cast.consumer.token, { answer: 'received' })).json().code, 'PERFORMANCE_ALREADY_ANSWERED')

    // The staff queue lists it with its deadline; the business is told.
    const list = (await t.app.inject({ method: 'GET', url: '/api/staff/performance/unperformed', headers: bearer(cast.staff.token) })).json()
    const item = list.items.find((i: { complaintId: string }) => i.complaintId === id)
    assert.equal(item.handleDueAt, view.handleDueAt)
    assert.equal(item.reason, 'not_received')
    assert.ok((await notes(cast.liaison.id, id)).some((n) => n.title === '消费者反映未履行'))
    const events = await t.ctx.db.selectFrom('complaint_events').select('type').where('complaint_id', '=', id).execute()
    assert.ok(events.some((e) => e.type === 'performance_unperformed'))

    // The mediator's deadline passes: flagged once, the mediator reminded.
    await at('2026-12-29T10:00:00')
    await runPerformanceFollowUps(t.ctx)
    await runPerformanceFollowUps(t.ctx)
    const late = (await t.app.inject({ method: 'GET', url: '/api/staff/performance/unperformed', headers: bearer(cast.staff.token) })).json()
    assert.equal(late.items.find((i: { complaintId: string }) => i.complaintId === id).overdue, true)
  })

  test('a signed agreement is asked on its due date; no answer within the rules\' days goes to the mediator, who sets a new date', async () => {
    await at('2026-12-07T10:00:00')
    const id = await mediatingCase(t, cast.consumer.token, cast.staff.token, cast.enterpriseId)
    const agreement = agreementApi(t, id)
    const drafted = (await agreement.draft(cast.staff.token, { ...DRAFT, terms: { ...DRAFT.terms, dueDate: '2026-12-10' } })).json().agreement
    for (const [who, n] of [[cast.consumer, 1], [cast.liaison, 3]] as const) {
      assert.equal((await agreement.code(who.token, drafted.textSha256)).statusCode, 200)
      const signed = await agreement.sign(who.token, drafted.textSha256, lastCode(t, phone(n)))
      assert.equal(signed.statusCode, 200, signed.body)
    }
    const scheduled = (await api(id).get(cast.consumer.token)).json().followUp
    assert.deepEqual([scheduled.source, scheduled.state, scheduled.dueDate], ['agreement', 'scheduled', '2026-12-10'])

    await at('2026-12-10T09:05:00')
    await runPerformanceFollowUps(t.ctx)
    const answerDueAt = (await api(id).get(cast.consumer.token)).json().followUp.answerDueAt
    await at('2026-12-17T23:00:00') // before the 5th working day ends
    await runPerformanceFollowUps(t.ctx)
    assert.equal((await api(id).get(cast.consumer.token)).json().followUp.state, 'asked')
    await at(new Date(Date.parse(answerDueAt) + 8 * 3600_000 + 60_000).toISOString().slice(0, 19))
    await runPerformanceFollowUps(t.ctx)
    const noAnswer = (await api(id).get(cast.staff.token)).json().followUp
    assert.deepEqual([noAnswer.state, noAnswer.unperformedReason], ['unperformed', 'no_answer'])
    assert.ok((await notes(cast.staff.id, id)).some((n) => n.title === '未履行：请跟进'))
    assert.equal((await api(id).answer(cast.consumer.token, { answer: 'received' })).json().code, 'PERFORMANCE_ALREADY_ANSWERED')

    // Only the holding organization's staff handle it; a past date is refused.
    assert.equal((await api(id).handle(cast.consumer.token, { outcome: 'close', note: '结案' })).statusCode, 403)
    assert.equal((await api(id).handle(cast.staff.token, { outcome: 'retry', dueDate: '2026-12-01', note: '已督促商家' })).json().code, 'PERFORMANCE_DATE_INVALID')
    const retry = await api(id).handle(cast.staff.token, { outcome: 'retry', dueDate: '2027-01-08', note: '已电话督促商家，商家承诺 1 月 8 日前退款' })
    assert.equal(retry.statusCode, 200, retry.body)
    assert.deepEqual([retry.json().followUp.state, retry.json().followUp.dueDate], ['scheduled', '2027-01-08'])
    assert.ok((await notes(cast.consumer.id, id)).some((n) => n.title === '商家有了新的履行期限'))
    assert.equal((await api(id).handle(cast.staff.token, { outcome: 'close', note: '结案' })).json().code, 'PERFORMANCE_NOT_UNPERFORMED')
  })

  test('已收到 closes it as performed (the enterprise figures count it); it can be reopened within the rules\' days, not after', async () => {
    await at('2026-12-07T10:00:00')
    const figures = async () => (await t.app.inject({ method: 'GET', url: `/api/enterprises/${cast.enterpriseId}` })).json().figures
    const performedBefore = (await figures()).performedCount
    const kept = await acceptedOdr('2026-12-08')
    const late = await acceptedOdr('2026-12-08')
    await at('2026-12-08T09:01:00')
    await runPerformanceFollowUps(t.ctx)
    for (const id of [kept, late]) assert.equal((await api(id).answer(cast.consumer.token, { answer: 'received' })).json().followUp.state, 'performed')
    const after = await figures()
    assert.equal(after.performedCount, performedBefore + 2)
    assert.ok(after.settledCount >= after.performedCount)

    const reopenUntil = (await api(late).get(cast.consumer.token)).json().followUp.reopenUntil
    const rules = await caseRules(late)
    assert.equal(rules.reopen.days, 30)
    assert.equal((await api(kept).reopen(stranger)).statusCode, 404)
    await at('2026-12-20T10:00:00')
    const reopened = await api(kept).reopen(cast.consumer.token)
    assert.equal(reopened.statusCode, 200, reopened.body)
    assert.deepEqual([reopened.json().followUp.state, reopened.json().followUp.unperformedReason], ['unperformed', 'reopened'])
    assert.equal((await api(kept).reopen(cast.consumer.token)).json().code, 'PERFORMANCE_NOT_REOPENABLE')

    await at(new Date(Date.parse(reopenUntil) + 8 * 3600_000 + 60_000).toISOString().slice(0, 19))
    cast.consumer.token = (await loginByPhone(t, phone(1), '10.74.2.1')).accessToken
    const expired = await api(late).reopen(cast.consumer.token)
    assert.equal(expired.statusCode, 409)
    assert.equal(expired.json().code, 'PERFORMANCE_REOPEN_EXPIRED')
    assert.match(expired.json().message, /2027-01-07 前/)
    assert.equal((await api(late).get(cast.consumer.token)).json().followUp.state, 'performed')
  })
})
