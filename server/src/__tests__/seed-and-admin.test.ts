import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { runAdminCommand } from '../cli/admin-commands'
import { DEMO_ACCOUNTS, seedDemoData } from '../seed/demo'
import { createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'

describe(`demo data and the admin CLI (${TEST_DB})`, () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(() => t.close())

  test('seeding twice leaves one account per role', async () => {
    await seedDemoData(t.ctx.db)
    await seedDemoData(t.ctx.db)
    const users = await t.ctx.db.selectFrom('users').select(['phone', 'role']).orderBy('phone').execute()
    const logins = new Set(DEMO_ACCOUNTS.map((a) => a.phone))
    assert.deepEqual(users.filter((u) => logins.has(u.phone ?? '')), DEMO_ACCOUNTS.map((a) => ({ phone: a.phone, role: a.role })))
    // The demo cases behind the figures and the group have their own consumers, made once.
    assert.deepEqual(new Set(users.filter((u) => !logins.has(u.phone ?? '')).map((u) => u.role)), new Set(['consumer']))
    assert.equal(new Set(users.map((u) => u.phone)).size, users.length)
  })

  test('create-staff and create-enterprise make accounts that log in with their role', async () => {
    assert.match(await runAdminCommand(t.ctx.db, 'create-staff', { phone: '13911112222', name: '赵科长' }), /已创建/)
    assert.match(
      await runAdminCommand(t.ctx.db, 'create-enterprise', { phone: '13911113333', name: '钱经理', enterprise: '快乐健身有限公司' }),
      /快乐健身有限公司/,
    )
    const staff = await loginByPhone(t, '13911112222', '10.6.0.1')
    assert.equal(staff.user.role, 'staff')
    const liaison = await loginByPhone(t, '13911113333', '10.6.0.2')
    assert.equal(liaison.user.role, 'enterprise')
  })

  test('grant-rule-editor lets a staff member publish rule versions; consumers cannot be granted it', async () => {
    await runAdminCommand(t.ctx.db, 'create-staff', { phone: '13911115555', name: '孙科长' })
    const editorFlag = async () =>
      (await t.ctx.db.selectFrom('users').select('rule_editor').where('phone', '=', '13911115555').executeTakeFirstOrThrow()).rule_editor
    assert.equal(Number(await editorFlag()), 0)
    assert.match(await runAdminCommand(t.ctx.db, 'grant-rule-editor', { phone: '13911115555' }), /可以发布/)
    assert.equal(Number(await editorFlag()), 1)
    assert.match(await runAdminCommand(t.ctx.db, 'revoke-rule-editor', { phone: '13911115555' }), /不再能/)
    assert.equal(Number(await editorFlag()), 0)
    await loginByPhone(t, '13911116666', '10.6.0.9')
    await assert.rejects(runAdminCommand(t.ctx.db, 'grant-rule-editor', { phone: '13911116666' }), /不是消协工作人员/)
    await assert.rejects(runAdminCommand(t.ctx.db, 'grant-rule-editor', {}), /缺少参数 --phone/)
  })

  test('promoting an existing consumer keeps their account', async () => {
    const before = await loginByPhone(t, '13911114444', '10.6.0.3')
    await runAdminCommand(t.ctx.db, 'create-staff', { phone: '13911114444' })
    t.advance(61_000)
    const after = await loginByPhone(t, '13911114444', '10.6.0.4')
    assert.equal(after.user.id, before.user.id)
    assert.equal(after.user.role, 'staff')
  })

  test('missing arguments are explained', async () => {
    await assert.rejects(runAdminCommand(t.ctx.db, 'create-staff', {}), /缺少参数 --phone/)
    await assert.rejects(runAdminCommand(t.ctx.db, 'frobnicate', {}), /未知命令/)
  })
})
