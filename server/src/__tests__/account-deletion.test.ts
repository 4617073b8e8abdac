import assert from 'node:assert/strict'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, test } from 'node:test'
import { ConfigError, loadConfig } from '../config'
import { completeDueAccountDeletions } from '../jobs/account-deletion'
import { findEverywhere } from './support/catalogue'
import { insertEvidenceRows } from './support/evidence-rows'
import { storedFiles } from './support/photos'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'
import { fileReport, makeStaff, makeVolunteer, notificationsOf, type Person } from './support/volunteers'
import { act, createCast, fileOdrComplaint, PROPOSAL, readComplaint, type Cast } from './support/workflow'

const DAY = 86400_000
const MINUTE = 60_000
const OPENID = 'oWx-deletion-test-openid-66'

describe(`deleting one's own account (${TEST_DB})`, () => {
  let t: TestApp
  let cast: Cast
  const consumerPhone = '13966000001'
  // Every SMS and notice the job sends, in order.
  const notices: Array<{ phone: string; text: string }> = []
  const notice = { sendNotification: async (phone: string, text: string) => void notices.push({ phone, text }) }

  beforeEach(async () => {
    // Access tokens that outlive the moved clock: a 401 after completion is the deletion, not the expiry.
    t = await createTestApp({ ACCESS_TOKEN_TTL_SECONDS: String(60 * 86400) })
    cast = await createCast(t, '66')
    notices.length = 0
  })
  afterEach(() => t.close())

  const get = (token: string) => t.app.inject({ method: 'GET', url: '/api/account/deletion', headers: bearer(token) })
  const post = (token: string, url: string, payload?: object) =>
    t.app.inject({ method: 'POST', url: `/api/account/deletion${url}`, headers: bearer(token), ...(payload ? { payload } : {}) })
  /** Asks for a code and confirms with it, a minute after the last code (the per-minute SMS limit). */
  async function requestDeletion(token: string, phone: string) {
    t.advance(MINUTE + 1000)
    const sent = await post(token, '/sms-code')
    assert.equal(sent.statusCode, 200, sent.body)
    const code = t.sms.filter((sms) => sms.phone === phone).at(-1)!.code
    return post(token, '', { code })
  }

  test('request, cancel by logging in, request, cancel by 撤销注销, request; after the cool-off the account is gone everywhere', async () => {
    // A closed complaint with two photos, an open one with one, a photo never attached, a WeChat binding.
    await t.ctx.db.updateTable('users').set({ wechat_openid: OPENID }).where('id', '=', cast.consumer.id).execute()
    const closed = await fileOdrComplaint(t, cast, { contactPhone: consumerPhone, evidenceIds: await insertEvidenceRows(t, cast.consumer.id, 2) })
    const withdrawn = await t.app.inject({ method: 'POST', url: `/api/complaints/${closed.id}/withdraw`, headers: bearer(cast.consumer.token), payload: { reason: `已私了，有事打 ${consumerPhone}` } })
    assert.equal(withdrawn.statusCode, 200, withdrawn.body)
    const open = await fileOdrComplaint(t, cast, { contactPhone: consumerPhone, evidenceIds: await insertEvidenceRows(t, cast.consumer.id, 1) })
    await insertEvidenceRows(t, cast.consumer.id, 1)
    assert.equal((await readComplaint(t, cast.staff.token, open.id)).statusCode, 200)

    const before = (await get(cast.consumer.token)).json()
    assert.deepEqual(
      { request: before.request, coolOffDays: before.coolOffDays, open: before.openComplaints, closed: before.closedComplaints, allowed: before.allowed, hasPhone: before.hasPhone },
      { request: null, coolOffDays: 7, open: 1, closed: 1, allowed: true, hasPhone: true },
    )

    // A wrong code is refused and nothing is pending.
    t.advance(MINUTE + 1000)
    assert.equal((await post(cast.consumer.token, '/sms-code')).statusCode, 200)
    const wrong = await post(cast.consumer.token, '', { code: t.sms.at(-1)!.code === '000000' ? '111111' : '000000' })
    assert.equal(wrong.statusCode, 400)
    assert.equal(wrong.json().code, 'SMS_CODE_INVALID')
    assert.equal((await get(cast.consumer.token)).json().request, null)

    const first = await requestDeletion(cast.consumer.token, consumerPhone)
    assert.equal(first.statusCode, 200, first.body)
    assert.equal(first.json().request.status, 'pending')
    assert.equal(Date.parse(first.json().request.coolOffEndsAt) - Date.parse(first.json().request.requestedAt), 7 * DAY)
    assert.equal((await requestDeletion(cast.consumer.token, consumerPhone)).json().code, 'ACCOUNT_DELETION_PENDING')

    // Logging in again cancels it, and the login answer says so.
    t.advance(2 * DAY)
    const again = await loginByPhone(t, consumerPhone, '10.66.0.9')
    assert.equal((again as { deletionCancelled?: boolean }).deletionCancelled, true)
    const afterLogin = (await get(again.accessToken)).json().request
    assert.deepEqual([afterLogin.status, afterLogin.cancelledBy], ['cancelled', 'login'])
    t.advance(MINUTE + 1000)
    assert.equal((await loginByPhone(t, consumerPhone, '10.66.0.9') as { deletionCancelled?: boolean }).deletionCancelled, undefined)

    assert.equal((await requestDeletion(again.accessToken, consumerPhone)).statusCode, 200)
    const cancelled = await post(again.accessToken, '/cancel')
    assert.equal(cancelled.statusCode, 200, cancelled.body)
    assert.equal(cancelled.json().request.cancelledBy, 'button')
    assert.equal((await post(again.accessToken, '/cancel')).json().code, 'ACCOUNT_DELETION_NOT_PENDING')

    const final = await requestDeletion(again.accessToken, consumerPhone)
    assert.equal(final.statusCode, 200, final.body)
    const titles = (await notificationsOf(t, cast.consumer.id)).filter((n) => n.type === 'account_status').map((n) => n.title)
    assert.deepEqual(titles, ['已收到您的注销申请', '注销申请已撤销', '已收到您的注销申请', '注销申请已撤销', '已收到您的注销申请'])
    const ticket = (await t.app.inject({ method: 'POST', url: '/api/notifications/stream-ticket', headers: bearer(again.accessToken) })).json().ticket as string

    // Nothing happens before the cool-off ends.
    t.advance(7 * DAY - 2 * MINUTE)
    assert.deepEqual(await completeDueAccountDeletions(t.ctx, notice), { completed: 0, photoFiles: 0 })
    assert.equal((await get(again.accessToken)).statusCode, 200)

    // Two workers at once: one completes it.
    t.advance(5 * MINUTE)
    const filesBefore = storedFiles(t).length
    const [a, b] = await Promise.all([completeDueAccountDeletions(t.ctx, notice), completeDueAccountDeletions(t.ctx, notice)])
    assert.equal(a.completed + b.completed, 1)
    assert.equal(a.photoFiles + b.photoFiles, 9, 'both photos of the closed complaint and the unattached one, three files each')
    assert.equal(storedFiles(t).length, filesBefore - 9)
    assert.deepEqual(notices, [{ phone: consumerPhone, text: notices[0]!.text }])
    assert.match(notices[0]!.text, /已注销/)
    assert.deepEqual(await completeDueAccountDeletions(t.ctx, notice), { completed: 0, photoFiles: 0 }, 'a second run changes nothing')

    // The old session, refresh token and stream ticket are dead.
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(again.accessToken) })
    assert.equal(me.statusCode, 401)
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: again.refreshToken } })).statusCode, 401)
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/notifications/stream?ticket=${encodeURIComponent(ticket)}` })).statusCode, 401)

    // The phone, the openid and the name are nowhere in the database.
    assert.deepEqual(await findEverywhere(t, [consumerPhone, OPENID, '用户0001']), [])

    // The open case stays workable, the consumer shown as a pseudonym; nobody is notified in their place.
    const asStaff = (await readComplaint(t, cast.staff.token, open.id)).json()
    assert.match(asStaff.consumerPseudonym, /^用户·[0-9A-F]{4}$/)
    assert.equal(asStaff.contactPhone, '')
    assert.equal(asStaff.evidence.length, 1, 'the open case keeps its photo for the mediation')
    const proposed = await act(t, cast.liaison.token, open.id, 'propose', PROPOSAL)
    assert.equal(proposed.statusCode, 200, proposed.body)
    assert.deepEqual(await notificationsOf(t, cast.consumer.id), [])
    const closedRow = await t.ctx.db.selectFrom('complaints').select(['description', 'anonymized_at']).where('id', '=', closed.id).executeTakeFirstOrThrow()
    assert.equal(closedRow.description, '')
    assert.ok(closedRow.anonymized_at)

    // The same phone can sign up again: a new, empty account, none of the old data.
    const fresh = await loginByPhone(t, consumerPhone, '10.66.0.10')
    assert.notEqual(fresh.user.id, cast.consumer.id)
    assert.deepEqual((await t.app.inject({ method: 'GET', url: '/api/complaints', headers: bearer(fresh.accessToken) })).json().items, [])
  })

  test('a volunteer who deletes their account: the reports stay for the association, the volunteer anonymised', async () => {
    const staff: Person = { id: cast.staff.id, token: cast.staff.token, phone: '13966000004' }
    const volunteer = await makeVolunteer(t, '13766000021', staff, '林晓燕')
    const report = await fileReport(t, volunteer)
    assert.equal((await requestDeletion(volunteer.token, volunteer.phone)).statusCode, 200)
    t.advance(8 * DAY)
    assert.equal((await completeDueAccountDeletions(t.ctx, notice)).completed, 1)

    assert.deepEqual(await findEverywhere(t, [volunteer.phone, '林晓燕']), [])
    const list = await t.app.inject({ method: 'GET', url: '/api/staff/field-reports', headers: bearer(cast.staff.token) })
    assert.equal(list.statusCode, 200, list.body)
    const kept = list.json().items.find((item: { id: string }) => item.id === report.id)
    assert.equal(kept.businessName, '幸福便利店')
    assert.match(kept.volunteer.name, /^用户·[0-9A-F]{4}$/)
    assert.equal(kept.volunteer.phone, null)
    const position = await t.ctx.db.selectFrom('field_reports').select(['latitude', 'longitude']).where('id', '=', report.id).executeTakeFirstOrThrow()
    assert.deepEqual(position, { latitude: null, longitude: null })
  })

  test('a stream already open when the deletion completes is ended', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`
    assert.equal((await requestDeletion(cast.consumer.token, consumerPhone)).statusCode, 200)
    const ticket = (await t.app.inject({ method: 'POST', url: '/api/notifications/stream-ticket', headers: bearer(cast.consumer.token) })).json().ticket as string
    const response = await fetch(`${base}/api/notifications/stream?ticket=${encodeURIComponent(ticket)}`, { signal: AbortSignal.timeout(30_000) })
    assert.equal(response.status, 200)
    t.advance(8 * DAY)
    assert.equal((await completeDueAccountDeletions(t.ctx, notice)).completed, 1)
    // The body ends (the server closed it) rather than the 30 s timeout aborting the read.
    for await (const chunk of response.body!) void chunk
  })

  test("refused: staff and liaison accounts, someone else's account, a second request at once", async () => {
    assert.equal((await post(cast.staff.token, '/sms-code')).json().code, 'ACCOUNT_DELETION_NOT_ALLOWED')
    assert.equal((await post(cast.liaison.token, '', { code: '123456' })).statusCode, 403)
    // There is no user id to name: an extra field is refused, and a code sent to another phone does not count.
    const other = await makeStaff(t, '13966000099')
    const named = await post(cast.consumer.token, '', { code: '123456', userId: other.id })
    assert.equal(named.statusCode, 400)
    t.advance(MINUTE + 1000)
    await t.app.inject({ method: 'POST', url: '/api/auth/sms-code', payload: { phone: '13966000099' } })
    const foreign = await post(cast.consumer.token, '', { code: t.sms.at(-1)!.code })
    assert.equal(foreign.statusCode, 400)
    assert.equal((await get(cast.consumer.token)).json().request, null)

    // Two confirmations at once (two codes cannot both be valid, so the second shows the index at work).
    t.advance(MINUTE + 1000)
    await post(cast.consumer.token, '/sms-code')
    const code = t.sms.at(-1)!.code
    const answers = await Promise.all([post(cast.consumer.token, '', { code }), post(cast.consumer.token, '', { code })])
    const [won, lost] = answers.map((r) => r.statusCode).sort()
    assert.equal(won, 200)
    assert.ok(lost === 400 || lost === 409, `the second confirmation is refused (${lost})`)
    const rows = await t.ctx.db.selectFrom('account_deletions').select('status').where('user_id', '=', cast.consumer.id).execute()
    assert.deepEqual(rows, [{ status: 'pending' }])
  })
})

test('the cool-off is configurable between 1 and 14 days', () => {
  const base = { TOKEN_SECRET: 'x'.repeat(40), DATA_DIR: '/tmp/weiquan-test' }
  assert.equal(loadConfig(base).accountDeletion.coolOffDays, 7)
  assert.equal(loadConfig({ ...base, ACCOUNT_DELETION_COOL_OFF_DAYS: '3' }).accountDeletion.coolOffDays, 3)
  assert.throws(() => loadConfig({ ...base, ACCOUNT_DELETION_COOL_OFF_DAYS: '15' }), ConfigError)
  assert.throws(() => loadConfig({ ...base, ACCOUNT_DELETION_COOL_OFF_DAYS: '0' }), ConfigError)
})
