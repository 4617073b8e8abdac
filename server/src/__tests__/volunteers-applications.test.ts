import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { apply, fileReport, makeStaff, notificationsOf, signIn, staffPost, type Person, validReport, postReport, countOf } from './support/volunteers'

describe(`becoming a volunteer (${TEST_DB})`, () => {
  let t: TestApp
  let staff: Person
  let consumer: Person
  before(async () => {
    t = await createTestApp()
    staff = await makeStaff(t, '13900008001')
    consumer = await signIn(t, '13900008002')
  })
  after(() => t.close())

  test('a consumer without an application sees null, and may not post reports', async () => {
    const mine = await t.app.inject({ method: 'GET', url: '/api/volunteer-applications/mine', headers: bearer(consumer.token) })
    assert.equal(mine.statusCode, 200)
    assert.equal(mine.json(), null)
    const report = await postReport(t, consumer, await validReport(t, consumer))
    assert.equal(report.statusCode, 403)
    assert.equal(report.json().code, 'FORBIDDEN')
    assert.equal(await countOf(t, 'field_reports'), 0)
  })

  test('bad applications are refused with a Chinese message and write nothing', async () => {
    for (const overrides of [{ phone: '12345' }, { name: '   ' }, { motivation: '' }, { region: 'x'.repeat(61) }, { extra: 1 }]) {
      const response = await apply(t, consumer, overrides)
      assert.equal(response.statusCode, 400, JSON.stringify(overrides))
      assert.match(response.json().message, /[\u4e00-\u9fff]/)
    }
    assert.equal(await countOf(t, 'volunteer_applications'), 0)
  })

  test('one pending application at a time, even when two race', async () => {
    const answers = await Promise.all([apply(t, consumer), apply(t, consumer)])
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [201, 409])
    assert.equal(answers.find((a) => a.statusCode === 409)!.json().code, 'VOLUNTEER_APPLICATION_PENDING')
    const mine = await t.app.inject({ method: 'GET', url: '/api/volunteer-applications/mine', headers: bearer(consumer.token) })
    assert.equal(mine.json().status, 'pending')
    assert.equal(mine.json().phone, consumer.phone)
  })

  test('only staff see the queue and decide', async () => {
    const queue = await t.app.inject({ method: 'GET', url: '/api/staff/volunteer-applications?status=pending', headers: bearer(consumer.token) })
    assert.equal(queue.statusCode, 403)
    const pending = await t.app.inject({ method: 'GET', url: '/api/staff/volunteer-applications?status=pending', headers: bearer(staff.token) })
    assert.equal(pending.statusCode, 200)
    assert.equal(pending.json().items.length, 1)
    const id = pending.json().items[0].id
    const byConsumer = await staffPost(t, consumer, `/api/staff/volunteer-applications/${id}/approve`)
    assert.equal(byConsumer.statusCode, 403)
  })

  test('approval makes the user a volunteer at once and tells them', async () => {
    const id = (await t.app.inject({ method: 'GET', url: '/api/staff/volunteer-applications?status=pending', headers: bearer(staff.token) })).json().items[0].id
    const approved = await staffPost(t, staff, `/api/staff/volunteer-applications/${id}/approve`, { note: '欢迎加入' })
    assert.equal(approved.statusCode, 200, approved.body)
    assert.equal(approved.json().status, 'approved')
    assert.equal(approved.json().decisionNote, '欢迎加入')
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(consumer.token) })
    assert.equal(me.json().role, 'volunteer')
    // The same session may now file a report.
    await fileReport(t, consumer)
    const notes = await notificationsOf(t, consumer.id)
    assert.equal(notes.length, 1)
    assert.equal(notes[0]!.type, 'volunteer_status')
    assert.match(notes[0]!.title, /通过/)
    const again = await staffPost(t, staff, `/api/staff/volunteer-applications/${id}/approve`)
    assert.equal(again.statusCode, 409)
    assert.equal(again.json().code, 'VOLUNTEER_APPLICATION_DECIDED')
    const unknown = await staffPost(t, staff, '/api/staff/volunteer-applications/nope/approve')
    assert.equal(unknown.statusCode, 404)
  })

  test('declining needs a reason, which the applicant reads', async () => {
    const applicant = await signIn(t, '13900008003')
    const id = (await apply(t, applicant)).json().id
    const silent = await staffPost(t, staff, `/api/staff/volunteer-applications/${id}/decline`, { note: '  ' })
    assert.equal(silent.statusCode, 400)
    const missing = await staffPost(t, staff, `/api/staff/volunteer-applications/${id}/decline`, {})
    assert.equal(missing.statusCode, 400)
    const declined = await staffPost(t, staff, `/api/staff/volunteer-applications/${id}/decline`, { note: '所在地区暂未开展志愿者活动' })
    assert.equal(declined.statusCode, 200)
    assert.equal(declined.json().status, 'declined')
    const notes = await notificationsOf(t, applicant.id)
    assert.equal(notes.length, 1)
    assert.match(notes[0]!.body, /暂未开展/)
    const role = await t.ctx.db.selectFrom('users').select('role').where('id', '=', applicant.id).executeTakeFirstOrThrow()
    assert.equal(role.role, 'consumer')
    // After a decision the applicant may apply again.
    assert.equal((await apply(t, applicant)).statusCode, 201)
  })

  test('revoking returns the user to consumer, keeps their reports and tells them', async () => {
    const before = await countOf(t, 'field_reports')
    const noReason = await staffPost(t, staff, `/api/staff/volunteers/${consumer.id}/revoke`, { note: '' })
    assert.equal(noReason.statusCode, 400)
    const revoked = await staffPost(t, staff, `/api/staff/volunteers/${consumer.id}/revoke`, { note: '多次提交不实报告' })
    assert.equal(revoked.statusCode, 200, revoked.body)
    assert.equal(revoked.json().status, 'revoked')
    const report = await postReport(t, consumer, await validReport(t, consumer))
    assert.equal(report.statusCode, 403)
    assert.equal(await countOf(t, 'field_reports'), before)
    const list = await t.app.inject({ method: 'GET', url: '/api/staff/field-reports', headers: bearer(staff.token) })
    assert.equal(list.json().items.length, before)
    const notes = await notificationsOf(t, consumer.id)
    assert.equal(notes.at(-1)!.type, 'volunteer_status')
    assert.match(notes.at(-1)!.body, /多次提交不实报告/)
    const twice = await staffPost(t, staff, `/api/staff/volunteers/${consumer.id}/revoke`, { note: '再次撤销' })
    assert.equal(twice.statusCode, 409)
    assert.equal(twice.json().code, 'NOT_A_VOLUNTEER')
    const nobody = await staffPost(t, staff, '/api/staff/volunteers/nobody/revoke', { note: '撤销' })
    assert.equal(nobody.statusCode, 404)
  })

  test('a staff member cannot be revoked, and a volunteer made without an application can be', async () => {
    assert.equal((await staffPost(t, staff, `/api/staff/volunteers/${staff.id}/revoke`, { note: '撤销' })).statusCode, 409)
    const seeded = await signIn(t, '13900008004')
    await t.ctx.db.updateTable('users').set({ role: 'volunteer' }).where('id', '=', seeded.id).execute()
    const revoked = await staffPost(t, staff, `/api/staff/volunteers/${seeded.id}/revoke`, { note: '不再参加' })
    assert.equal(revoked.statusCode, 200, revoked.body)
    assert.equal((await notificationsOf(t, seeded.id)).length, 1)
  })
})
