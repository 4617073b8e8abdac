import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { runAdminCommand } from '../cli/admin-commands'
import { seedDemoNetwork } from '../seed/organizations'
import { fileComplaint } from './support/complaints'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'
import { act, complaintRow, readComplaint } from './support/workflow'

const XIHU = '杭州市西湖区消费者协会'
const SHANGCHENG = '杭州市上城区消费者协会'
const HANGZHOU = '示例省杭州市消费者协会'
const PROVINCE = '示例省消费者协会'
const HAISHU = '宁波市海曙区消费者协会'
const NINGBO = '示例省宁波市消费者协会'

type Token = string

describe(`the association network: routing, visibility and transfers (${TEST_DB})`, () => {
  let t: TestApp
  const staff: Record<string, Token> = {}
  let consumer: Token
  let consumerId: string
  const org: Record<string, string> = {}

  const queueNumbers = async (token: Token, query = '') => {
    const response = await t.app.inject({ method: 'GET', url: `/api/staff/complaints${query}`, headers: bearer(token) })
    assert.equal(response.statusCode, 200, response.body)
    return (response.json() as { items: Array<{ id: string; organizationName: string | null }> }).items
  }
  const move = (token: Token, id: string, path: string, payload: object) =>
    t.app.inject({ method: 'POST', url: `/api/complaints/${id}/${path}`, headers: bearer(token), payload })
  const file = (region: string, extra: object = {}) => fileComplaint(t, consumer, { business: { name: '某某商店', region }, ...extra })

  before(async () => {
    t = await createTestApp()
    await seedDemoNetwork(t.ctx.db, t.ctx.now())
    for (const row of await t.ctx.db.selectFrom('organizations').select(['id', 'name']).execute()) org[row.name] = row.id
    let n = 0
    for (const name of [XIHU, SHANGCHENG, HANGZHOU, PROVINCE, HAISHU, NINGBO]) {
      n += 1
      const phone = `1397100000${n}`
      assert.match(await runAdminCommand(t.ctx.db, 'add-staff', { phone, name: `干事${n}`, organization: name }), new RegExp(name))
      staff[name] = (await loginByPhone(t, phone, `10.71.0.${n}`)).accessToken
    }
    await runAdminCommand(t.ctx.db, 'create-staff', { phone: '13971000099', name: '总会' })
    staff.top = (await loginByPhone(t, '13971000099', '10.71.0.99')).accessToken
    const session = await loginByPhone(t, '13971000100', '10.71.1.1')
    consumer = session.accessToken
    consumerId = session.user.id
  })
  after(() => t.close())

  test('a new complaint goes to the most specific organization covering the business: county, else city, else province, else the top', async () => {
    const cases: Array<[string, string]> = [
      ['浙江省/杭州市/西湖区', XIHU],
      ['浙江省/杭州市/滨江区', HANGZHOU],
      ['浙江省/温州市/鹿城区', PROVINCE],
      ['北京市/朝阳区', '消费者协会'],
      ['不存在的地方', '消费者协会'],
    ]
    for (const [region, expected] of cases) {
      const filed = await file(region)
      const row = await complaintRow(t, filed.id)
      assert.equal(row.organization_id, org[expected], `${region} → ${expected}`)
      const detail = (await readComplaint(t, consumer, filed.id)).json() as { organization: { name: string } }
      assert.equal(detail.organization.name, expected)
    }
  })

  test("the enterprise's registered region comes before the region the consumer picked", async () => {
    const id = randomUUID()
    await t.ctx.db
      .insertInto('enterprises')
      .values({ id, name: '海曙示例商行', credit_code: null, created_at: t.ctx.now().toISOString(), province: '浙江省', city: '宁波市', district: '海曙区', address: null, odr_since: null, contact_phone: null, updated_at: null })
      .execute()
    const filed = await fileComplaint(t, consumer, { business: { name: '海曙示例商行', enterpriseId: id, region: '浙江省/杭州市/西湖区' } })
    assert.equal((await complaintRow(t, filed.id)).organization_id, org[HAISHU])
  })

  test('staff see their organization and everything below it, nothing of a sibling', async () => {
    const a = await file('浙江省/杭州市/西湖区')
    const b = await file('浙江省/杭州市/上城区')
    const ningbo = await file('浙江省/宁波市/江北区')
    const beijing = await file('北京市/朝阳区')
    const sees = async (who: string) => new Set((await queueNumbers(staff[who]!, '?limit=50')).map((item) => item.id))

    const xihu = await sees(XIHU)
    assert.ok(xihu.has(a.id) && !xihu.has(b.id) && !xihu.has(ningbo.id) && !xihu.has(beijing.id))
    const city = await sees(HANGZHOU)
    assert.ok(city.has(a.id) && city.has(b.id) && !city.has(ningbo.id) && !city.has(beijing.id))
    const province = await sees(PROVINCE)
    assert.ok(province.has(a.id) && province.has(b.id) && province.has(ningbo.id) && !province.has(beijing.id))
    const top = await sees('top')
    assert.ok(top.has(a.id) && top.has(b.id) && top.has(ningbo.id) && top.has(beijing.id))

    // The status filter goes through the same rule.
    const reviewing = new Set((await queueNumbers(staff[SHANGCHENG]!, '?status=awaiting_review&limit=50')).map((item) => item.id))
    assert.ok(reviewing.has(b.id) && !reviewing.has(a.id))

    assert.equal((await readComplaint(t, staff[SHANGCHENG]!, a.id)).statusCode, 404)
    assert.equal((await readComplaint(t, staff[XIHU]!, b.id)).statusCode, 404)
    assert.equal((await readComplaint(t, staff[HANGZHOU]!, a.id)).statusCode, 200)
    assert.equal((await readComplaint(t, staff[NINGBO]!, a.id)).statusCode, 404)
    // Nor can a sibling act on it.
    assert.equal((await act(t, staff[SHANGCHENG]!, a.id, 'accept')).statusCode, 404)
    const item = (await queueNumbers(staff[XIHU]!, '?limit=50')).find((i) => i.id === a.id)
    assert.equal(item?.organizationName, XIHU)
  })

  test('bad moves answer 4xx {code, message} and change nothing', async () => {
    const a = await file('浙江省/杭州市/西湖区')
    const before = await complaintRow(t, a.id)
    const refused: Array<[Token, string, object, number, string]> = [
      [staff[SHANGCHENG]!, 'transfer', { toOrganizationId: org[HAISHU]!, reason: '不属于本地管辖' }, 404, 'NOT_FOUND'],
      [staff[XIHU]!, 'transfer', { toOrganizationId: org[XIHU]!, reason: '不属于本地管辖' }, 422, 'TRANSFER_TO_OWN_ORGANIZATION'],
      [staff[XIHU]!, 'transfer', { toOrganizationId: 'no-such-org', reason: '不属于本地管辖' }, 404, 'ORGANIZATION_NOT_FOUND'],
      [staff[XIHU]!, 'transfer', { toOrganizationId: org[HAISHU]!, reason: '   ' }, 400, 'VALIDATION_FAILED'],
      [staff[XIHU]!, 'transfer', { toOrganizationId: org[HAISHU]! }, 400, 'VALIDATION_FAILED'],
      [staff[XIHU]!, 'take-up', { toOrganizationId: org[PROVINCE]!, reason: '案情重大' }, 422, 'TRANSFER_DIRECTION_INVALID'],
      [staff[XIHU]!, 'hand-down', { toOrganizationId: org[SHANGCHENG]!, reason: '就近处理' }, 422, 'TRANSFER_DIRECTION_INVALID'],
      [staff[PROVINCE]!, 'hand-down', { toOrganizationId: org[HANGZHOU]!, reason: '就近处理' }, 422, 'TRANSFER_DIRECTION_INVALID'],
      [consumer, 'transfer', { toOrganizationId: org[HAISHU]!, reason: '我想换' }, 403, 'FORBIDDEN'],
    ]
    for (const [token, path, payload, status, code] of refused) {
      const response = await move(token, a.id, path, payload)
      assert.equal(response.statusCode, status, `${path} ${JSON.stringify(payload)}: ${response.body}`)
      const body = response.json() as { code: string; message: string }
      assert.equal(body.code, code)
      assert.match(body.message, /[\u4e00-\u9fa5]/)
    }
    const after = await complaintRow(t, a.id)
    assert.deepEqual(after, before)
  })

  test('移送 moves the case, restarts the review deadline on receipt, tells the consumer where and why, and the timeline shows the hop', async () => {
    const a = await file('浙江省/杭州市/西湖区')
    await act(t, staff[XIHU]!, a.id, 'accept')
    const accepted = await complaintRow(t, a.id)
    assert.equal(accepted.status, 'accepted')
    // As if filed weeks ago: the receiving organization's deadline still starts today.
    // …and paused for an appraisal: that pause belonged to the old step, the receiver's clock runs.
    await t.ctx.db
      .updateTable('complaints')
      .set({ due_at: '2026-01-05T15:59:59.999Z', due_kind: 'review', clock_paused_at: '2026-01-02T02:00:00.000Z', clock_paused_reason: '送检' })
      .where('id', '=', a.id)
      .execute()
    const response = await move(staff[XIHU]!, a.id, 'transfer', { toOrganizationId: org[HAISHU]!, reason: '商家注册地和经营地都在宁波市海曙区' })
    assert.equal(response.statusCode, 200, response.body)
    const row = await complaintRow(t, a.id)
    assert.equal(row.organization_id, org[HAISHU])
    assert.equal(row.status, 'awaiting_review')
    assert.equal(row.due_kind, 'review')
    assert.equal(row.assigned_staff_id, null)
    assert.equal(row.clock_paused_at, null)
    // 7 working days of the case's rules from receipt (9 to 16 calendar days, holidays included), not from filing.
    const days = (Date.parse(row.due_at!) - t.ctx.now().getTime()) / 86_400_000
    assert.ok(days > 6 && days < 17, row.due_at!)
    assert.equal(Number(row.version), Number(accepted.version) + 1)

    assert.equal((await readComplaint(t, staff[XIHU]!, a.id)).statusCode, 404)
    assert.equal((await readComplaint(t, staff[HAISHU]!, a.id)).statusCode, 200)
    assert.ok((await queueNumbers(staff[HAISHU]!)).some((item) => item.id === a.id))

    const detail = (await readComplaint(t, consumer, a.id)).json() as { organization: { name: string }; events: Array<{ type: string; note: string; data: Record<string, string> }> }
    assert.equal(detail.organization.name, HAISHU)
    const hop = detail.events.find((e) => e.type === 'transfer')!
    assert.equal(hop.note, `您的投诉已移送至${HAISHU}，原因：商家注册地和经营地都在宁波市海曙区`)
    assert.equal(hop.data.fromName, XIHU)
    assert.equal(hop.data.toName, HAISHU)

    const notes = await t.ctx.db.selectFrom('notifications').select(['title', 'body']).where('recipient_id', '=', consumerId).where('complaint_id', '=', a.id).execute()
    assert.ok(notes.some((note) => note.body.includes(`您的投诉已移送至${HAISHU}，原因：商家注册地和经营地都在宁波市海曙区`)), JSON.stringify(notes))
    // The receiving staff are told; the sibling county is not.
    const told = await t.ctx.db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.recipient_id').select('users.phone').where('complaint_id', '=', a.id).where('title', 'like', '移送%').execute()
    const phones = told.map((r) => r.phone)
    assert.ok(phones.includes('13971000005'), JSON.stringify(phones))
    assert.ok(!phones.includes('13971000002'), JSON.stringify(phones))
  })

  test('交办 to a child and 提级 to the parent walk the tree; every hop is on the timeline', async () => {
    const filed = await file('浙江省/杭州市/滨江区')
    assert.equal((await complaintRow(t, filed.id)).organization_id, org[HANGZHOU])
    const down = await move(staff[HANGZHOU]!, filed.id, 'hand-down', { toOrganizationId: org[XIHU]!, reason: '就近调解' })
    assert.equal(down.statusCode, 200, down.body)
    const up = await move(staff[XIHU]!, filed.id, 'take-up', { toOrganizationId: org[HANGZHOU]!, reason: '涉及多家门店，需市级协调' })
    assert.equal(up.statusCode, 200, up.body)
    const again = await move(staff[PROVINCE]!, filed.id, 'take-up', { toOrganizationId: org[PROVINCE]!, reason: '全省连锁' })
    assert.equal(again.statusCode, 200, again.body)
    const detail = (await readComplaint(t, consumer, filed.id)).json() as { events: Array<{ type: string; data: Record<string, string> }> }
    const hops = detail.events.filter((e) => ['transfer', 'hand_down', 'take_up'].includes(e.type)).map((e) => `${e.type}:${e.data.fromName}→${e.data.toName}`)
    assert.deepEqual(hops, [`hand_down:${HANGZHOU}→${XIHU}`, `take_up:${XIHU}→${HANGZHOU}`, `take_up:${HANGZHOU}→${PROVINCE}`])
  })

  test('two moves at once never lose one: each 200 is one hop, a move that lost the race gets 409, and the case ends where the last hop says', async () => {
    for (let round = 0; round < 3; round += 1) {
      const a = await file('浙江省/杭州市/西湖区')
      const start = Number((await complaintRow(t, a.id)).version)
      const responses = await Promise.all([
        move(staff[PROVINCE]!, a.id, 'transfer', { toOrganizationId: org[HAISHU]!, reason: '甲' }),
        move(staff[PROVINCE]!, a.id, 'transfer', { toOrganizationId: org[SHANGCHENG]!, reason: '乙' }),
      ])
      for (const response of responses) assert.ok([200, 409].includes(response.statusCode), response.body)
      const won = responses.filter((r) => r.statusCode === 200).length
      assert.ok(won >= 1)
      const events = await t.ctx.db.selectFrom('complaint_events').select(['data', 'created_at']).where('complaint_id', '=', a.id).where('type', '=', 'transfer').orderBy('created_at').execute()
      assert.equal(events.length, won)
      const row = await complaintRow(t, a.id)
      assert.equal(row.organization_id, (JSON.parse(events.at(-1)!.data!) as { toId: string }).toId)
      assert.equal(Number(row.version), start + won)
    }
  })

  test("a case is assigned only to staff who may see it; colleagues are the caller's own organization", async () => {
    const a = await file('浙江省/杭州市/西湖区')
    const people = async (token: Token) => ((await t.app.inject({ method: 'GET', url: '/api/staff/members', headers: bearer(token) })).json() as { items: Array<{ id: string; displayName: string }> }).items
    const cityPeople = await people(staff[HANGZHOU]!)
    assert.deepEqual(cityPeople.map((p) => p.displayName), ['干事3'])
    const sibling = (await people(staff[SHANGCHENG]!))[0]!
    const refused = await act(t, staff[HANGZHOU]!, a.id, 'assign', { staffId: sibling.id })
    assert.equal(refused.statusCode, 422, refused.body)
    assert.equal((await complaintRow(t, a.id)).assigned_staff_id, null)
    const county = (await people(staff[XIHU]!))[0]!
    assert.equal((await act(t, staff[HANGZHOU]!, a.id, 'assign', { staffId: county.id })).statusCode, 200)
  })

  test("a county's CSV export holds its own complaints, not its sibling's", async () => {
    const a = await file('浙江省/杭州市/西湖区')
    const b = await file('浙江省/杭州市/上城区')
    const csv = async (token: Token) => (await t.app.inject({ method: 'GET', url: '/api/staff/statistics.csv', headers: bearer(token) })).body
    const county = await csv(staff[XIHU]!)
    assert.ok(county.includes(a.number) && !county.includes(b.number))
    const city = await csv(staff[HANGZHOU]!)
    assert.ok(city.includes(a.number) && city.includes(b.number))
  })

  test('an ended case or one with the enterprise cannot be moved', async () => {
    const a = await file('浙江省/杭州市/西湖区')
    await act(t, staff[XIHU]!, a.id, 'reject', { ground: 'missing_facts' })
    const response = await move(staff[XIHU]!, a.id, 'transfer', { toOrganizationId: org[HAISHU]!, reason: '不属于本地管辖' })
    assert.equal(response.statusCode, 409, response.body)
    assert.equal((response.json() as { code: string }).code, 'TRANSFER_NOT_ALLOWED')
  })
})
