import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { runAdminCommand } from '../cli/admin-commands'
import { seedDemoNetwork } from '../seed/organizations'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'
import { addTestStation } from './support/walk-ins'

const XIHU = '杭州市西湖区消费者协会'
const SHANGCHENG = '杭州市上城区消费者协会'
const HANGZHOU = '示例省杭州市消费者协会'

describe(`managing an organization's members and children (${TEST_DB})`, () => {
  let t: TestApp
  const org: Record<string, string> = {}
  const token: Record<string, string> = {}
  const userId: Record<string, string> = {}
  let phones = 0

  /** A staff member of `organization`, signed in. */
  async function person(key: string, organization: string, manage: boolean) {
    phones += 1
    const phone = `139730${String(phones).padStart(5, '0')}`
    await runAdminCommand(t.ctx.db, 'add-staff', { phone, name: key, organization, manage })
    const session = await loginByPhone(t, phone, `10.73.0.${phones}`)
    token[key] = session.accessToken
    userId[key] = session.user.id
  }
  const call = (who: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/staff/organizations${url}`, headers: bearer(token[who]!), ...(payload ? { payload } : {}) })
  const members = async (who: string, organization: string) => (await call(who, 'GET', `/${org[organization]}/members`)).json() as { members: Array<{ userId: string; displayName: string; canManage: boolean; station: { name: string } | null }> }
  const permissions = (canManage: boolean, stationId: string | null = null) => ({ canManage, canMediate: true, stationId })

  before(async () => {
    t = await createTestApp()
    await seedDemoNetwork(t.ctx.db, t.ctx.now())
    for (const row of await t.ctx.db.selectFrom('organizations').select(['id', 'name']).execute()) org[row.name] = row.id
    await person('xihuManager', XIHU, true)
    await person('xihuClerk', XIHU, false)
    await person('shangchengManager', SHANGCHENG, true)
    await person('cityManager', HANGZHOU, true)
  })
  after(() => t.close())

  test('a manager reads their organization; a sibling or the parent is 404, a colleague without 管理 403, the city manages its counties', async () => {
    const own = await call('xihuManager', 'GET', `/${org[XIHU]}/members`)
    assert.equal(own.statusCode, 200)
    assert.deepEqual(own.json().members.map((m: { displayName: string }) => m.displayName).sort(), ['xihuClerk', 'xihuManager'])
    assert.match(own.json().members[0].phone, /^1\d{2}\*{4}\d{4}$/)
    for (const [who, where, status] of [
      ['xihuManager', SHANGCHENG, 404],
      ['xihuManager', HANGZHOU, 404],
      ['xihuClerk', XIHU, 403],
      ['cityManager', XIHU, 200],
    ] as const) {
      assert.equal((await call(who, 'GET', `/${org[where]}/members`)).statusCode, status, `${who} → ${where}`)
      assert.equal((await call(who, 'POST', `/${org[where]}/members`, { phone: '13973099999', displayName: '试试', ...permissions(false) })).statusCode, status === 200 ? 200 : status)
    }
    assert.equal((await call('xihuManager', 'PUT', `/${org[SHANGCHENG]}/members/${userId.shangchengManager}`, permissions(false))).statusCode, 404)
    assert.equal((await call('xihuManager', 'DELETE', `/${org[SHANGCHENG]}/members/${userId.shangchengManager}`)).statusCode, 404)
    assert.equal((await members('shangchengManager', SHANGCHENG)).members.length, 1, 'nothing changed in 上城区')
  })

  test('adding by phone creates the account, who then signs in to their organization; bad additions are 4xx and write nothing', async () => {
    const added = await call('xihuManager', 'POST', `/${org[XIHU]}/members`, { phone: '13973010001', displayName: '新来的小李', ...permissions(false) })
    assert.equal(added.statusCode, 200, added.body)
    const session = await loginByPhone(t, '13973010001', '10.73.1.1')
    assert.equal(session.user.role, 'staff')
    const mine = (await t.app.inject({ method: 'GET', url: '/api/staff/organizations/mine', headers: bearer(session.accessToken) })).json()
    assert.equal(mine.organization.name, XIHU)
    assert.equal(mine.canManage, false)

    const users = async () => Number((await t.ctx.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
    const before = await users()
    const cases: Array<[object, number, string]> = [
      [{ phone: '13973010001', ...permissions(false) }, 409, 'MEMBER_EXISTS'],
      [{ phone: '13973000003', ...permissions(false) }, 409, 'STAFF_IN_OTHER_ORGANIZATION'],
      [{ phone: '13973010002', ...permissions(false) }, 400, 'VALIDATION_FAILED'],
      [{ phone: '12345', displayName: '号码不对', ...permissions(false) }, 400, 'VALIDATION_FAILED'],
      [{ phone: '13973010003', displayName: '别处站点', ...permissions(false, 'no-such-station') }, 422, 'STATION_NOT_IN_ORGANIZATION'],
      [{ phone: '13973010004', displayName: '多字段', canManage: 'yes', canMediate: true, stationId: null }, 400, 'VALIDATION_FAILED'],
    ]
    for (const [payload, status, code] of cases) {
      const response = await call('xihuManager', 'POST', `/${org[XIHU]}/members`, payload)
      assert.equal(response.statusCode, status, response.body)
      assert.equal(response.json().code, code)
      assert.match(response.json().message, /[\u4e00-\u9fa5]/)
    }
    assert.equal(await users(), before)
    const unknown = await call('xihuManager', 'GET', `/no-such-organization/members`)
    assert.equal(unknown.statusCode, 404)
    assert.equal(unknown.json().code, 'ORGANIZATION_NOT_FOUND')
  })

  test('permissions: 管理, 调解 and 站点值守 at a station of the organization; the last manager cannot give up 管理 nor be removed', async () => {
    const station = (await addTestStation(t, org[XIHU]!, '示例超市服务站')).id
    const set = await call('xihuManager', 'PUT', `/${org[XIHU]}/members/${userId.xihuClerk}`, permissions(false, station))
    assert.equal(set.statusCode, 200, set.body)
    assert.equal(set.json().members.find((m: { userId: string }) => m.userId === userId.xihuClerk).station.name, '示例超市服务站')

    const demote = await call('xihuManager', 'PUT', `/${org[XIHU]}/members/${userId.xihuManager}`, permissions(false))
    assert.equal(demote.statusCode, 409)
    assert.equal(demote.json().code, 'LAST_MANAGER')
    const leave = await call('xihuManager', 'DELETE', `/${org[XIHU]}/members/${userId.xihuManager}`)
    assert.equal(leave.statusCode, 409)
    assert.equal(leave.json().code, 'LAST_MANAGER')
    assert.equal((await call('xihuManager', 'PUT', `/${org[XIHU]}/members/${userId.shangchengManager}`, permissions(true))).statusCode, 404)
  })

  test('a removed member keeps their account as a consumer and loses the staff pages; their open cases go back to the queue', async () => {
    await person('leaver', XIHU, false)
    const removed = await call('xihuManager', 'DELETE', `/${org[XIHU]}/members/${userId.leaver}`)
    assert.equal(removed.statusCode, 204)
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/staff/complaints', headers: bearer(token.leaver!) })).statusCode, 403)
    assert.equal((await t.ctx.db.selectFrom('users').select('role').where('id', '=', userId.leaver!).executeTakeFirstOrThrow()).role, 'consumer')
    assert.equal((await call('xihuManager', 'DELETE', `/${org[XIHU]}/members/${userId.leaver}`)).statusCode, 404)
  })

  test('two managers removing each other at once: exactly one succeeds, the organization keeps a manager', async () => {
    await person('left', SHANGCHENG, true)
    const [a, b] = await Promise.all([
      call('shangchengManager', 'DELETE', `/${org[SHANGCHENG]}/members/${userId.left}`),
      call('left', 'DELETE', `/${org[SHANGCHENG]}/members/${userId.shangchengManager}`),
    ])
    // The loser is refused either as the last manager (409) or, when the winner went first, as no longer staff/manager (403).
    assert.equal([a, b].filter((r) => r.statusCode === 204).length, 1, `${a.statusCode} ${b.statusCode}`)
    assert.ok([a, b].every((r) => [204, 403, 409].includes(r.statusCode)))
    const managers = await t.ctx.db.selectFrom('staff_memberships').select('user_id').where('organization_id', '=', org[SHANGCHENG]!).where('can_manage', '=', 1).execute()
    assert.equal(managers.length, 1)

    await person('second', SHANGCHENG, true)
    const survivor = managers[0]!.user_id === userId.left ? 'left' : 'shangchengManager'
    const [c, d] = await Promise.all([
      call(survivor, 'PUT', `/${org[SHANGCHENG]}/members/${userId.second}`, permissions(false)),
      call('second', 'PUT', `/${org[SHANGCHENG]}/members/${userId[survivor]}`, permissions(false)),
    ])
    assert.equal([c, d].filter((r) => r.statusCode === 200).length, 1, `${c.statusCode} ${d.statusCode}`)
    assert.ok([c, d].every((r) => [200, 403, 409].includes(r.statusCode)))
    const left = await t.ctx.db.selectFrom('staff_memberships').select('user_id').where('organization_id', '=', org[SHANGCHENG]!).where('can_manage', '=', 1).execute()
    assert.equal(left.length, 1)
  })

  test('a manager creates a county under their city with a real region code; bad codes and a tree not theirs are refused', async () => {
    const create = (who: string, parent: string, regionCode: string, name = `杭州市拱墅区消费者协会${randomUUID().slice(0, 4)}`) =>
      t.app.inject({ method: 'POST', url: '/api/staff/organizations', headers: bearer(token[who]!), payload: { name, level: 'county', regionCode, parentId: org[parent] } })
    const created = await create('cityManager', HANGZHOU, '330105')
    assert.equal(created.statusCode, 201, created.body)
    const children = (await members('cityManager', HANGZHOU) as unknown as { children: Array<{ id: string }> }).children
    assert.ok(children.some((c) => c.id === created.json().id))
    assert.equal((await create('cityManager', HANGZHOU, '33xx05')).statusCode, 400)
    assert.equal((await create('cityManager', HANGZHOU, '330199')).json().code, 'VALIDATION_FAILED')
    assert.equal((await create('cityManager', HANGZHOU, '320505')).statusCode, 422, 'outside 杭州')
    assert.equal((await create('xihuManager', HANGZHOU, '330105')).statusCode, 403, 'a county cannot add to its parent')
  })
})
