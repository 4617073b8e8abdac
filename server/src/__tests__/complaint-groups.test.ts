import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { runAdminCommand } from '../cli/admin-commands'
import { seedDemoNetwork } from '../seed/organizations'
import { postComplaint, validComplaint } from './support/complaints'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'
import { readComplaint } from './support/workflow'

const XIHU = '杭州市西湖区消费者协会'
const SHANGCHENG = '杭州市上城区消费者协会'
const HANGZHOU = '示例省杭州市消费者协会'
const PROVINCE = '示例省消费者协会'
const DAY = 86_400_000
const STAFF_OF = [XIHU, SHANGCHENG, HANGZHOU, PROVINCE]

interface Session {
  token: string
  id: string
}
interface Summary {
  id: string
  businessName: string
  status: string
  memberCount: number
  amountFen: number
  organization: { name: string }
}

describe(`group complaints (群体性投诉) (${TEST_DB})`, () => {
  let t: TestApp
  const staff: Record<string, string> = {}
  let consumers: Session[] = []
  let n = 0

  /** A complaint by the nth consumer about a business named `name` in `region`; each one another dispute. */
  async function file(who: Session, name: string, region: string, amountFen = 10_000 + n, extra: object = {}) {
    n += 1
    const body = validComplaint(t, { business: { name, region }, amountFen, description: `第${n}位顾客：${name}收了钱不办事，电话打不通，要求退款。`, contactPhone: '13900000000', ...extra })
    const response = await postComplaint(t, who.token, body)
    assert.equal(response.statusCode, 201, response.body)
    return response.json() as { id: string; number: string }
  }
  const groups = async (token: string) => {
    const response = await t.app.inject({ method: 'GET', url: '/api/staff/groups', headers: bearer(token) })
    assert.equal(response.statusCode, 200, response.body)
    return (response.json() as { items: Summary[] }).items
  }
  const groupRows = (name: string) => t.ctx.db.selectFrom('complaint_groups').selectAll().where('business_name', '=', name).execute()
  const consumerView = (who: Session, complaintId: string) => t.app.inject({ method: 'GET', url: `/api/complaints/${complaintId}/group`, headers: bearer(who.token) })
  const join = (who: Session, groupId: string, complaintId: string) =>
    t.app.inject({ method: 'POST', url: `/api/groups/${groupId}/join`, headers: bearer(who.token), payload: { complaintId } })
  const everything = async () => ({
    groups: await t.ctx.db.selectFrom('complaint_groups').selectAll().orderBy('id').execute(),
    members: await t.ctx.db.selectFrom('complaints').select(['id', 'group_id']).orderBy('id').execute(),
    events: (await t.ctx.db.selectFrom('complaint_events').select('id').execute()).length,
  })

  before(async () => {
    t = await createTestApp()
    await seedDemoNetwork(t.ctx.db, t.ctx.now())
    let i = 0
    for (const name of STAFF_OF) {
      i += 1
      await runAdminCommand(t.ctx.db, 'add-staff', { phone: `1397200000${i}`, name: `干事${i}`, organization: name })
    }
    await runAdminCommand(t.ctx.db, 'create-staff', { phone: '13972000099', name: '总会' })
    await signInStaff()
    await signInConsumers()
  })

  async function signInConsumers() {
    consumers = []
    for (let k = 0; k < 12; k++) {
      const session = await loginByPhone(t, `139721001${String(k).padStart(2, '0')}`, `10.72.1.${k + 1}`)
      consumers.push({ token: session.accessToken, id: session.user.id })
    }
  }

  async function signInStaff() {
    for (const [i, name] of STAFF_OF.entries()) staff[name] = (await loginByPhone(t, `1397200000${i + 1}`, `10.72.0.${i + 1}`)).accessToken
    staff.top = (await loginByPhone(t, '13972000099', '10.72.0.99')).accessToken
  }
  after(() => t.close())

  test('four complaints about a business form no group; the fifth forms one in the county of the business, with every member, the total and a timeline entry', async () => {
    const name = '西湖示例茶庄'
    const filed = []
    for (let k = 0; k < 3; k++) filed.push(await file(consumers[k]!, name, '浙江省/杭州市/西湖区', 1000 * (k + 1)))
    // The same shop typed another way (spacing, brackets) is the same business.
    filed.push(await file(consumers[3]!, `  西湖示例 茶庄（ ）`, '浙江省/杭州市/西湖区', 4000))
    assert.equal((await groupRows(name)).length, 0)
    filed.push(await file(consumers[4]!, name, '浙江省/杭州市/西湖区', 5000))
    const [group] = await groupRows(name)
    assert.ok(group, 'a group formed')
    assert.equal(Number(group.member_count), 5)
    assert.equal(Number(group.amount_fen), 15_000)
    assert.equal(group.status, 'open')
    const county = (await groups(staff[XIHU]!)).find((g) => g.id === group.id)
    assert.equal(county?.organization.name, XIHU)
    assert.equal(county?.memberCount, 5)
    for (const [k, complaint] of filed.entries()) {
      const detail = (await readComplaint(t, consumers[k]!.token, complaint.id)).json() as { events: Array<{ type: string }> }
      assert.ok(detail.events.some((e) => e.type === 'group_joined'), `member ${k + 1} sees it joined the group`)
    }
  })

  test('the same name in another region is another business; complaints older than the window do not count', async () => {
    const name = '跨区同名小店'
    for (let k = 0; k < 3; k++) await file(consumers[k]!, name, '浙江省/杭州市/西湖区')
    for (let k = 0; k < 3; k++) await file(consumers[k + 3]!, name, '浙江省/杭州市/上城区')
    assert.equal((await groupRows(name)).length, 0, 'three and three: no group')
    t.advance(31 * DAY)
    await signInConsumers()
    await signInStaff()
    for (let k = 0; k < 2; k++) await file(consumers[k + 6]!, name, '浙江省/杭州市/西湖区')
    assert.equal((await groupRows(name)).length, 0, 'three are 31 days old: two in the window')
    for (let k = 0; k < 3; k++) await file(consumers[k + 8]!, name, '浙江省/杭州市/西湖区')
    const [group] = await groupRows(name)
    assert.equal(Number(group?.member_count), 5, 'the five within 30 days, not the old three')
  })

  test('an organization sets its own threshold and window (set-group-threshold)', async () => {
    assert.match(await runAdminCommand(t.ctx.db, 'set-group-threshold', { organization: SHANGCHENG, count: '3', days: '7' }), /7 天内 3 件/)
    await assert.rejects(runAdminCommand(t.ctx.db, 'set-group-threshold', { organization: SHANGCHENG, count: '1', days: '7' }), /--count/)
    const name = '上城示例健身房'
    for (let k = 0; k < 3; k++) await file(consumers[k]!, name, '浙江省/杭州市/上城区')
    const [group] = await groupRows(name)
    assert.equal(Number(group?.member_count), 3)
    assert.equal(Number(group?.threshold), 3)
    assert.equal(Number(group?.window_days), 7)
    await runAdminCommand(t.ctx.db, 'set-group-threshold', { organization: SHANGCHENG, default: true })
  })

  test('the 5th and 6th complaints filed at the same instant form exactly one group holding both', async () => {
    const name = '同时投诉商行'
    for (let k = 0; k < 4; k++) await file(consumers[k]!, name, '浙江省/杭州市/西湖区')
    const bodies = [4, 5].map((k) => validComplaint(t, { business: { name, region: '浙江省/杭州市/西湖区' }, description: `同时提交的第${k}件：${name}卖假货，不退款。`, contactPhone: '13900000000' }))
    // The same instant: the clock stands still while both are filed.
    const running = t.ctx.now
    const instant = running()
    t.ctx.now = () => instant
    const answers = await Promise.all([postComplaint(t, consumers[4]!.token, bodies[0]), postComplaint(t, consumers[5]!.token, bodies[1])]).finally(() => {
      t.ctx.now = running
    })
    for (const a of answers) assert.equal(a.statusCode, 201, a.body)
    const rows = await groupRows(name)
    assert.equal(rows.length, 1, 'one group')
    const members = await t.ctx.db.selectFrom('complaints').select('id').where('group_id', '=', rows[0]!.id).execute()
    assert.equal(members.length, 6)
    assert.equal(Number(rows[0]!.member_count), 6, 'the count agrees with the members')
  })

  test('the parent organization is told (上报), the county staff get the 重点督办 item, a sibling county hears nothing', async () => {
    const inbox = (organization: string) =>
      t.ctx.db
        .selectFrom('notifications')
        .innerJoin('users', 'users.id', 'notifications.recipient_id')
        .select(['notifications.title', 'notifications.body', 'notifications.link'])
        .where('users.phone', '=', `1397200000${STAFF_OF.indexOf(organization) + 1}`)
        .where('notifications.body', 'like', '%西湖示例茶庄%')
        .execute()
    assert.ok((await inbox(HANGZHOU)).some((x) => x.title === '下级上报群体性投诉' && x.link?.includes('/packages/groups/')))
    assert.ok((await inbox(XIHU)).some((x) => x.title === '群体性投诉：列入重点督办'))
    assert.equal((await inbox(SHANGCHENG)).length, 0)
  })

  test('staff see the groups of their subtree only: county A never sees county B, the city and the province see both', async () => {
    const names = (list: Summary[]) => new Set(list.map((g) => g.businessName))
    const xihu = names(await groups(staff[XIHU]!))
    const shangcheng = names(await groups(staff[SHANGCHENG]!))
    assert.ok(xihu.has('西湖示例茶庄') && !xihu.has('上城示例健身房'))
    assert.ok(shangcheng.has('上城示例健身房') && !shangcheng.has('西湖示例茶庄'))
    for (const above of [HANGZHOU, PROVINCE, 'top']) {
      const seen = names(await groups(staff[above]!))
      assert.ok(seen.has('西湖示例茶庄') && seen.has('上城示例健身房'), above)
    }
    const [xihuGroup] = await groupRows('西湖示例茶庄')
    const hidden = await t.app.inject({ method: 'GET', url: `/api/staff/groups/${xihuGroup!.id}`, headers: bearer(staff[SHANGCHENG]!) })
    assert.equal(hidden.statusCode, 404)
    assert.equal(hidden.json().code, 'GROUP_NOT_FOUND')
    const note = await t.app.inject({ method: 'POST', url: `/api/staff/groups/${xihuGroup!.id}/notes`, headers: bearer(staff[SHANGCHENG]!), payload: { note: '越权督办' } })
    assert.equal(note.statusCode, 404)
    const seen = await t.app.inject({ method: 'GET', url: `/api/staff/groups/${xihuGroup!.id}`, headers: bearer(staff[HANGZHOU]!) })
    assert.equal(seen.statusCode, 200)
    const detail = seen.json() as { members: Array<{ amountFen: number }>; amountFen: number; events: Array<{ type: string }> }
    assert.equal(detail.members.length, 5)
    assert.equal(detail.amountFen, detail.members.reduce((sum, m) => sum + m.amountFen, 0))
    assert.equal(detail.events[0]?.type, 'formed')
  })

  test('one 督办 note reaches every member with their own amount', async () => {
    const [group] = await groupRows('西湖示例茶庄')
    const response = await t.app.inject({ method: 'POST', url: `/api/staff/groups/${group!.id}/notes`, headers: bearer(staff[XIHU]!), payload: { note: '已约谈商家，要求一周内逐一退款' } })
    assert.equal(response.statusCode, 200, response.body)
    const members = await t.ctx.db.selectFrom('complaints').select(['id', 'amount_fen', 'consumer_id']).where('group_id', '=', group!.id).execute()
    for (const member of members) {
      const event = await t.ctx.db.selectFrom('complaint_events').select('note').where('complaint_id', '=', member.id).where('type', '=', 'group_note').executeTakeFirstOrThrow()
      assert.match(event.note!, new RegExp(`本案金额 ${Number(member.amount_fen) / 100} 元`))
      const told = await t.ctx.db.selectFrom('notifications').select('title').where('recipient_id', '=', member.consumer_id).where('complaint_id', '=', member.id).execute()
      assert.ok(told.some((x) => x.title === '集体投诉有新的督办进展'))
    }
  })

  test('a consumer filing against a business with an open group is offered to join and joins with one tap; others are refused with nothing changed', async () => {
    const [group] = await groupRows('西湖示例茶庄')
    const newcomer = consumers[11]!
    const mine = await file(newcomer, '西湖示例茶庄', '浙江省/杭州市/西湖区', 7_700)
    const offer = (await consumerView(newcomer, mine.id)).json() as { group: { id: string; member: boolean; memberCount: number } | null }
    assert.equal(offer.group?.id, group!.id)
    assert.equal(offer.group?.member, false)

    // Someone with no complaint about that business: their own complaint about another one, or someone else's.
    const outsider = consumers[10]!
    const theirs = await file(outsider, '别家小店', '浙江省/杭州市/西湖区')
    const before = await everything()
    const wrongBusiness = await join(outsider, group!.id, theirs.id)
    assert.equal(wrongBusiness.statusCode, 422)
    assert.equal(wrongBusiness.json().code, 'GROUP_JOIN_NOT_ELIGIBLE')
    assert.match(wrongBusiness.json().message, /同一商家/)
    const notTheirs = await join(outsider, group!.id, mine.id)
    assert.equal(notTheirs.statusCode, 404)
    const noGroup = await join(newcomer, randomUUID(), mine.id)
    assert.equal(noGroup.statusCode, 404)
    assert.equal(noGroup.json().code, 'GROUP_NOT_FOUND')
    assert.deepEqual(await everything(), before, 'nothing changed')
    assert.equal((await consumerView(outsider, mine.id)).statusCode, 404, "another's complaint is not shown")

    const joined = await join(newcomer, group!.id, mine.id)
    assert.equal(joined.statusCode, 200, joined.body)
    const view = joined.json() as { group: { member: boolean; memberCount: number; events: Array<{ type: string; note: string | null }> } }
    assert.equal(view.group.member, true)
    assert.equal(view.group.memberCount, 6)
    assert.ok(view.group.events.some((e) => e.type === 'note' && e.note?.includes('约谈')), 'members see the progress')
    assert.doesNotMatch(joined.body, /1397210|13900000000|consumer/, "no other member's personal data")
    const again = await join(newcomer, group!.id, mine.id)
    assert.equal(again.statusCode, 409)
    assert.equal(again.json().code, 'GROUP_ALREADY_MEMBER')
    const [after] = await groupRows('西湖示例茶庄')
    assert.equal(Number(after!.amount_fen), 15_000 + 7_700)
  })

  test('a closed group takes no one and no notes; a closed group is listed as 已办结', async () => {
    const [group] = await groupRows('上城示例健身房')
    const close = (token: string) => t.app.inject({ method: 'POST', url: `/api/staff/groups/${group!.id}/close`, headers: bearer(token), payload: { note: '商家已全部退款' } })
    const [first, second] = await Promise.all([close(staff[SHANGCHENG]!), close(staff[HANGZHOU]!)])
    assert.deepEqual([first.statusCode, second.statusCode].sort(), [200, 409])
    const late = await file(consumers[9]!, '上城示例健身房', '浙江省/杭州市/上城区')
    assert.equal(((await consumerView(consumers[9]!, late.id)).json() as { group: unknown }).group, null, 'no open group to offer')
    const refused = await join(consumers[9]!, group!.id, late.id)
    assert.equal(refused.statusCode, 409)
    assert.equal(refused.json().code, 'GROUP_CLOSED')
    assert.equal((await groups(staff[HANGZHOU]!)).find((g) => g.id === group!.id)?.status, 'closed')
  })
})
