import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import type { StaffWarning } from '../../../src/contract/warning'
import { runWarningFanouts } from '../modules/warnings/warning-fanout'
import { seedDemoData } from '../seed/demo'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'
import { published } from './support/warnings'

const BATCH = 7

describe(`an urgent warning is told to every reader by a job, in batches, once each (${TEST_DB})`, () => {
  let t: TestApp
  let staff: string
  before(async () => {
    t = await createTestApp()
    await seedDemoData(t.ctx.db)
    staff = (await loginByPhone(t, '13800000004', '10.5.0.4')).accessToken
    const at = t.ctx.now().toISOString()
    // Enough readers for several batches, plus a disabled one and a staff member who are never told.
    await t.ctx.db
      .insertInto('users')
      .values([
        ...Array.from({ length: 40 }, (_, n) => ({
          id: randomUUID(),
          phone: `1360000${String(n).padStart(4, '0')}`,
          wechat_openid: null,
          role: n % 5 === 0 ? ('volunteer' as const) : ('consumer' as const),
          display_name: `读者${n}`,
          enterprise_id: null,
          disabled: 0,
          created_at: at,
          updated_at: at,
        })),
        { id: randomUUID(), phone: '13600009998', wechat_openid: null, role: 'consumer' as const, display_name: '停用', enterprise_id: null, created_at: at, updated_at: at, disabled: 1 },
      ])
      .execute()
  })
  after(() => t.close())

  const readers = async () =>
    (await t.ctx.db.selectFrom('users').select('id').where('role', 'in', ['consumer', 'volunteer']).where('disabled', '=', 0).orderBy('id').execute()).map((u) => u.id)
  const told = async (warningId: string) =>
    (await t.ctx.db.selectFrom('notifications').select('recipient_id').where('source_key', 'like', `warning:${warningId}:%`).orderBy('recipient_id').execute()).map(
      (n) => n.recipient_id,
    )
  const progress = async (warningId: string) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/staff/warnings/${warningId}`, headers: bearer(staff) })
    assert.equal(response.statusCode, 200)
    return (response.json() as StaffWarning).alertProgress
  }

  test('publishing queues the notice and answers; the job tells each reader once and staff see 已通知 N / M', async () => {
    const warning = await published(t, staff, { title: '紧急：全国性的电动车电池召回警示', urgent: true })
    assert.deepEqual(warning.alertProgress, { notified: 0, total: null, finished: false })
    assert.deepEqual(await told(warning.id), [])

    const written = await runWarningFanouts(t.ctx, BATCH)
    const everyone = await readers()
    assert.ok(everyone.length > BATCH * 3)
    assert.equal(written, everyone.length)
    assert.deepEqual(await told(warning.id), everyone)
    assert.deepEqual(await progress(warning.id), { notified: everyone.length, total: everyone.length, finished: true })
    assert.equal(await runWarningFanouts(t.ctx, BATCH), 0, 'a finished fan-out writes nothing more')
  })

  test('a batch run again (its cursor update lost) notifies nobody twice', async () => {
    const warning = await published(t, staff, { title: '紧急：全国性的预付卡退款警示', urgent: true })
    await runWarningFanouts(t.ctx, BATCH)
    // As if the last batches had to run again: the cursor goes back, the notifications stay.
    await t.ctx.db.updateTable('warning_fanouts').set({ cursor: '', finished_at: null }).where('warning_id', '=', warning.id).execute()
    assert.equal(await runWarningFanouts(t.ctx, BATCH), 0)
    assert.deepEqual(await told(warning.id), await readers())
    const after = await progress(warning.id)
    assert.equal(after?.notified, (await readers()).length)
    assert.equal(after?.finished, true)
  })

  test('two workers at once: every reader is told exactly once', async () => {
    const second = TEST_DB === 'postgres' ? await t.another() : t
    const warnings = [
      await published(t, staff, { title: '紧急：并发发送的第一条警示', urgent: true }),
      await published(t, staff, { title: '紧急：并发发送的第二条警示', urgent: true }),
    ]
    const [a, b] = await Promise.all([runWarningFanouts(t.ctx, BATCH), runWarningFanouts(second.ctx, BATCH)])
    const everyone = await readers()
    assert.equal(a + b, everyone.length * warnings.length)
    for (const warning of warnings) {
      assert.deepEqual(await told(warning.id), everyone)
      assert.deepEqual(await progress(warning.id), { notified: everyone.length, total: everyone.length, finished: true })
    }
  })
})
