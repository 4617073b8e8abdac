import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createOrganization } from '../modules/organizations/organizations.service'
import { lastMonths } from '../modules/walk-ins/station-figures'
import { DEFAULT_ORGANIZATION_ID } from '../modules/organizations/organizations.repository'
import { countRows } from './support/complaints'
import { insertEvidenceRows } from './support/evidence-rows'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { makeStaff, signIn, type Person } from './support/volunteers'
import { confirmWalkIn, consentedWalkIn, addTestStation, lastCodeFor, makeOperator, startWalkIn, submitWalkIn, walkInComplaint } from './support/walk-ins'

describe(`walk-in filing (代办) at a station counter (${TEST_DB})`, () => {
  let t: TestApp
  let station: { id: string; name: string }
  let operator: Person
  let otherOperator: Person
  let countyStaff: Person
  let siblingStaff: Person
  let phones = 0
  const nextPhone = () => `1371000${String(++phones).padStart(4, '0')}`

  before(async () => {
    // One counter sends many codes from one address; the clock moves on by hours without signing out.
    t = await createTestApp({ ACCESS_TOKEN_TTL_SECONDS: '86400', SMS_PHONE_PER_MINUTE: '100', SMS_PHONE_PER_DAY: '1000', SMS_IP_PER_MINUTE: '1000', SMS_IP_PER_DAY: '100000' })
    const now = t.ctx.now()
    const county = await createOrganization(t.ctx.db, { name: '测试西湖区消协', level: 'county', regionCode: '330106', parentId: DEFAULT_ORGANIZATION_ID }, now)
    const sibling = await createOrganization(t.ctx.db, { name: '测试上城区消协', level: 'county', regionCode: '330102', parentId: DEFAULT_ORGANIZATION_ID }, now)
    station = await addTestStation(t, county.id, '测试文三路社区服务站')
    const otherStation = await addTestStation(t, county.id, '测试古荡社区服务站')
    operator = await makeOperator(t, '13790000001', station, county.id)
    otherOperator = await makeOperator(t, '13790000002', otherStation, county.id)
    countyStaff = await makeStaff(t, '13790000003')
    siblingStaff = await makeStaff(t, '13790000004')
    const { addStaffToOrganization } = await import('../modules/organizations/organizations.service')
    await addStaffToOrganization(t.ctx.db, countyStaff.id, county.id, { canManage: false, canMediate: true }, now)
    await addStaffToOrganization(t.ctx.db, siblingStaff.id, sibling.id, { canManage: false, canMediate: true }, now)
  })
  after(() => t.close())

  test('the person confirms with the code sent to their phone; the complaint is theirs, with the station, the operator and the photos', async () => {
    const phone = nextPhone()
    const started = await startWalkIn(t, operator, phone, '王大爷')
    assert.equal(started.statusCode, 201, started.body)
    assert.equal(started.json().consentedAt, null)
    assert.equal(t.sms.at(-1)!.phone, phone)
    const id = started.json().id as string
    const confirmed = await confirmWalkIn(t, operator, id, lastCodeFor(t, phone))
    assert.equal(confirmed.statusCode, 200, confirmed.body)
    assert.ok(confirmed.json().consentedAt)

    const photos = await insertEvidenceRows(t, operator.id, 2)
    const filed = await submitWalkIn(t, operator, id, walkInComplaint(t, phone, { evidenceIds: photos }))
    assert.equal(filed.statusCode, 201, filed.body)
    const number = filed.json().complaint.number as string
    assert.match(number, /^WQ\d{14}$/)

    const row = await t.ctx.db.selectFrom('complaints').selectAll().where('number', '=', number).executeTakeFirstOrThrow()
    assert.equal(row.station_id, station.id)
    assert.equal(row.filed_by, operator.id)
    const filing = await t.ctx.db.selectFrom('walk_in_filings').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    assert.deepEqual([filing.complaint_id, filing.phone, filing.operator_id, filing.station_id, filing.consumer_id], [row.id, phone, operator.id, station.id, row.consumer_id])
    const owners = await t.ctx.db.selectFrom('evidence').select('owner_id').where('complaint_id', '=', row.id).execute()
    assert.deepEqual(owners.map((o) => o.owner_id), [row.consumer_id, row.consumer_id])

    // Later, at home: the person logs in with the same phone and follows the case as their own.
    const person = await signIn(t, phone)
    assert.equal(person.id, row.consumer_id)
    const list = await t.app.inject({ method: 'GET', url: '/api/complaints', headers: bearer(person.token) })
    assert.deepEqual(list.json().items.map((c: { number: string }) => c.number), [number])
    const detail = await t.app.inject({ method: 'GET', url: `/api/complaints/${row.id}`, headers: bearer(person.token) })
    assert.equal(detail.statusCode, 200)
    assert.equal(detail.json().evidence.length, 2)
    assert.match(JSON.stringify(detail.json().events), /测试文三路社区服务站/)
    const inbox = await t.app.inject({ method: 'GET', url: '/api/notifications', headers: bearer(person.token) })
    assert.match(inbox.body, new RegExp(number))
  })

  test('a wrong or expired code is refused and nothing is filed', async () => {
    const phone = nextPhone()
    const id = (await startWalkIn(t, operator, phone)).json().id as string
    const code = lastCodeFor(t, phone)
    const wrong = await confirmWalkIn(t, operator, id, code === '000000' ? '111111' : '000000')
    assert.equal(wrong.statusCode, 400)
    assert.equal(wrong.json().code, 'SMS_CODE_INVALID')
    const before = await countRows(t, 'complaints')
    const unconfirmed = await submitWalkIn(t, operator, id, walkInComplaint(t, phone))
    assert.equal(unconfirmed.statusCode, 409)
    assert.equal(unconfirmed.json().code, 'WALK_IN_CONSENT_REQUIRED')
    t.advance(6 * 60_000)
    const late = await confirmWalkIn(t, operator, id, code)
    assert.equal(late.statusCode, 400)
    assert.equal(await countRows(t, 'complaints'), before)
    const filing = await t.ctx.db.selectFrom('walk_in_filings').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    assert.equal(filing.consented_at, null)
  })

  test('a consent older than two hours no longer files', async () => {
    const phone = nextPhone()
    const id = await consentedWalkIn(t, operator, phone)
    t.advance(2 * 3600_000 + 60_000)
    const answer = await submitWalkIn(t, operator, id, walkInComplaint(t, phone))
    assert.equal(answer.statusCode, 409)
    assert.equal(answer.json().code, 'WALK_IN_CONSENT_EXPIRED')
  })

  test('one consent files one complaint: a retry answers with it, a double submit at once makes one', async () => {
    const phone = nextPhone()
    const id = await consentedWalkIn(t, operator, phone)
    const body = walkInComplaint(t, phone)
    const before = await countRows(t, 'complaints')
    const answers = await Promise.all([submitWalkIn(t, operator, id, body), submitWalkIn(t, operator, id, body), submitWalkIn(t, operator, id, body)])
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [200, 200, 201], answers.map((a) => a.body).join('\n'))
    assert.equal(new Set(answers.map((a) => a.json().complaint.id)).size, 1)
    assert.equal(await countRows(t, 'complaints'), before + 1)
    const other = await submitWalkIn(t, operator, id, walkInComplaint(t, phone, { description: '另一件事：理发店办卡后关门，店主失联，余额退不了。' }))
    assert.equal(other.statusCode, 409)
    assert.equal(await countRows(t, 'complaints'), before + 1)
  })

  test('an operator of another station, or staff without a station, cannot act on the filing; nothing changes', async () => {
    const phone = nextPhone()
    const id = (await startWalkIn(t, operator, phone)).json().id as string
    const code = lastCodeFor(t, phone)
    const foreign = await confirmWalkIn(t, otherOperator, id, code)
    assert.equal(foreign.statusCode, 404)
    assert.equal(foreign.json().code, 'WALK_IN_NOT_FOUND')
    const noStation = await startWalkIn(t, countyStaff, nextPhone())
    assert.equal(noStation.statusCode, 403)
    assert.equal(noStation.json().code, 'NOT_A_STATION_OPERATOR')
    const filing = await t.ctx.db.selectFrom('walk_in_filings').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    assert.equal(filing.consented_at, null)
    // The code was not spent by the refused attempt: the right operator still confirms with it.
    assert.equal((await confirmWalkIn(t, operator, id, code)).statusCode, 200)
    const stolen = await submitWalkIn(t, otherOperator, id, walkInComplaint(t, phone))
    assert.equal(stolen.statusCode, 404)
  })

  test('the consent code cannot log in, a login code cannot confirm consent, and a code confirms only its own filing', async () => {
    const phone = nextPhone()
    const id = (await startWalkIn(t, operator, phone)).json().id as string
    const consentCode = lastCodeFor(t, phone)
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/phone', payload: { phone, code: consentCode } })
    assert.equal(login.statusCode, 400)
    assert.equal(await t.ctx.db.selectFrom('sessions').select('id').where('user_id', 'in', t.ctx.db.selectFrom('users').select('id').where('phone', '=', phone)).executeTakeFirst(), undefined)

    // The person asks for a login code meanwhile; reading it out confirms nothing.
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/auth/sms-code', payload: { phone }, remoteAddress: '10.9.0.1' })).statusCode, 200)
    const loginCode = lastCodeFor(t, phone)
    const withLoginCode = await confirmWalkIn(t, operator, id, loginCode)
    assert.equal(withLoginCode.statusCode, 400)

    // A second filing for the same phone: its code does not confirm the first filing, and the first
    // filing's code (retired by the newer one) confirms neither.
    const second = (await startWalkIn(t, operator, phone)).json().id as string
    const secondCode = lastCodeFor(t, phone)
    assert.equal((await confirmWalkIn(t, operator, id, secondCode)).statusCode, 400)
    if (secondCode !== consentCode) assert.equal((await confirmWalkIn(t, operator, second, consentCode)).statusCode, 400)
    assert.equal((await confirmWalkIn(t, operator, second, secondCode)).statusCode, 200)
    const first = await t.ctx.db.selectFrom('walk_in_filings').select('consented_at').where('id', '=', id).executeTakeFirstOrThrow()
    assert.equal(first.consented_at, null)
  })

  test("a staff or enterprise phone cannot have a case filed for it", async () => {
    const answer = await startWalkIn(t, operator, countyStaff.phone)
    assert.equal(answer.statusCode, 422)
    assert.equal(answer.json().code, 'WALK_IN_PHONE_NOT_CONSUMER')
  })

  test("the operator lists the station's complaints but sees none of the person's own", async () => {
    const phone = nextPhone()
    const person = await signIn(t, phone)
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/complaints',
      headers: { ...bearer(person.token), 'idempotency-key': crypto.randomUUID() },
      payload: walkInComplaint(t, phone, { business: { name: '示例眼镜店', region: '浙江省/杭州市/西湖区' } }),
    })
    assert.equal(own.statusCode, 201, own.body)
    const id = await consentedWalkIn(t, operator, phone)
    const filed = (await submitWalkIn(t, operator, id, walkInComplaint(t, phone, { business: { name: '示例超市', region: '浙江省/杭州市/西湖区' } }))).json()
    const records = await t.app.inject({ method: 'GET', url: '/api/station/walk-ins', headers: bearer(operator.token) })
    assert.equal(records.statusCode, 200)
    const numbers = records.json().items.map((r: { number: string }) => r.number)
    assert.ok(numbers.includes(filed.complaint.number))
    assert.ok(!numbers.includes(own.json().number))
    assert.match(records.json().items[0].phone, /^\d{3}\*{4}\d{4}$/)
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/complaints/${own.json().id}`, headers: bearer(operator.token) })).statusCode, 404)
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/complaints/${filed.complaint.id}`, headers: bearer(operator.token) })).statusCode, 200)
    const queue = await t.app.inject({ method: 'GET', url: '/api/staff/complaints', headers: bearer(operator.token) })
    assert.ok(!queue.body.includes(own.json().id))
    // Nor is the operator told about it, as the county's staff are.
    const told = async (who: Person) => (await t.app.inject({ method: 'GET', url: '/api/notifications', headers: bearer(who.token) })).body.includes(own.json().id)
    assert.equal(await told(operator), false)
    assert.equal(await told(countyStaff), true)
    // Another station's operator sees neither in its list.
    const theirs = await t.app.inject({ method: 'GET', url: '/api/station/walk-ins', headers: bearer(otherOperator.token) })
    assert.ok(!theirs.body.includes(filed.complaint.number))
  })

  test('station figures: counts by month for the station organization and above, not for a sibling', async () => {
    const month = new Date(t.ctx.now().getTime() + 8 * 3600_000).toISOString().slice(0, 7)
    const rollup = await t.ctx.db.selectFrom('station_month_rollups').selectAll().where('station_id', '=', station.id).execute()
    const filed = await t.ctx.db.selectFrom('complaints').select((eb) => eb.fn.countAll<number | string>().as('n')).where('station_id', '=', station.id).executeTakeFirstOrThrow()
    assert.equal(rollup.reduce((sum, r) => sum + Number(r.n), 0), Number(filed.n))
    for (const who of [countyStaff, operator]) {
      const answer = await t.app.inject({ method: 'GET', url: '/api/staff/station-figures?months=3', headers: bearer(who.token) })
      assert.equal(answer.statusCode, 200, answer.body)
      const { months, stations } = answer.json() as { months: string[]; stations: Array<{ id: string; counts: number[]; total: number }> }
      assert.equal(months.at(-1), month)
      const mine = stations.find((s) => s.id === station.id)!
      assert.equal(mine.total, Number(filed.n))
      if (who === operator) assert.equal(stations.length, 1)
      else assert.equal(stations.length, 2)
    }
    const sibling = await t.app.inject({ method: 'GET', url: '/api/staff/station-figures', headers: bearer(siblingStaff.token) })
    assert.deepEqual(sibling.json().stations, [])
    const tooMany = await t.app.inject({ method: 'GET', url: '/api/staff/station-figures?months=99', headers: bearer(countyStaff.token) })
    assert.equal(tooMany.statusCode, 400)
  })

  test('the figure months are China months, across a year end', () => {
    // 2026-12-31 17:00 UTC is already 2027-01-01 in China.
    assert.deepEqual(lastMonths(new Date('2026-12-31T17:00:00Z'), 3), ['2026-11', '2026-12', '2027-01'])
  })
})
