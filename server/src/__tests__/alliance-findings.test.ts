import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { runAdminCommand } from '../cli/admin-commands'
import { DEMO_ALLIANCE, seedDemoNetwork } from '../seed/organizations'
import { fileComplaint } from './support/complaints'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'

const XIHU = '杭州市西湖区消费者协会'
const HANGZHOU = '示例省杭州市消费者协会'
const PROVINCE = '示例省消费者协会'
const NINGBO = '示例省宁波市消费者协会'
const SUZHOU = '苏州市消费者权益保护委员会'
const BOAT = { name: '太湖游船公司', region: '浙江省/杭州市/西湖区' }

describe(`alliance findings: 苏州 tells 杭州 what it found (${TEST_DB})`, () => {
  let t: TestApp
  const staff: Record<string, string> = {}
  let top: string
  let consumer: string
  let allianceId: string
  let serial = 0

  const publish = (token: string, body: object, id = allianceId) => t.app.inject({ method: 'POST', url: `/api/staff/alliances/${id}/findings`, headers: bearer(token), payload: body })
  const feed = (token: string, cursor?: string) =>
    t.app.inject({ method: 'GET', url: `/api/staff/alliances/${allianceId}/findings${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, headers: bearer(token) })
  const onComplaint = (token: string, id: string) => t.app.inject({ method: 'GET', url: `/api/complaints/${id}/alliance-findings`, headers: bearer(token) })
  const findingCount = async () => Number((await t.ctx.db.selectFrom('alliance_findings').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n)
  const finding = (pattern: string, extra: object = {}) => ({ business: BOAT, pattern, complaintCount: 6, amountFen: 1_280_000, ...extra })

  before(async () => {
    t = await createTestApp()
    await seedDemoNetwork(t.ctx.db, t.ctx.now())
    for (const name of [XIHU, HANGZHOU, PROVINCE, NINGBO, SUZHOU]) {
      serial += 1
      await runAdminCommand(t.ctx.db, 'add-staff', { phone: `1397300000${serial}`, name: `干事${serial}`, organization: name })
      staff[name] = (await loginByPhone(t, `1397300000${serial}`, `10.73.0.${serial}`)).accessToken
    }
    await runAdminCommand(t.ctx.db, 'create-staff', { phone: '13973000099', name: '陈主任' })
    top = (await loginByPhone(t, '13973000099', '10.73.0.99')).accessToken
    consumer = (await loginByPhone(t, '13973000100', '10.73.1.1')).accessToken
    allianceId = (await t.ctx.db.selectFrom('alliances').select('id').where('name', '=', DEMO_ALLIANCE.name).executeTakeFirstOrThrow()).id
  })
  after(() => t.close())

  test('苏州 publishes; 杭州 and the county below it see it on a case about the same business, marked as another member’s', async () => {
    const published = await publish(staff[SUZHOU]!, finding('游船票预售后停航不退款，多名游客反映'))
    assert.equal(published.statusCode, 201, published.body)
    assert.deepEqual(
      { org: published.json().organization.name, business: published.json().business.name, count: published.json().complaintCount, mine: published.json().mine },
      { org: SUZHOU, business: BOAT.name, count: 6, mine: true },
    )

    // A consumer in 杭州 complains about the same business (its name written a little differently).
    const complaint = (await fileComplaint(t, consumer, { business: { name: '太湖 游船公司', region: BOAT.region } })).id
    for (const viewer of [XIHU, HANGZHOU]) {
      const seen = await onComplaint(staff[viewer]!, complaint)
      assert.equal(seen.statusCode, 200, seen.body)
      assert.deepEqual(seen.json().items.map((f: { organization: { name: string }; pattern: string; mine: boolean }) => [f.organization.name, f.pattern, f.mine]), [[SUZHOU, '游船票预售后停航不退款，多名游客反映', false]])
    }
    // The province sees the case but is not in the alliance: nothing shared with it.
    assert.deepEqual((await onComplaint(staff[PROVINCE]!, complaint)).json().items, [])
    // 宁波 cannot see the case at all; the consumer may not ask.
    assert.equal((await onComplaint(staff[NINGBO]!, complaint)).statusCode, 404)
    assert.equal((await onComplaint(consumer, complaint)).statusCode, 403)
    // A case about another business shows nothing.
    const other = (await fileComplaint(t, consumer, { business: { name: '西湖龙井茶庄', region: BOAT.region } })).id
    assert.deepEqual((await onComplaint(staff[XIHU]!, other)).json().items, [])
  })

  test('non-members get 404 for the feed and for publishing, and nothing is written', async () => {
    const before = await findingCount()
    for (const outsider of [staff[NINGBO]!, staff[PROVINCE]!, top]) {
      assert.equal((await feed(outsider)).statusCode, 404)
      const refused = await publish(outsider, finding('外人发布'))
      assert.equal(refused.statusCode, 404)
      assert.equal(refused.json().code, 'ALLIANCE_NOT_FOUND')
    }
    assert.equal((await feed(consumer)).statusCode, 403)
    assert.equal((await publish(staff[XIHU]!, finding('不存在的联盟'), 'no-such-alliance')).statusCode, 404)
    assert.equal(await findingCount(), before)
  })

  test('bad findings are refused with a reason and write nothing; the same finding twice (even at once) is one', async () => {
    const before = await findingCount()
    const noRegion = await publish(staff[HANGZHOU]!, { business: { name: '某某健身' }, pattern: '跑路', complaintCount: 3 })
    assert.equal(noRegion.statusCode, 422)
    assert.equal(noRegion.json().code, 'FINDING_BUSINESS_REGION_REQUIRED')
    assert.match(noRegion.json().message, /地区/)
    assert.equal((await publish(staff[HANGZHOU]!, { business: { name: 'x', enterpriseId: 'no-such' }, pattern: '跑路', complaintCount: 3 })).json().code, 'FINDING_ENTERPRISE_NOT_FOUND')
    assert.equal((await publish(staff[HANGZHOU]!, finding('附了别人的警示', { warningId: 'no-such-warning' }))).json().code, 'FINDING_LINK_NOT_FOUND')
    assert.equal((await publish(staff[HANGZHOU]!, { ...finding('件数是字符串'), complaintCount: '6' })).statusCode, 400)
    assert.equal(await findingCount(), before)

    const [a, b] = await Promise.all([publish(staff[HANGZHOU]!, finding('同时发布两次')), publish(staff[HANGZHOU]!, finding('同时发布两次'))])
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [201, 409])
    assert.equal((a.statusCode === 409 ? a : b).json().code, 'FINDING_ALREADY_PUBLISHED')
    assert.equal(await findingCount(), before + 1)
  })

  test('the feed is newest first, 20 a page, the same for every member', async () => {
    for (let i = 1; i <= 21; i++) {
      t.advance(1000)
      assert.equal((await publish(staff[i % 2 ? SUZHOU : XIHU]!, finding(`第 ${i} 条发现`))).statusCode, 201)
    }
    const first = await feed(staff[HANGZHOU]!)
    assert.equal(first.statusCode, 200, first.body)
    const page = first.json()
    assert.deepEqual(page.alliance.members.map((m: { name: string }) => m.name).sort(), [...DEMO_ALLIANCE.members].sort())
    assert.equal(page.items.length, 20)
    assert.equal(page.items[0].pattern, '第 21 条发现')
    assert.equal(page.items[19].pattern, '第 2 条发现')
    const second = (await feed(staff[HANGZHOU]!, page.nextCursor)).json()
    const rest = second.items.map((f: { pattern: string }) => f.pattern)
    assert.equal(rest[0], '第 1 条发现')
    assert.equal(second.nextCursor, null)
    // 苏州 sees the same feed, its own marked as its own.
    const ofSuzhou = (await feed(staff[SUZHOU]!)).json()
    assert.deepEqual(ofSuzhou.items.map((f: { id: string }) => f.id), page.items.map((f: { id: string }) => f.id))
    assert.equal(ofSuzhou.items[0].mine, true)
    assert.equal(ofSuzhou.items[1].mine, false)
  })

  test('a finding linked to a group takes the group’s business; another organization’s group cannot be linked', async () => {
    await t.ctx.db.updateTable('organizations').set({ group_threshold: 2, group_window_days: 30 }).where('name', '=', XIHU).execute()
    const group = { name: '湖滨预付卡美容店', region: BOAT.region }
    await fileComplaint(t, consumer, { business: group })
    await fileComplaint(t, consumer, { business: group })
    const formed = await t.ctx.db.selectFrom('complaint_groups').selectAll().where('business_name', 'like', '%湖滨预付卡美容店%').executeTakeFirstOrThrow()
    const foreign = await publish(staff[SUZHOU]!, { pattern: '冒用别人的集体投诉', complaintCount: 2, groupId: formed.id })
    assert.equal(foreign.json().code, 'FINDING_LINK_NOT_FOUND')
    const linked = await publish(staff[XIHU]!, { pattern: '办卡后关店，已形成集体投诉', complaintCount: 2, groupId: formed.id })
    assert.equal(linked.statusCode, 201, linked.body)
    assert.deepEqual(linked.json().group, { id: formed.id, status: 'open', memberCount: 2 })
    assert.equal(linked.json().business.name, formed.business_name)
    // On the group page 杭州's staff see it; 苏州 does not supervise the group (404).
    const onGroup = await t.app.inject({ method: 'GET', url: `/api/staff/groups/${formed.id}/alliance-findings`, headers: bearer(staff[HANGZHOU]!) })
    assert.equal(onGroup.statusCode, 200, onGroup.body)
    assert.deepEqual(onGroup.json().items.map((f: { pattern: string }) => f.pattern), ['办卡后关店，已形成集体投诉'])
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/staff/groups/${formed.id}/alliance-findings`, headers: bearer(staff[SUZHOU]!) })).statusCode, 404)
  })
})
