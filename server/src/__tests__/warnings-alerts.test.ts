import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { alertDueUrgentWarnings } from '../modules/warnings/warning-alerts'
import { seedDemoData } from '../seed/demo'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'
import { createDraft, publish, published } from './support/warnings'

describe(`urgent warnings notify users once when they become public (${TEST_DB})`, () => {
  let t: TestApp
  let staff: string
  before(async () => {
    t = await createTestApp()
    await seedDemoData(t.ctx.db)
    staff = (await loginByPhone(t, '13800000004', '10.4.0.4')).accessToken
  })
  after(() => t.close())

  const notificationsFor = (warningId: string) =>
    t.ctx.db.selectFrom('notifications').selectAll().where('source_key', 'like', `warning:${warningId}:%`).orderBy('recipient_id').execute()
  const readers = () =>
    t.ctx.db.selectFrom('users').select('id').where('role', 'in', ['consumer', 'volunteer']).where('disabled', '=', 0).orderBy('id').execute()

  test('seeding sends nothing', async () => {
    const count = await t.ctx.db.selectFrom('notifications').select('id').where('type', '=', 'warning_published').execute()
    assert.equal(count.length, 0)
  })

  test('a nationwide urgent warning published now notifies every consumer and volunteer once, with a link to it', async () => {
    const warning = await published(t, staff, { title: '紧急：全国性的预付卡跑路警示', urgent: true })
    assert.equal((await notificationsFor(warning.id)).length, 0, 'publishing itself notifies nobody: the fan-out job does')
    await alertDueUrgentWarnings(t.ctx)
    const sent = await notificationsFor(warning.id)
    assert.deepEqual(sent.map((n) => n.recipient_id), (await readers()).map((u) => u.id))
    for (const n of sent) {
      assert.equal(n.type, 'warning_published')
      assert.equal(n.source_key, `warning:${warning.id}:${n.recipient_id}`)
      assert.equal(n.link, `/packages/warnings/pages/detail/index?id=${warning.id}`)
      assert.match(n.title, /紧急消费警示/)
    }
    const staffUser = await t.ctx.db.selectFrom('users').select('id').where('role', '=', 'staff').executeTakeFirstOrThrow()
    assert.ok(!sent.some((n) => n.recipient_id === staffUser.id))

    // Unpublish, edit and publish again: still one notification each.
    await t.app.inject({ method: 'POST', url: `/api/staff/warnings/${warning.id}/unpublish`, headers: bearer(staff) })
    await publish(t, staff, warning.id)
    assert.equal(await alertDueUrgentWarnings(t.ctx), 0)
    assert.equal((await notificationsFor(warning.id)).length, sent.length)
  })

  test('seq continues per user after notifications they already have', async () => {
    const consumer = await t.ctx.db.selectFrom('users').select('id').where('phone', '=', '13800000001').executeTakeFirstOrThrow()
    const before = await t.ctx.db.selectFrom('notifications').select('seq').where('recipient_id', '=', consumer.id).execute()
    const warning = await published(t, staff, { title: '紧急：第二条全国性警示', urgent: true })
    await alertDueUrgentWarnings(t.ctx)
    const [mine] = (await notificationsFor(warning.id)).filter((n) => n.recipient_id === consumer.id)
    assert.equal(Number(mine!.seq), Math.max(...before.map((n) => Number(n.seq))) + 1)
  })

  test('a scheduled urgent warning notifies nobody until its time, then the job sends it once', async () => {
    const inAnHour = new Date(t.ctx.now().getTime() + 3600_000).toISOString()
    const warning = await publish(t, staff, (await createDraft(t, staff, { title: '紧急：定时发布的全国警示', urgent: true })).id, inAnHour)
    assert.equal(await alertDueUrgentWarnings(t.ctx), 0)
    assert.equal((await notificationsFor(warning.id)).length, 0)
    t.advance(3600_000 + 1000)
    const written = await alertDueUrgentWarnings(t.ctx)
    assert.equal(written, (await readers()).length)
    assert.equal(await alertDueUrgentWarnings(t.ctx), 0)
    assert.equal((await notificationsFor(warning.id)).length, written)
    staff = (await loginByPhone(t, '13800000004', '10.4.0.4')).accessToken
  })

  test('making a published warning urgent notifies then; a regional or non-urgent one notifies nobody', async () => {
    const plain = await published(t, staff, { title: '普通的全国性消费提示' })
    assert.equal((await notificationsFor(plain.id)).length, 0)
    await t.app.inject({ method: 'PATCH', url: `/api/staff/warnings/${plain.id}`, headers: bearer(staff), payload: { urgent: true } })
    await alertDueUrgentWarnings(t.ctx)
    assert.equal((await notificationsFor(plain.id)).length, (await readers()).length)

    // Users have no region on file yet, so a regional urgent warning cannot be targeted and is not sent.
    const regional = await published(t, staff, { title: '紧急：杭州地区的警示', urgent: true, regions: ['浙江省杭州市'] })
    assert.equal(await alertDueUrgentWarnings(t.ctx), 0)
    assert.equal((await notificationsFor(regional.id)).length, 0)
  })
})
