import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { runAdminCommand } from '../cli/admin-commands'
import { seedDemoNetwork } from '../seed/organizations'
import { fileComplaint } from './support/complaints'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'
import { act, createCast, PROPOSAL, readComplaint, type Cast } from './support/workflow'

const XIHU = '杭州市西湖区消费者协会'
const SHANGCHENG = '杭州市上城区消费者协会'
const HANGZHOU = '示例省杭州市消费者协会'
const SHOP = '示例优选超市有限公司'

interface Member {
  complaintId: string
  number: string
  status: string
  amountFen: number
}
interface Detail {
  id: string
  version: number
  members: Member[]
  events: Array<{ type: string; note: string | null }>
}
interface Result {
  applied: Array<{ complaintId: string; step: string; amountFen: number }>
  skipped: Array<{ complaintId: string; reason: string }>
  group: Detail
}
interface Case {
  proposal: { amountFen: number; promisedDate: string } | null
  status: string
  events: Array<{ type: string; note: string | null }>
  handling: { proposal: { amountFen: number } | null; recoveredAmountFen: number | null }
}

/**
 * 集体投诉统一处理: seven consumers complain about one green-channel shop in 西湖区, each case in
 * another state; staff of 西湖区 work them as one.
 */
describe(`a group complaint worked as one (${TEST_DB})`, () => {
  let t: TestApp
  let cast: Cast
  let groupId = ''
  const staff: Record<string, string> = {}
  const consumers: Array<{ token: string; id: string }> = []
  // The members by their role in the story.
  const c: Record<'odr1' | 'odr2' | 'proposed' | 'review' | 'mediating' | 'withdrawn' | 'moved', string> = {} as never

  const detail = async (token = staff[XIHU]!) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/staff/groups/${groupId}`, headers: bearer(token) })
    assert.equal(response.statusCode, 200, response.body)
    return response.json() as Detail
  }
  const send = (payload: object, token = staff[XIHU]!) => t.app.inject({ method: 'POST', url: `/api/staff/groups/${groupId}/actions`, headers: bearer(token), payload })
  const everything = async () => ({
    cases: await t.ctx.db.selectFrom('complaints').select(['id', 'status', 'version', 'proposal_amount_fen', 'recovered_amount_fen']).orderBy('id').execute(),
    events: (await t.ctx.db.selectFrom('complaint_events').select('id').execute()).length,
    group: await t.ctx.db.selectFrom('complaint_groups').selectAll().where('id', '=', groupId).executeTakeFirst(),
    notifications: (await t.ctx.db.selectFrom('notifications').select('id').execute()).length,
  })
  const owner = (id: string) => consumers.find((x) => x.id === idOwner.get(id))!
  const idOwner = new Map<string, string>()
  const caseOf = async (id: string) => (await readComplaint(t, owner(id).token, id)).json() as Case

  before(async () => {
    t = await createTestApp()
    await seedDemoNetwork(t.ctx.db, t.ctx.now())
    cast = await createCast(t, '73')
    // The shop is registered in 西湖区, so its cases and its group are 西湖区's.
    await t.ctx.db.updateTable('enterprises').set({ province: '浙江省', city: '杭州市', district: '西湖区' }).where('id', '=', cast.enterpriseId).execute()
    await runAdminCommand(t.ctx.db, 'set-group-threshold', { organization: XIHU, count: '7', days: '30' })
    for (const [i, name] of [XIHU, SHANGCHENG, HANGZHOU].entries()) {
      await runAdminCommand(t.ctx.db, 'add-staff', { phone: `1397300010${i}`, name: `干事${i}`, organization: name })
      staff[name] = (await loginByPhone(t, `1397300010${i}`, `10.73.0.${i + 1}`)).accessToken
    }
    const paths = ['odr', 'odr', 'odr', 'association', 'association', 'association', 'association'] as const
    for (const [k, path] of paths.entries()) {
      const session = await loginByPhone(t, `139731001${k}0`, `10.73.1.${k + 1}`)
      consumers.push({ token: session.accessToken, id: session.user.id })
      const filed = await fileComplaint(t, session.accessToken, { business: { name: SHOP, enterpriseId: cast.enterpriseId }, path, amountFen: 10_000 * (k + 1) })
      idOwner.set(filed.id, session.user.id)
      ;(c as Record<string, string>)[['odr1', 'odr2', 'proposed', 'review', 'mediating', 'withdrawn', 'moved'][k]!] = filed.id
    }
    const group = await t.ctx.db.selectFrom('complaint_groups').select('id').where('enterprise_id', '=', cast.enterpriseId).where('status', '=', 'open').executeTakeFirstOrThrow()
    groupId = group.id
    const ok = (response: { statusCode: number; body: string }) => assert.equal(response.statusCode, 200, response.body)
    ok(await act(t, cast.liaison.token, c.proposed, 'propose', PROPOSAL))
    ok(await act(t, staff[XIHU]!, c.mediating, 'accept'))
    ok(await act(t, staff[XIHU]!, c.mediating, 'start_mediation'))
    ok(await t.app.inject({ method: 'POST', url: `/api/complaints/${c.withdrawn}/withdraw`, headers: bearer(owner(c.withdrawn).token), payload: { reason: '已经自己和商家谈好了' } }))
    const shangcheng = await t.ctx.db.selectFrom('organizations').select('id').where('name', '=', SHANGCHENG).executeTakeFirstOrThrow()
    ok(await t.app.inject({ method: 'POST', url: `/api/complaints/${c.moved}/transfer`, headers: bearer(staff[XIHU]!), payload: { toOrganizationId: shangcheng.id, reason: '消费者住在上城区' } }))
  })
  after(() => t.close())

  const amounts = (members: Member[], change: Record<string, number> = {}) => members.map((m) => ({ complaintId: m.complaintId, amountFen: change[m.complaintId] ?? m.amountFen }))

  test('bad input changes nothing: an amount that is not a number or is negative, a case not in the group, the same case twice, a stale version', async () => {
    const group = await detail()
    assert.equal(group.members.length, 7)
    const base = { version: group.version, text: '商家同意按各自金额退款', promisedDate: '2030-02-01', mediationOutcome: 'note' }
    const before = await everything()
    const [first, ...rest] = amounts(group.members)
    const outsider = await fileComplaint(t, consumers[0]!.token, { business: { name: '别家小店', region: '浙江省/杭州市/西湖区' } })
    const cases: Array<[object, number, string]> = [
      [{ ...base, members: [{ ...first, amountFen: '100' }, ...rest] }, 400, 'VALIDATION_FAILED'],
      [{ ...base, members: [{ ...first, amountFen: -1 }, ...rest] }, 400, 'VALIDATION_FAILED'],
      [{ ...base, members: [{ ...first, amountFen: 12.5 }, ...rest] }, 400, 'VALIDATION_FAILED'],
      [{ ...base, members: [...rest, first, first] }, 400, 'VALIDATION_FAILED'],
      [{ ...base, promisedDate: '2030-02-30', members: amounts(group.members) }, 400, 'VALIDATION_FAILED'],
      [{ ...base, members: [...amounts(group.members), { complaintId: outsider.id, amountFen: 100 }] }, 422, 'GROUP_MEMBER_UNKNOWN'],
      [{ ...base, members: [{ complaintId: 'no-such-case', amountFen: 100 }] }, 422, 'GROUP_MEMBER_UNKNOWN'],
      [{ ...base, version: group.version + 1, members: amounts(group.members) }, 409, 'GROUP_CHANGED'],
    ]
    const now = await everything()
    for (const [payload, status, code] of cases) {
      const response = await send(payload)
      assert.equal(response.statusCode, status, `${JSON.stringify(payload)} → ${response.body}`)
      assert.equal(response.json().code, code)
      assert.match(response.json().message, /[\u4e00-\u9fa5]/, 'told in Chinese')
    }
    assert.deepEqual(await everything(), now, 'nothing changed')
    assert.equal(before.group?.version, now.group?.version)
    // A sibling county cannot see the group at all.
    assert.equal((await send({ ...base, members: amounts(group.members) }, staff[SHANGCHENG])).statusCode, 404)
  })

  test('one action: each green-channel member gets the proposal with their own amount, association members the mediation note; the rest are skipped and unchanged', async () => {
    const group = await detail()
    const untouched = Object.fromEntries(await Promise.all([c.proposed, c.withdrawn, c.moved].map(async (id) => [id, await caseOf(id)])))
    const response = await send({
      version: group.version,
      text: '经约谈，商家同意向每位消费者退还各自的预付款',
      promisedDate: '2030-02-01',
      mediationOutcome: 'note',
      members: amounts(group.members, { [c.odr2]: 15_000 }),
    })
    assert.equal(response.statusCode, 200, response.body)
    const result = response.json() as Result
    const steps = Object.fromEntries(result.applied.map((a) => [a.complaintId, a.step]))
    assert.deepEqual(steps, { [c.odr1]: 'odr_proposal', [c.odr2]: 'odr_proposal', [c.review]: 'mediation_note', [c.mediating]: 'mediation_note' })
    const reasons = Object.fromEntries(result.skipped.map((s) => [s.complaintId, s.reason]))
    assert.match(reasons[c.proposed]!, /企业已提出方案/)
    assert.match(reasons[c.withdrawn]!, /已结束/)
    assert.match(reasons[c.moved]!, /其他组织/)

    const odr1 = await caseOf(c.odr1)
    assert.equal(odr1.status, 'enterprise_proposed')
    assert.equal(odr1.handling.proposal?.amountFen, 10_000, 'the claimed amount')
    assert.equal((await caseOf(c.odr2)).handling.proposal?.amountFen, 15_000, 'the amount staff changed')
    const proposal = odr1.events.at(-1)!
    assert.equal(proposal.type, 'propose')
    assert.match(proposal.note!, /集体投诉统一处理/)
    const told = await t.ctx.db.selectFrom('notifications').select(['title', 'body']).where('complaint_id', '=', c.odr2).where('recipient_id', '=', idOwner.get(c.odr2)!).execute()
    assert.ok(told.some((n) => n.title === '商家提出了处理方案' && n.body.includes('退赔 150 元')), JSON.stringify(told))
    const business = await t.ctx.db.selectFrom('notifications').select(['title', 'body']).where('complaint_id', '=', c.odr2).where('recipient_id', '=', cast.liaison.id).execute()
    assert.ok(business.some((n) => n.title === '消协记录了集体投诉的统一方案' && n.body.includes('退赔 150 元')), 'the enterprise is told what it is held to')
    for (const [id, yuan] of [[c.review, 400], [c.mediating, 500]] as const) {
      const note = (await caseOf(id)).events.at(-1)!
      assert.equal(note.type, 'note')
      assert.match(note.note!, new RegExp(`集体投诉统一处理.*本案金额 ${yuan} 元`))
    }
    for (const [id, was] of Object.entries(untouched)) assert.deepEqual(await caseOf(id), was, 'a skipped member is unchanged')
    assert.equal(result.group.events.at(-1)?.type, 'handled')

    // Each consumer answers the proposal for themselves, as for any proposal.
    const accepted = await act(t, owner(c.odr1).token, c.odr1, 'accept_proposal')
    assert.equal(accepted.statusCode, 200, accepted.body)
    assert.equal((accepted.json() as Case).status, 'resolved')
  })

  test('two staff sending mediation succeeded at once apply it once; a second send from the same screen is refused', async () => {
    const group = await detail()
    const payload = { version: group.version, text: '调解达成协议：商家按各自金额退款', promisedDate: '2030-03-01', mediationOutcome: 'succeeded', members: amounts(group.members, { [c.mediating]: 48_000 }) }
    const answers = await Promise.all([send(payload), send(payload, staff[HANGZHOU])])
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [200, 409], answers.map((a) => a.body).join('\n'))
    assert.equal(answers.find((a) => a.statusCode === 409)!.json().code, 'GROUP_CHANGED')
    const mediated = await caseOf(c.mediating)
    assert.equal(mediated.status, 'mediated')
    assert.equal(mediated.handling.recoveredAmountFen, 48_000)
    assert.equal(mediated.events.filter((e) => e.type === 'mediation_succeeded').length, 1)
    const result = answers.find((a) => a.statusCode === 200)!.json() as Result
    assert.match(result.skipped.find((s) => s.complaintId === c.review)!.reason, /还没有进入调解/)
  })

  test('when the action fits no member nothing is written and every member is listed with the reason', async () => {
    const group = await detail()
    const before = await everything()
    const response = await send({ version: group.version, text: '再次确认调解成功', promisedDate: '2030-03-01', mediationOutcome: 'succeeded', members: amounts(group.members) })
    assert.equal(response.statusCode, 200, response.body)
    const result = response.json() as Result
    assert.equal(result.applied.length, 0)
    assert.equal(result.skipped.length, 7)
    assert.deepEqual(await everything(), before)
  })
})
