import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Station, StaffStationList, StationList } from '../../../src/contract/station'
import { runAdminCommand } from '../cli/admin-commands'
import { seedDemoNetwork } from '../seed/organizations'
import { DEMO_STATIONS, seedDemoStations } from '../seed/stations'
import { createStation } from '../modules/stations/stations.service'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'

const XIHU = '杭州市西湖区消费者协会'
const SHANGCHENG = '杭州市上城区消费者协会'
const HANGZHOU = '示例省杭州市消费者协会'
const NINGBO = '示例省宁波市消费者协会'
const PROVINCE = '示例省消费者协会'
/** 断桥 by West Lake, GCJ-02. */
const WEST_LAKE = { latitude: 30.25906, longitude: 120.15186 }
/** 宁波 天一广场. */
const TIANYI = { latitude: 29.87013, longitude: 121.55707 }

const form = (name: string, extra: object = {}) => ({
  name,
  hostKind: 'community',
  hostName: '某某社区居委会',
  address: '浙江省杭州市西湖区某某路 1 号',
  latitude: 30.2801,
  longitude: 120.1201,
  openingHours: '周一至周五 9:00-17:00',
  phone: '0571-88990000',
  services: ['consult', 'file_complaint'],
  ...extra,
})

describe(`service stations: finding the nearest, by region, and managing them (${TEST_DB})`, () => {
  let t: TestApp
  const org: Record<string, string> = {}
  const token: Record<string, string> = {}

  const find = async (query: string) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/stations?${query}` })
    assert.equal(response.statusCode, 200, response.body)
    return (response.json() as StationList).items
  }
  const near = (p: { latitude: number; longitude: number }, extra = '') => find(`latitude=${p.latitude}&longitude=${p.longitude}${extra}`)
  const post = (who: string, payload: object) => t.app.inject({ method: 'POST', url: '/api/staff/stations', headers: bearer(token[who]!), payload })
  const put = (who: string, id: string, payload: object) => t.app.inject({ method: 'PUT', url: `/api/staff/stations/${id}`, headers: bearer(token[who]!), payload })
  const stationId = async (name: string) => (await t.ctx.db.selectFrom('organization_stations').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id

  before(async () => {
    t = await createTestApp()
    await seedDemoNetwork(t.ctx.db, t.ctx.now())
    await seedDemoStations(t.ctx.db, t.ctx.now())
    for (const row of await t.ctx.db.selectFrom('organizations').select(['id', 'name']).execute()) org[row.name] = row.id
    const people: Array<[string, string, string, boolean]> = [
      ['xihu', '13972000001', XIHU, true],
      ['shangcheng', '13972000002', SHANGCHENG, true],
      ['hangzhou', '13972000003', HANGZHOU, true],
      ['xihuClerk', '13972000004', XIHU, false],
      ['operator', '13972000005', XIHU, false],
    ]
    for (const [who, phone, organization, manage] of people) {
      await runAdminCommand(t.ctx.db, 'add-staff', { phone, name: who, organization, manage })
    }
    assert.match(await runAdminCommand(t.ctx.db, 'assign-station', { phone: '13972000005', station: '文三路消费维权服务站' }), /现在负责服务站「文三路消费维权服务站」/)
    let n = 0
    for (const [who, phone] of people) token[who] = (await loginByPhone(t, phone, `10.72.0.${++n}`)).accessToken
  })
  after(() => t.close())

  test('from West Lake the Hangzhou stations come first, nearest first, each with its distance, hours, phone and services', async () => {
    const items = await near(WEST_LAKE)
    assert.deepEqual(items.map((s) => s.name), ['湖滨社区消费维权服务站', '文三路消费维权服务站', '鼓楼市场监管所维权服务站', '江北晚报读者维权服务站'])
    const distances = items.map((s) => s.distanceMeters!)
    assert.deepEqual([...distances].sort((a, b) => a - b), distances)
    // 断桥 → 东坡路 is about 1.6 km; Ningbo is about 150 km away.
    assert.ok(distances[0]! > 1000 && distances[0]! < 2500, String(distances[0]))
    assert.ok(distances[2]! > 130_000 && distances[2]! < 170_000, String(distances[2]))
    const first = items[0]!
    assert.equal(first.openingHours, '周一至周五 9:00-17:00')
    assert.equal(first.phone, '0571-87001234')
    assert.deepEqual(first.services, ['consult', 'file_complaint', 'mediate'])
    assert.equal(first.organizationName, SHANGCHENG)
  })

  test('from Ningbo the Ningbo stations come first; limit cuts the list', async () => {
    const items = await near(TIANYI, '&limit=2')
    assert.deepEqual(items.map((s) => s.name), ['鼓楼市场监管所维权服务站', '江北晚报读者维权服务站'])
  })

  test('by region: a county lists its own stations, a city its counties\', the province all four', async () => {
    assert.deepEqual((await find(`organizationId=${org[XIHU]}`)).map((s) => s.name), ['文三路消费维权服务站'])
    assert.deepEqual((await find(`organizationId=${org[HANGZHOU]}`)).map((s) => s.name).sort(), ['文三路消费维权服务站', '湖滨社区消费维权服务站'].sort())
    assert.equal((await find(`organizationId=${org[PROVINCE]}`)).length, DEMO_STATIONS.length)
    for (const s of await find(`organizationId=${org[NINGBO]}`)) assert.equal(s.distanceMeters, null)
  })

  test('a region with more than a page of stations pages by cursor without repeats', async () => {
    const county = await runAdminCommand(t.ctx.db, 'create-organization', { name: '杭州市滨江区消费者协会', level: 'county', region: '330108', parent: HANGZHOU })
    assert.match(county, /已创建/)
    const id = (await t.ctx.db.selectFrom('organizations').select('id').where('name', '=', '杭州市滨江区消费者协会').executeTakeFirstOrThrow()).id
    for (let i = 0; i < 53; i++) await createStation(t.ctx.db, { organizationId: id, ...form(`滨江第${String(i).padStart(2, '0')}服务站`, { latitude: null, longitude: null }) } as never, t.ctx.now(), null)
    const first = (await t.app.inject({ method: 'GET', url: `/api/stations?organizationId=${id}` })).json() as StationList
    assert.equal(first.items.length, 50)
    assert.ok(first.nextCursor)
    const second = (await t.app.inject({ method: 'GET', url: `/api/stations?organizationId=${id}&cursor=${first.nextCursor}` })).json() as StationList
    assert.equal(second.items.length, 3)
    assert.equal(second.nextCursor, null)
    assert.equal(new Set([...first.items, ...second.items].map((s) => s.id)).size, 53)
  })

  test('bad questions are 4xx with a Chinese message: latitude out of range, half a position, unknown region, nothing asked, a forged cursor', async () => {
    const cases: Array<[string, number, RegExp]> = [
      ['latitude=91&longitude=120', 400, /./],
      ['latitude=abc&longitude=120', 400, /./],
      ['latitude=30.2', 422, /纬度和经度要一起提供/],
      [`latitude=30&longitude=120&organizationId=${org[XIHU]}`, 422, /不要同时/],
      ['organizationId=no-such-org', 404, /没有找到这个地区/],
      ['', 422, /请允许定位，或选择所在地区/],
      [`organizationId=${org[XIHU]}&cursor=bm90LWEtY3Vyc29y`, 400, /列表位置已失效/],
      ['limit=500&latitude=30&longitude=120', 400, /./],
    ]
    for (const [query, status, message] of cases) {
      const response = await t.app.inject({ method: 'GET', url: `/api/stations?${query}` })
      assert.equal(response.statusCode, status, `${query}: ${response.body}`)
      assert.match((response.json() as { message: string }).message, message)
      assert.match((response.json() as { message: string }).message, /[\u4e00-\u9fa5]/)
    }
  })

  test('the region picker is the organizations tree, public', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/stations/regions' })
    assert.equal(response.statusCode, 200)
    const items = (response.json() as { items: Array<{ id: string; parentId: string | null }> }).items
    assert.ok(items.some((o) => o.id === org[XIHU] && o.parentId === org[HANGZHOU]))
  })

  test('a manager adds a station to their county; it is found at once; a parent organization\'s manager may edit it', async () => {
    const created = await post('xihu', { organizationId: org[XIHU], ...form('古荡社区服务站') })
    assert.equal(created.statusCode, 201, created.body)
    const station = created.json() as Station
    assert.equal(station.active, true)
    assert.ok((await near({ latitude: 30.2801, longitude: 120.1201 }, '&limit=1')).some((s) => s.id === station.id))
    const edited = await put('hangzhou', station.id, { ...form('古荡社区服务站', { openingHours: '每天 8:00-20:00' }), active: true })
    assert.equal(edited.statusCode, 200, edited.body)
    assert.equal((edited.json() as Station).openingHours, '每天 8:00-20:00')
  })

  test('someone of another organization gets 404; a colleague without manage 403; nothing is written', async () => {
    const id = await stationId('文三路消费维权服务站')
    const before = await t.ctx.db.selectFrom('organization_stations').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    assert.equal((await put('shangcheng', id, { ...form('改名'), active: true })).statusCode, 404)
    assert.equal((await post('shangcheng', { organizationId: org[XIHU], ...form('越界站') })).statusCode, 404)
    assert.equal((await post('xihu', { organizationId: org[HANGZHOU], ...form('上级站') })).statusCode, 404)
    assert.equal((await post('xihu', { organizationId: 'no-such-org', ...form('无主站') })).statusCode, 404)
    assert.equal((await put('xihuClerk', id, { ...form('改名'), active: true })).statusCode, 403)
    assert.equal((await post('xihuClerk', { organizationId: org[XIHU], ...form('无权站') })).statusCode, 403)
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/staff/stations', headers: bearer(token.xihuClerk!) })).statusCode, 403)
    assert.deepEqual(await t.ctx.db.selectFrom('organization_stations').selectAll().where('id', '=', id).executeTakeFirstOrThrow(), before)
    assert.equal(await t.ctx.db.selectFrom('organization_stations').select('id').where('name', 'in', ['改名', '越界站', '上级站', '无主站', '无权站']).executeTakeFirst(), undefined)
  })

  test('an operator edits only their own station and may not take it off the lists', async () => {
    const own = await stationId('文三路消费维权服务站')
    const list = (await t.app.inject({ method: 'GET', url: '/api/staff/stations', headers: bearer(token.operator!) })).json() as StaffStationList
    assert.deepEqual(list.items.map((s) => s.id), [own])
    assert.equal(list.canManage, false)
    const current = list.items[0]!
    const body = { name: current.name, hostKind: current.hostKind, hostName: current.hostName, address: current.address, latitude: current.latitude, longitude: current.longitude, openingHours: '每天 9:00-22:00', phone: current.phone, services: current.services }
    assert.equal((await put('operator', own, { ...body, active: true })).statusCode, 200)
    assert.equal((await put('operator', own, { ...body, active: false })).statusCode, 403)
    assert.equal((await put('operator', await stationId('古荡社区服务站'), { ...form('古荡社区服务站'), active: true })).statusCode, 403)
    assert.equal((await post('operator', { organizationId: org[XIHU], ...form('站长新建') })).statusCode, 403)
  })

  test('a manager deactivates a station: gone from the public lists, still in the managers\' list', async () => {
    const id = await stationId('古荡社区服务站')
    const response = await put('xihu', id, { ...form('古荡社区服务站'), active: false })
    assert.equal(response.statusCode, 200, response.body)
    assert.ok(!(await near({ latitude: 30.2801, longitude: 120.1201 })).some((s) => s.id === id))
    assert.ok(!(await find(`organizationId=${org[XIHU]}`)).some((s) => s.id === id))
    const mine = (await t.app.inject({ method: 'GET', url: '/api/staff/stations', headers: bearer(token.xihu!) })).json() as StaffStationList
    assert.equal(mine.items.find((s) => s.id === id)?.active, false)
    assert.deepEqual(mine.organizations.map((o) => o.id), [org[XIHU]])
  })

  test('bad forms: half a position, no services, a made-up phone are refused without writing', async () => {
    const count = async () => Number((await t.ctx.db.selectFrom('organization_stations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
    const before = await count()
    const halfPosition = await post('xihu', { organizationId: org[XIHU], ...form('半个位置', { longitude: null }) })
    assert.equal(halfPosition.statusCode, 422)
    assert.match((halfPosition.json() as { message: string }).message, /纬度和经度要一起填写/)
    assert.equal((await post('xihu', { organizationId: org[XIHU], ...form('没有服务', { services: [] }) })).statusCode, 400)
    assert.equal((await post('xihu', { organizationId: org[XIHU], ...form('电话乱写', { phone: 'call me' }) })).statusCode, 400)
    assert.equal((await post('xihu', { organizationId: org[XIHU], ...form('纬度越界', { latitude: 95 }) })).statusCode, 400)
    assert.equal((await post('xihu', { organizationId: org[XIHU], ...form('纬度是字', { latitude: '30.1' }) })).statusCode, 400)
    assert.equal(await count(), before)
  })

  test('two managers adding the same name at once: one station, one 409', async () => {
    const answers = await Promise.all([post('xihu', { organizationId: org[XIHU], ...form('同名站') }), post('hangzhou', { organizationId: org[XIHU], ...form('同名站') })])
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [201, 409])
    assert.match((answers.find((a) => a.statusCode === 409)!.json() as { message: string }).message, /同名的服务站/)
  })

  test('npm run admin: create, update, deactivate, list and assign stations', async () => {
    const created = await runAdminCommand(t.ctx.db, 'create-station', {
      organization: SHANGCHENG, name: '清波街道服务站', address: '浙江省杭州市上城区清波街 1 号', hours: '周一至周五 9:00-17:00',
      'host-kind': '社区/村委会', lat: '30.2461', lng: '120.1640', services: '咨询,代办投诉', 'station-phone': '0571-87000000',
    })
    assert.match(created, /已创建服务站「清波街道服务站」/)
    await assert.rejects(runAdminCommand(t.ctx.db, 'create-station', { organization: SHANGCHENG, name: '坏站', address: '某地 1 号', hours: '每天', services: '算命' }), /--services 只能是/)
    await assert.rejects(runAdminCommand(t.ctx.db, 'create-station', { organization: SHANGCHENG, name: '坏站', address: '某地 1 号', hours: '每天', lat: '30' }), /纬度和经度要一起填写/)
    assert.match(await runAdminCommand(t.ctx.db, 'update-station', { station: '清波街道服务站', hours: '每天 9:00-21:00' }), /已修改/)
    assert.match(await runAdminCommand(t.ctx.db, 'update-station', { station: '清波街道服务站', deactivate: true }), /已停用/)
    const listed = await runAdminCommand(t.ctx.db, 'list-stations', { organization: SHANGCHENG })
    assert.match(listed, /（已停用）清波街道服务站\t杭州市上城区消费者协会\t社区\/村委会.*每天 9:00-21:00/)
    await assert.rejects(runAdminCommand(t.ctx.db, 'assign-station', { phone: '13972000001', station: '清波街道服务站' }), /属于其他组织/)
    assert.match(await runAdminCommand(t.ctx.db, 'assign-station', { phone: '13972000005', 'no-station': true }), /不再负责/)
  })
})
