import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { runAdminCommand } from '../cli/admin-commands'
import { DEMO_ALLIANCE, seedDemoNetwork } from '../seed/organizations'
import { fileComplaint } from './support/complaints'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'
import { act, complaintRow, readComplaint } from './support/workflow'

const XIHU = '杭州市西湖区消费者协会'
const SHANGCHENG = '杭州市上城区消费者协会'
const HANGZHOU = '示例省杭州市消费者协会'
const PROVINCE = '示例省消费者协会'
const NINGBO = '示例省宁波市消费者协会'
const SUZHOU = '苏州市消费者权益保护委员会'

describe(`alliances: 联盟移送 to a partner, what each side sees (${TEST_DB})`, () => {
  let t: TestApp
  const staff: Record<string, string> = {}
  const org: Record<string, string> = {}
  let consumer: string

  const send = (token: string, id: string, toOrganizationId: string, reason = '商家在苏州，由苏州消保委处理') =>
    t.app.inject({ method: 'POST', url: `/api/complaints/${id}/alliance-transfer`, headers: bearer(token), payload: { toOrganizationId, reason } })
  const sees = async (token: string, id: string) => (await readComplaint(t, token, id)).statusCode === 200
  const queueIds = async (token: string) =>
    ((await t.app.inject({ method: 'GET', url: '/api/staff/complaints', headers: bearer(token) })).json() as { items: Array<{ id: string }> }).items.map((c) => c.id)
  const fileInXihu = async () => (await fileComplaint(t, consumer, { business: { name: '太湖游船公司', region: '浙江省/杭州市/西湖区' } })).id

  before(async () => {
    t = await createTestApp()
    await seedDemoNetwork(t.ctx.db, t.ctx.now())
    for (const row of await t.ctx.db.selectFrom('organizations').select(['id', 'name']).execute()) org[row.name] = row.id
    let n = 0
    for (const name of [XIHU, SHANGCHENG, HANGZHOU, PROVINCE, NINGBO, SUZHOU]) {
      n += 1
      await runAdminCommand(t.ctx.db, 'add-staff', { phone: `1397200000${n}`, name: `干事${n}`, organization: name })
      staff[name] = (await loginByPhone(t, `1397200000${n}`, `10.72.0.${n}`)).accessToken
    }
    consumer = (await loginByPhone(t, '13972000100', '10.72.1.1')).accessToken
  })
  after(() => t.close())

  test('the demo alliance joins 杭州 and 苏州; list-alliances names it with its members', async () => {
    const listed = await runAdminCommand(t.ctx.db, 'list-alliances', {})
    assert.match(listed, new RegExp(`^${DEMO_ALLIANCE.name}\\n`))
    for (const member of DEMO_ALLIANCE.members) assert.match(listed, new RegExp(`\\n {2}${member}(\\n|$)`))
    assert.match(await runAdminCommand(t.ctx.db, 'add-to-alliance', { alliance: DEMO_ALLIANCE.name, organization: SUZHOU }), /已经是/)
    await assert.rejects(runAdminCommand(t.ctx.db, 'create-alliance', { name: DEMO_ALLIANCE.name }), /已有同名的联盟/)
    await assert.rejects(runAdminCommand(t.ctx.db, 'add-to-alliance', { alliance: '没有的联盟', organization: SUZHOU }), /没有名为「没有的联盟」的联盟/)
    // The county below a member sees the alliance (its cases may go across); 宁波 does not.
    const ofXihu = (await t.app.inject({ method: 'GET', url: '/api/staff/alliances', headers: bearer(staff[XIHU]!) })).json()
    assert.deepEqual(ofXihu.items.map((a: { name: string }) => a.name), [DEMO_ALLIANCE.name])
    const ofNingbo = (await t.app.inject({ method: 'GET', url: '/api/staff/alliances', headers: bearer(staff[NINGBO]!) })).json()
    assert.deepEqual(ofNingbo.items, [])
  })

  test('西湖区 sends a case to the partner 苏州: 苏州 works it, 西湖区 and those above keep reading it but cannot act, 上城区 and 宁波 never see it', async () => {
    const id = await fileInXihu()
    assert.equal((await send(staff[XIHU]!, id, org[SUZHOU]!)).statusCode, 200)
    const row = await complaintRow(t, id)
    assert.equal(row.organization_id, org[SUZHOU])
    assert.equal(row.status, 'awaiting_review')

    assert.equal(await sees(staff[SUZHOU]!, id), true)
    assert.ok((await queueIds(staff[SUZHOU]!)).includes(id))
    for (const reader of [XIHU, HANGZHOU, PROVINCE]) assert.equal(await sees(staff[reader]!, id), true, `${reader} keeps reading what it sent`)
    assert.ok(!(await queueIds(staff[XIHU]!)).includes(id), 'its queue is what it works; it finds the case in the alliance list')
    for (const stranger of [SHANGCHENG, NINGBO]) assert.equal(await sees(staff[stranger]!, id), false, `${stranger} sees nothing`)

    const refused = await act(t, staff[XIHU]!, id, 'accept')
    assert.equal(refused.statusCode, 403)
    assert.equal(refused.json().code, 'CASE_HELD_ELSEWHERE')
    assert.equal((await send(staff[XIHU]!, id, org[SUZHOU]!)).statusCode, 403, 'nor move it again')
    assert.equal((await act(t, staff[SUZHOU]!, id, 'accept')).statusCode, 200)

    const detail = (await readComplaint(t, consumer, id)).json() as { events: Array<{ type: string; note: string | null }> }
    const hop = detail.events.find((e) => e.type === 'alliance')
    assert.match(hop?.note ?? '', /移送至苏州市消费者权益保护委员会，原因：商家在苏州/)
  })

  test('the partner sees only what was sent to it: another Hangzhou case stays hidden from 苏州', async () => {
    const kept = await fileInXihu()
    assert.equal(await sees(staff[SUZHOU]!, kept), false)
    assert.ok(!(await queueIds(staff[SUZHOU]!)).includes(kept))
  })

  test('苏州 hands a case back to 杭州: 杭州 works it again, 苏州 keeps reading it as its last sender, 西湖区 no longer does', async () => {
    const id = await fileInXihu()
    await send(staff[XIHU]!, id, org[SUZHOU]!)
    assert.equal((await send(staff[SUZHOU]!, id, org[HANGZHOU]!, '经核实商家在杭州')).statusCode, 200)
    assert.equal((await complaintRow(t, id)).organization_id, org[HANGZHOU])
    assert.equal(await sees(staff[SUZHOU]!, id), true)
    assert.equal((await act(t, staff[SUZHOU]!, id, 'accept')).statusCode, 403)
    assert.equal(await sees(staff[XIHU]!, id), false, 'held by the city now, and 西湖区 is no longer the last sender')
    assert.equal((await act(t, staff[HANGZHOU]!, id, 'accept')).statusCode, 200)
  })

  test('bad alliance transfers answer 4xx {code, message} and change nothing', async () => {
    const id = await fileInXihu()
    const before = await complaintRow(t, id)
    const cases: Array<[string, string, number, string]> = [
      [staff[XIHU]!, 'no-such-organization', 404, 'ORGANIZATION_NOT_FOUND'],
      [staff[XIHU]!, org[XIHU]!, 422, 'TRANSFER_TO_OWN_ORGANIZATION'],
      [staff[XIHU]!, org[NINGBO]!, 422, 'NOT_ALLIANCE_PARTNER'],
      [staff[XIHU]!, org[HANGZHOU]!, 422, 'NOT_ALLIANCE_PARTNER'],
      [staff[SHANGCHENG]!, org[SUZHOU]!, 404, 'NOT_FOUND'],
      [staff[SUZHOU]!, org[HANGZHOU]!, 404, 'NOT_FOUND'],
    ]
    for (const [token, to, status, code] of cases) {
      const response = await send(token, id, to)
      assert.equal(response.statusCode, status, `${to}: ${response.body}`)
      assert.equal(response.json().code, code)
      assert.match(response.json().message, /[\u4e00-\u9fa5]/)
    }
    const blank = await send(staff[XIHU]!, id, org[SUZHOU]!, '   ')
    assert.equal(blank.statusCode, 400)
    assert.deepEqual(await complaintRow(t, id), before)
    assert.equal(await t.ctx.db.selectFrom('alliance_transfers').select('id').where('complaint_id', '=', id).executeTakeFirst(), undefined)
  })

  test("the alliance's list shows what each side sent or received; an organization outside the alliance gets 404", async () => {
    const alliance = (await t.ctx.db.selectFrom('alliances').select('id').where('name', '=', DEMO_ALLIANCE.name).executeTakeFirstOrThrow()).id
    const list = (token: string) => t.app.inject({ method: 'GET', url: `/api/staff/alliances/${alliance}/transfers`, headers: bearer(token) })
    const ofSuzhou = (await list(staff[SUZHOU]!)).json() as { items: Array<{ from: { name: string }; to: { name: string }; reason: string; holder: { name: string } | null }> }
    assert.ok(ofSuzhou.items.length >= 3)
    assert.ok(ofSuzhou.items.every((i) => [i.from.name, i.to.name].includes(SUZHOU)))
    assert.ok(ofSuzhou.items.some((i) => i.from.name === XIHU && i.reason.includes('商家在苏州')))
    const ofShangcheng = (await list(staff[SHANGCHENG]!)).json() as { items: unknown[] }
    assert.deepEqual(ofShangcheng.items, [], '上城区 sent nothing across')
    const ofNingbo = await list(staff[NINGBO]!)
    assert.equal(ofNingbo.statusCode, 404)
    assert.equal(ofNingbo.json().code, 'ALLIANCE_NOT_FOUND')
  })
})
