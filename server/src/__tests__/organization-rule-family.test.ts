import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { runAdminCommand } from '../cli/admin-commands'
import { seedDemoNetwork } from '../seed/organizations'
import { fileComplaint } from './support/complaints'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'
import { complaintRow, readComplaint } from './support/workflow'

const XIHU = '杭州市西湖区消费者协会'
const SHANGCHENG = '杭州市上城区消费者协会'
const HANGZHOU = '示例省杭州市消费者协会'
const HAISHU = '宁波市海曙区消费者协会'
const REGION: Record<string, string> = { [XIHU]: '浙江省/杭州市/西湖区', [SHANGCHENG]: '浙江省/杭州市/上城区', [HAISHU]: '浙江省/宁波市/海曙区' }

describe(`an organization chooses its rule set (${TEST_DB})`, () => {
  let t: TestApp
  let consumer: string
  let xihuStaff: string

  const setFamily = (organization: string, family: string) => runAdminCommand(t.ctx.db, 'set-rule-family', { organization, family })
  /** Files a complaint against a business in the organization's region; answers the family of the rules it got. */
  const fileIn = async (organization: string) => {
    const filed = await fileComplaint(t, consumer, { business: { name: '某某商店', region: REGION[organization]! } })
    const row = await complaintRow(t, filed.id)
    const ruleSet = await t.ctx.db.selectFrom('rule_sets').select('family').where('id', '=', row.rule_set_id!).executeTakeFirstOrThrow()
    return { id: filed.id, ruleSetId: row.rule_set_id!, family: ruleSet.family }
  }

  before(async () => {
    t = await createTestApp()
    await seedDemoNetwork(t.ctx.db, t.ctx.now())
    await runAdminCommand(t.ctx.db, 'add-staff', { phone: '13973000001', name: '西湖干事', organization: XIHU })
    xihuStaff = (await loginByPhone(t, '13973000001', '10.73.0.1')).accessToken
    consumer = (await loginByPhone(t, '13973000100', '10.73.1.1')).accessToken
  })
  after(() => t.close())

  test('a county that chooses the association rules files under them; its sibling keeps the deployment’s samr rules', async () => {
    assert.match(await setFamily(XIHU, 'association'), /消费者协会受理投诉规则/)
    assert.equal((await fileIn(XIHU)).family, 'association')
    assert.equal((await fileIn(SHANGCHENG)).family, 'samr')
    assert.match(await setFamily(XIHU, 'inherit'), /沿用上级/)
    assert.equal((await fileIn(XIHU)).family, 'samr')
  })

  test("a city's choice is inherited by its counties unless a county chose its own; other cities are unaffected", async () => {
    await setFamily(HANGZHOU, 'association')
    assert.equal((await fileIn(XIHU)).family, 'association')
    assert.equal((await fileIn(SHANGCHENG)).family, 'association')
    assert.equal((await fileIn(HAISHU)).family, 'samr')
    await setFamily(SHANGCHENG, 'samr')
    assert.equal((await fileIn(SHANGCHENG)).family, 'samr')
    assert.equal((await fileIn(XIHU)).family, 'association')

    const listed = (await runAdminCommand(t.ctx.db, 'list-organizations', {})).split('\n')
    const line = (name: string) => listed.find((l) => l.trim().startsWith(`${name}\t`))!
    assert.match(line(HANGZHOU), /\tassociation$/)
    assert.match(line(XIHU), /\tassociation（沿用）$/)
    assert.match(line(SHANGCHENG), /\tsamr$/)
    assert.match(line(HAISHU), /\tsamr（沿用）$/)
    const mine = await t.app.inject({ method: 'GET', url: '/api/staff/organizations/mine', headers: bearer(xihuStaff) })
    assert.equal(mine.statusCode, 200, mine.body)
    assert.equal((mine.json() as { ruleFamily: string }).ruleFamily, 'association')
    await setFamily(SHANGCHENG, 'inherit')
    await setFamily(HANGZHOU, 'inherit')
  })

  test('a transferred case keeps the rules it was filed under; the receiver’s choice applies to its new filings only', async () => {
    await setFamily(XIHU, 'association')
    const filed = await fileIn(XIHU)
    assert.equal(filed.family, 'association')
    const haishu = await t.ctx.db.selectFrom('organizations').select('id').where('name', '=', HAISHU).executeTakeFirstOrThrow()
    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/complaints/${filed.id}/transfer`,
      headers: bearer(xihuStaff),
      payload: { toOrganizationId: haishu.id, reason: '商家经营地在宁波市海曙区' },
    })
    assert.equal(moved.statusCode, 200, moved.body)
    const row = await complaintRow(t, filed.id)
    assert.equal(row.organization_id, haishu.id)
    assert.equal(row.rule_set_id, filed.ruleSetId)
    const detail = (await readComplaint(t, consumer, filed.id)).json() as { rules: { ruleSetId: string } }
    assert.equal(detail.rules.ruleSetId, filed.ruleSetId)
    assert.equal((await fileIn(HAISHU)).family, 'samr')
    await setFamily(XIHU, 'inherit')
  })

  test('a bad family, a missing flag or an unknown organization is refused in Chinese and changes nothing', async () => {
    const before = await t.ctx.db.selectFrom('organizations').select(['id', 'rule_family']).orderBy('id').execute()
    await assert.rejects(setFamily(XIHU, 'consumer'), /--family 只能是 samr.*association.*inherit.*「consumer」/)
    await assert.rejects(runAdminCommand(t.ctx.db, 'set-rule-family', { organization: XIHU }), /缺少参数 --family/)
    await assert.rejects(runAdminCommand(t.ctx.db, 'set-rule-family', { family: 'samr' }), /缺少参数 --organization/)
    await assert.rejects(setFamily('不存在的消费者协会', 'samr'), /没有名为「不存在的消费者协会」的组织/)
    // The database refuses a family it does not know even when written around the command.
    await assert.rejects(t.ctx.db.updateTable('organizations').set({ rule_family: 'consumer' as never }).where('name', '=', XIHU).execute())
    assert.deepEqual(await t.ctx.db.selectFrom('organizations').select(['id', 'rule_family']).orderBy('id').execute(), before)
  })
})
