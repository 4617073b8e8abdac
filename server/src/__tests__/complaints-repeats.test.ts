import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import type { ComplaintDetail } from '../../../src/contract/complaint'
import { countRows, postComplaint, validComplaint } from './support/complaints'
import { createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { act, createCast, readComplaint, type Cast } from './support/workflow'

const china = (local: string) => new Date(`${local}+08:00`).toISOString()

describe(`repeated complaints are merged into the open one (${TEST_DB})`, () => {
  let t: TestApp
  let cast: Cast
  before(async () => {
    t = await createTestApp({ ACCESS_TOKEN_TTL_SECONDS: String(365 * 86_400), REFRESH_TOKEN_TTL_DAYS: '365' })
    t.setNow(china('2026-06-01T10:00:00'))
    cast = await createCast(t, '92')
  })
  after(() => t.close())

  const merges = (id: string) => t.ctx.db.selectFrom('complaint_events').selectAll().where('complaint_id', '=', id).where('type', '=', 'repeat_merged').execute()

  test('the same consumer, business, date and amount again: added to the open complaint, told so, no second case', async () => {
    const body = validComplaint(t, { amountFen: 12_300 })
    const first = await postComplaint(t, cast.consumer.token, body)
    assert.equal(first.statusCode, 201, first.body)
    const original = first.json() as ComplaintDetail
    const cases = await countRows(t, 'complaints')

    // Written again a day later, the business name spaced and cased differently, new words.
    const again = { ...body, business: { name: ' 快乐 健身有限公司（）' }, description: '再次投诉：年卡才办了三个月健身房就突然关门，老板电话一直打不通，会员卡余额至今无法退还，前台已经搬空。' }
    const key = randomUUID()
    const second = await postComplaint(t, cast.consumer.token, again, key)
    assert.equal(second.statusCode, 200, second.body)
    const merged = second.json() as ComplaintDetail
    assert.equal(merged.id, original.id)
    assert.deepEqual(merged.mergedRepeat, { into: original.number, message: `您已就该商家提交过投诉 ${original.number}，本次内容已补充到原投诉` })
    assert.equal(await countRows(t, 'complaints'), cases)
    const event = merged.events.find((e) => e.type === 'repeat_merged')!
    assert.equal(event.note, again.description)
    assert.equal(event.actorRole, 'consumer')

    // A retry of the merged filing answers the same and adds nothing; the key with other content is refused.
    const retry = await postComplaint(t, cast.consumer.token, again, key)
    assert.equal(retry.statusCode, 200)
    assert.equal((retry.json() as ComplaintDetail).mergedRepeat?.into, original.number)
    assert.equal((await merges(original.id)).length, 1)
    const reused = await postComplaint(t, cast.consumer.token, { ...again, description: `${again.description}补充` }, key)
    assert.deepEqual([reused.statusCode, reused.json().code], [409, 'IDEMPOTENCY_KEY_REUSED'])

    // The consumer sees it on the original case's timeline.
    const seen = (await readComplaint(t, cast.consumer.token, original.id)).json() as ComplaintDetail
    assert.ok(seen.events.some((e) => e.type === 'repeat_merged'))
    assert.equal(seen.mergedRepeat, undefined)
  })

  test('the same shop, day and amount but another story is another dispute: a new case', async () => {
    const body = validComplaint(t, { amountFen: 12_850, description: '买到的牛奶已经过期三天了，商家拒绝退款，态度也很差。' })
    const milk = await postComplaint(t, cast.consumer.token, body)
    const rice = await postComplaint(t, cast.consumer.token, { ...body, description: '买的大米里有虫子，要求退货，商家一直不回复。' })
    assert.deepEqual([milk.statusCode, rice.statusCode], [201, 201])
    assert.notEqual(milk.json().id, rice.json().id)
    // The milk again, in other words, still joins the milk.
    const milkAgain = await postComplaint(t, cast.consumer.token, { ...body, description: '牛奶过期三天了，商家拒绝退款，我要求退一赔十。' })
    assert.deepEqual([milkAgain.statusCode, milkAgain.json().id], [200, milk.json().id])
  })

  test('another incident (other amount), another consumer, or after the first ended: a new case', async () => {
    const body = validComplaint(t, { amountFen: 45_600 })
    const first = (await postComplaint(t, cast.consumer.token, body)).json() as ComplaintDetail
    const otherAmount = await postComplaint(t, cast.consumer.token, { ...body, amountFen: 45_601 })
    assert.equal(otherAmount.statusCode, 201)
    assert.notEqual(otherAmount.json().id, first.id)
    const otherConsumer = await postComplaint(t, cast.liaison.token, body)
    assert.equal(otherConsumer.statusCode, 403, 'enterprise users do not file complaints')

    assert.equal((await t.app.inject({ method: 'POST', url: `/api/complaints/${first.id}/withdraw`, headers: { authorization: `Bearer ${cast.consumer.token}` }, payload: {} })).statusCode, 200)
    const afresh = await postComplaint(t, cast.consumer.token, body)
    assert.equal(afresh.statusCode, 201, afresh.body)
    assert.notEqual(afresh.json().id, first.id)
  })

  test('two identical filings at once under different keys make one case', async () => {
    const body = validComplaint(t, { amountFen: 78_900 })
    const before = await countRows(t, 'complaints')
    const [a, b] = await Promise.all([postComplaint(t, cast.consumer.token, body), postComplaint(t, cast.consumer.token, body)])
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 201])
    assert.equal(a.json().id, b.json().id)
    assert.equal(await countRows(t, 'complaints'), before + 1)
    assert.equal((await merges(a.json().id)).length, 1)
  })

  test('a merge is told to the staff handling the case, and the rule basis says it is unverified', async () => {
    const body = validComplaint(t, { amountFen: 98_700 })
    const first = (await postComplaint(t, cast.consumer.token, body)).json() as ComplaintDetail
    assert.equal((await act(t, cast.staff.token, first.id, 'assign', { staffId: cast.colleague.id })).statusCode, 200)
    assert.equal((await postComplaint(t, cast.consumer.token, body)).statusCode, 200)
    const told = await t.ctx.db.selectFrom('notifications').select('title').where('recipient_id', '=', cast.colleague.id).where('complaint_id', '=', first.id).execute()
    assert.ok(told.some((n) => n.title === '消费者补充了说明'), JSON.stringify(told))
    const rules = (await t.app.inject({ method: 'GET', url: `/api/rule-sets/${first.rules.ruleSetId}` })).json()
    assert.equal(rules.content.repeatComplaints.verified, false)
  })
})
