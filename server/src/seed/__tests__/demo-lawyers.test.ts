import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from '../../__tests__/support/test-app'
import { seedDemoData } from '../demo'
import { DEMO_LAWYER, seedDemoLawyers } from '../lawyers'

describe(`demo data: a lawyer and 第96期 of the lawyer Q&A (${TEST_DB})`, () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
    await seedDemoData(t.ctx.db)
  })
  after(() => t.close())

  test('the archive shows 第96期 with two published answers, found without login; seeding again adds nothing; the demo lawyer opens the workspace', async () => {
    await seedDemoLawyers(t.ctx.db, t.ctx.now())
    await seedDemoLawyers(t.ctx.db, t.ctx.now())
    const sessions = (await t.app.inject({ method: 'GET', url: '/api/qa-sessions' })).json().items as Array<{ id: string; title: string; publishedCount: number }>
    assert.deepEqual(sessions.map((s) => [s.title, s.publishedCount]), [['第96期', 2]])
    const archive = (await t.app.inject({ method: 'GET', url: `/api/qa-sessions/${sessions[0]!.id}` })).json()
    assert.equal(archive.answers.length, 2)
    assert.ok(archive.answers.every((a: { lawyerName: string }) => a.lawyerName === DEMO_LAWYER.displayName))
    const found = (await t.app.inject({ method: 'GET', url: `/api/qa/search?q=${encodeURIComponent('羊毛')}` })).json()
    assert.equal(found.total, 1)
    const lawyer = await loginByPhone(t, DEMO_LAWYER.phone)
    const workspace = await t.app.inject({ method: 'GET', url: '/api/lawyer/workspace', headers: bearer(lawyer.accessToken) })
    assert.equal(workspace.statusCode, 200, workspace.body)
    assert.equal(workspace.json().lawyer.firm, DEMO_LAWYER.firm)
  })

  test('王阿姨 finds her private question answered with 一键投诉, and the one tap fills in the business and the facts', async () => {
    const consumer = await loginByPhone(t, '13800000001')
    const mine = (await t.app.inject({ method: 'GET', url: '/api/qa/questions/mine', headers: bearer(consumer.accessToken) })).json().items
    assert.equal(mine.length, 1)
    assert.deepEqual(mine[0].answer.actions, [{ kind: 'complaint' }])
    assert.equal(mine[0].published, false)
    const prefill = await t.app.inject({ method: 'POST', url: `/api/qa/questions/${mine[0].id}/complaint-prefill`, headers: bearer(consumer.accessToken) })
    assert.equal(prefill.statusCode, 200, prefill.body)
    assert.equal(prefill.json().businessName, '示例阳光游泳馆')
    assert.match(prefill.json().facts, /2600 元的暑期班/)
  })
})
