import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { runAdminCommand } from '../cli/admin-commands'
import { chinaToday } from '../../../src/contract/complaint-rules'
import { fileComplaint, postComplaint, validComplaint } from './support/complaints'
import { signIn, type Person } from './support/volunteers'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'

function terms(t: TestApp, overrides: Record<string, unknown> = {}) {
  return {
    storeName: '示例优选超市西湖店',
    storeAddress: '西湖区文三路 100 号',
    region: '浙江省/杭州市/西湖区',
    latitude: 30.28,
    longitude: 120.13,
    days: 15,
    conditions: '商品完好，凭购物小票',
    exclusions: ['perishable', 'custom_made'],
    exclusionNote: '烟酒',
    startsOn: chinaToday(t.ctx.now()),
    confirmed: true,
    ...overrides,
  }
}

describe(`no-reason-return stores (${TEST_DB})`, () => {
  let t: TestApp
  let liaison: Person
  let otherLiaison: Person
  let staff: Person
  let consumer: Person
  let enterpriseId: string
  before(async () => {
    t = await createTestApp()
    await runAdminCommand(t.ctx.db, 'create-enterprise', { phone: '13500000005', name: '张经理', enterprise: '示例优选超市有限公司' })
    await runAdminCommand(t.ctx.db, 'create-enterprise', { phone: '13500000006', name: '赵经理', enterprise: '快乐健身有限公司' })
    await runAdminCommand(t.ctx.db, 'create-staff', { phone: '13500000007', name: '陈主任' })
    enterpriseId = (await t.ctx.db.selectFrom('enterprises').select('id').where('name', '=', '示例优选超市有限公司').executeTakeFirstOrThrow()).id
    liaison = await signIn(t, '13500000005')
    otherLiaison = await signIn(t, '13500000006')
    staff = await signIn(t, '13500000007')
    consumer = await signIn(t, '13500000001')
  })
  after(() => t.close())

  const sign = (who: Person, body: object) => t.app.inject({ method: 'POST', url: '/api/enterprise/return-commitments', headers: bearer(who.token), payload: body })
  const oneTap = (commitmentId: string, overrides: object = {}) =>
    validComplaint(t, { business: { name: '示例优选超市有限公司', enterpriseId }, industry: 'other', demands: ['return'], returnCommitmentId: commitmentId, ...overrides } as never)

  test('a liaison signs, the public finds the store by region and on the enterprise page; a second signing of the store is refused', async () => {
    const signed = await sign(liaison, terms(t, { storeName: '示例优选超市文三店' }))
    assert.equal(signed.statusCode, 201, signed.body)
    const commitment = signed.json()
    assert.equal(commitment.enterpriseName, '示例优选超市有限公司')
    assert.deepEqual(commitment.terms.exclusions, ['perishable', 'custom_made'])

    const list = await t.app.inject({ method: 'GET', url: '/api/return-commitments' })
    assert.ok(list.json().items.some((c: { id: string }) => c.id === commitment.id))
    const ofEnterprise = await t.app.inject({ method: 'GET', url: `/api/return-commitments?enterpriseId=${enterpriseId}` })
    assert.equal(ofEnterprise.json().items[0].storeName, '示例优选超市文三店')

    const again = await sign(liaison, terms(t, { storeName: '示例优选超市 文三店' }))
    assert.equal(again.statusCode, 409)
    assert.equal(again.json().code, 'RETURN_COMMITMENT_EXISTS')
    // Two signings of a new store at once: one commitment.
    const both = await Promise.all([sign(liaison, terms(t, { storeName: '示例优选超市并发店' })), sign(liaison, terms(t, { storeName: '示例优选超市并发店' }))])
    assert.deepEqual(both.map((r) => r.statusCode).sort(), [201, 409])
  })

  test('bad terms are refused with a Chinese message', async () => {
    for (const [body, status] of [
      [terms(t, { storeName: '坏天数店', days: 6 }), 400],
      [terms(t, { storeName: '坏天数店', days: 31 }), 400],
      [terms(t, { storeName: '坏天数店', days: '15' }), 400],
      [terms(t, { storeName: '未确认店', confirmed: false }), 400],
      [terms(t, { storeName: '昨天店', startsOn: '2000-01-01' }), 400],
      [terms(t, { storeName: '坏排除店', exclusions: ['anything'] }), 400],
      [terms(t, { storeName: '无位置店', latitude: 30 , longitude: null }), 400],
    ] as const) {
      const response = await sign(liaison, body)
      assert.equal(response.statusCode, status, JSON.stringify(body))
      assert.match(response.json().message, /[\u4e00-\u9fa5]/)
    }
    const consumerTries = await sign(consumer, terms(t, { storeName: '消费者店' }))
    assert.equal(consumerTries.statusCode, 403)
  })

  test('一键投诉 carries the commitment and its terms, leads the staff queue, and is shown to consumer and staff', async () => {
    const commitment = (await sign(liaison, terms(t, { storeName: '示例优选超市一键店', days: 20 }))).json()
    const ordinary = await fileComplaint(t, consumer.token)
    const refused = await postComplaint(t, consumer.token, oneTap(commitment.id))
    assert.equal(refused.statusCode, 201, refused.body)
    const complaintId = refused.json().id

    const queue = await t.app.inject({ method: 'GET', url: '/api/staff/complaints', headers: bearer(staff.token) })
    assert.equal(queue.statusCode, 200, queue.body)
    const items = queue.json().items as Array<{ id: string; priority: boolean }>
    assert.equal(items[0]!.id, complaintId)
    assert.equal(items[0]!.priority, true)
    assert.equal(items.filter((i) => i.id === complaintId).length, 1)
    assert.ok(items.some((i) => i.id === ordinary.id && !i.priority))

    for (const who of [consumer, staff]) {
      const seen = await t.app.inject({ method: 'GET', url: `/api/complaints/${complaintId}/return-commitment`, headers: bearer(who.token) })
      assert.equal(seen.statusCode, 200, seen.body)
      assert.equal(seen.json().commitment.storeName, '示例优选超市一键店')
      assert.equal(seen.json().commitment.terms.days, 20)
    }
    const stranger = await t.app.inject({ method: 'GET', url: `/api/complaints/${complaintId}/return-commitment`, headers: bearer(otherLiaison.token) })
    assert.equal(stranger.statusCode, 404)
    const plain = await t.app.inject({ method: 'GET', url: `/api/complaints/${ordinary.id}/return-commitment`, headers: bearer(consumer.token) })
    assert.equal(plain.json().commitment, null)

    // Another business cannot carry this store's commitment.
    const wrong = await postComplaint(t, consumer.token, oneTap(commitment.id, { business: { name: '快乐健身有限公司' } }))
    assert.equal(wrong.statusCode, 422)
  })

  test('returns honoured by month; upheld refusals let staff revoke the badge with a public reason; re-signing waits', async () => {
    const commitment = (await sign(liaison, terms(t, { storeName: '示例优选超市撤销店' }))).json()
    const month = chinaToday(t.ctx.now()).slice(0, 7)
    const put = (who: Person, body: object) => t.app.inject({ method: 'PUT', url: `/api/enterprise/return-commitments/${commitment.id}/returns`, headers: bearer(who.token), payload: body })
    assert.equal((await put(liaison, { month, returnsCount: 12, amountFen: 345_600 })).statusCode, 200)
    const corrected = await put(liaison, { month, returnsCount: 13, amountFen: 350_000 })
    assert.equal(corrected.json().returnsCount, 13)
    assert.equal((await put(otherLiaison, { month, returnsCount: 1, amountFen: 1 })).statusCode, 404)
    assert.equal((await put(liaison, { month: '2999-01', returnsCount: 1, amountFen: 1 })).statusCode, 400)

    const revoke = () => t.app.inject({ method: 'POST', url: `/api/staff/return-commitments/${commitment.id}/revoke`, headers: bearer(staff.token), payload: { reason: '多次拒绝履行无理由退货承诺，经核实属实（消费者 138 0013 8000 投诉）', confirmed: true } })
    const early = await revoke()
    assert.equal(early.statusCode, 409)
    assert.equal(early.json().code, 'RETURN_REFUSALS_TOO_FEW')

    for (let i = 0; i < 3; i++) {
      const filed = await postComplaint(t, consumer.token, oneTap(commitment.id, { description: `第${i + 1}次在门店退货被拒，店员说特价商品一律不退，但承诺里没有这一条。` }))
      assert.equal(filed.statusCode, 201, filed.body)
      const upheld = await t.app.inject({ method: 'POST', url: `/api/staff/return-refusals/${filed.json().id}/uphold`, headers: bearer(staff.token) })
      assert.equal(upheld.statusCode, 200, upheld.body)
      const twice = await t.app.inject({ method: 'POST', url: `/api/staff/return-refusals/${filed.json().id}/uphold`, headers: bearer(staff.token) })
      assert.equal(twice.statusCode, 409)
    }
    const board = await t.app.inject({ method: 'GET', url: '/api/staff/return-commitments', headers: bearer(staff.token) })
    const store = board.json().items.find((s: { commitment: { id: string } }) => s.commitment.id === commitment.id)
    assert.equal(store.refusals.length, 3)
    assert.equal(store.upheldRecently, 3)
    assert.equal(store.returnsCount, 13)
    assert.equal(store.canRevoke, true)

    const short = await t.app.inject({ method: 'POST', url: `/api/staff/return-commitments/${commitment.id}/revoke`, headers: bearer(staff.token), payload: { reason: '差', confirmed: true } })
    assert.equal(short.statusCode, 400)
    const [first, second] = await Promise.all([revoke(), revoke()])
    assert.deepEqual([first.statusCode, second.statusCode].sort(), [200, 409])

    const shown = await t.app.inject({ method: 'GET', url: `/api/return-commitments/${commitment.id}` })
    assert.equal(shown.json().status, 'revoked')
    assert.equal(shown.json().revocation.reason, '多次拒绝履行无理由退货承诺，经核实属实（消费者 *** **** **** 投诉）', 'a phone number in the reason is never published')
    const publicList = await t.app.inject({ method: 'GET', url: '/api/return-commitments' })
    assert.ok(!publicList.json().items.some((c: { id: string }) => c.id === commitment.id))
    const tooSoon = await sign(liaison, terms(t, { storeName: '示例优选超市撤销店' }))
    assert.equal(tooSoon.statusCode, 409)
    assert.equal(tooSoon.json().code, 'RETURN_COMMITMENT_RESIGN_TOO_SOON')
    const closed = await postComplaint(t, consumer.token, oneTap(commitment.id))
    assert.equal(closed.statusCode, 422)
  })
})
