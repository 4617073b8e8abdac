import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { addWorkingDays } from '../modules/workflow/working-days'
import { fileComplaint, validComplaint } from './support/complaints'
import { insertEvidenceRows } from './support/evidence-rows'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { act, complaintRow, createCast, fileOdrComplaint, PROPOSAL, readComplaint, type Cast } from './support/workflow'

describe(`the ODR green channel (${TEST_DB})`, () => {
  let t: TestApp
  let cast: Cast
  before(async () => {
    t = await createTestApp()
    cast = await createCast(t, '71')
  })
  after(() => t.close())

  test('file → the enterprise proposes → the consumer accepts → resolved → rated once', async () => {
    const filed = await fileOdrComplaint(t, cast)
    assert.equal(filed.status, 'enterprise_handling')
    const detail = (await readComplaint(t, cast.consumer.token, filed.id)).json()
    assert.equal(detail.path, 'odr')
    assert.equal(detail.business.enterpriseId, cast.enterpriseId)
    assert.equal(detail.handling.dueKind, 'enterprise_response')
    assert.equal(detail.nextStep.dueAt, detail.handling.dueAt)
    assert.equal(detail.handling.dueAt, addWorkingDays(new Date(detail.createdAt), 10).toISOString())

    const proposed = await act(t, cast.liaison.token, filed.id, 'propose', PROPOSAL)
    assert.equal(proposed.statusCode, 200, proposed.body)
    assert.equal(proposed.json().status, 'enterprise_proposed')
    assert.deepEqual(proposed.json().handling.proposal, PROPOSAL)
    assert.ok(proposed.json().handling.firstResponseAt)
    const event = proposed.json().events.at(-1)
    assert.equal(event.type, 'propose')
    assert.equal(event.actorRole, 'enterprise')
    assert.equal(event.note, PROPOSAL.text)
    assert.deepEqual(event.data, { amountFen: PROPOSAL.amountFen, promisedDate: PROPOSAL.promisedDate })

    const accepted = await act(t, cast.consumer.token, filed.id, 'accept_proposal')
    assert.equal(accepted.statusCode, 200, accepted.body)
    assert.equal(accepted.json().status, 'resolved')
    assert.equal(accepted.json().nextStep, null)
    assert.equal((await complaintRow(t, filed.id)).closed_at, accepted.json().events.at(-1).createdAt)

    const rated = await act(t, cast.consumer.token, filed.id, 'rate', { stars: 5, comment: '处理很快' })
    assert.equal(rated.statusCode, 200, rated.body)
    assert.equal(rated.json().handling.rating.stars, 5)
    assert.equal(rated.json().handling.rating.comment, '处理很快')
    const again = await act(t, cast.consumer.token, filed.id, 'rate', { stars: 1 })
    assert.equal(again.statusCode, 409)
    assert.equal(again.json().code, 'INVALID_TRANSITION')
  })

  test('request_info keeps the status, records the question and the first response time', async () => {
    const filed = await fileOdrComplaint(t, cast)
    const asked = await act(t, cast.liaison.token, filed.id, 'request_info', { text: '请提供购物小票照片' })
    assert.equal(asked.statusCode, 200, asked.body)
    assert.equal(asked.json().status, 'enterprise_handling')
    assert.equal(asked.json().events.at(-1).type, 'request_info')
    assert.ok(asked.json().handling.firstResponseAt)
  })

  test('the enterprise can mark it settled', async () => {
    const filed = await fileOdrComplaint(t, cast)
    const settled = await act(t, cast.liaison.token, filed.id, 'mark_settled', { note: '已当面退款' })
    assert.equal(settled.statusCode, 200, settled.body)
    assert.equal(settled.json().status, 'resolved')
  })

  test('rejecting the proposal escalates to the association with every fact and photo kept', async () => {
    const photos = await insertEvidenceRows(t, cast.consumer.id, 2)
    const filed = await fileOdrComplaint(t, cast, { evidenceIds: photos })
    await act(t, cast.liaison.token, filed.id, 'propose', { ...PROPOSAL, amountFen: 10_000 })
    const missing = await act(t, cast.consumer.token, filed.id, 'reject_proposal', {})
    assert.equal(missing.statusCode, 400)
    const blank = await act(t, cast.consumer.token, filed.id, 'reject_proposal', { reason: '   ' })
    assert.equal(blank.statusCode, 400)
    const rejected = await act(t, cast.consumer.token, filed.id, 'reject_proposal', { reason: '只退 100 元，远低于损失' })
    assert.equal(rejected.statusCode, 200, rejected.body)
    const detail = rejected.json()
    assert.equal(detail.status, 'awaiting_review')
    assert.equal(detail.path, 'odr')
    assert.equal(detail.handling.dueKind, 'review')
    assert.equal(detail.evidence.length, 2)
    assert.equal(detail.description, validComplaint(t).description)
    assert.deepEqual(
      detail.events.map((e: { type: string }) => e.type),
      ['submitted', 'propose', 'reject_proposal'],
    )
    assert.equal(detail.events.at(-1).note, '只退 100 元，远低于损失')
    // Staff see it in their queue, with the proposal that was refused.
    const queue = await t.app.inject({ method: 'GET', url: '/api/staff/complaints?status=awaiting_review', headers: bearer(cast.staff.token) })
    assert.ok(queue.json().items.some((item: { id: string }) => item.id === filed.id))
    const asStaff = (await readComplaint(t, cast.staff.token, filed.id)).json()
    assert.equal(asStaff.handling.proposal.amountFen, 10_000)
    assert.equal(asStaff.evidence.length, 2)
    assert.equal(asStaff.contactPhone, '13800000001')
  })

  test('the liaison reads their open complaint with the phone the consumer agreed to share; another enterprise gets 404', async () => {
    const photos = await insertEvidenceRows(t, cast.consumer.id, 1)
    const filed = await fileOdrComplaint(t, cast, { evidenceIds: photos })
    const read = await readComplaint(t, cast.liaison.token, filed.id)
    assert.equal(read.statusCode, 200, read.body)
    // Masked once the case is closed: privacy-access-log.test.ts.
    assert.equal(read.json().contactPhone, '13800000001')
    assert.equal(read.json().evidence.length, 1)
    assert.ok(!JSON.stringify(read.json()).includes('evidence/original'))

    assert.equal((await readComplaint(t, cast.otherLiaison.token, filed.id)).statusCode, 404)
    const foreign = await act(t, cast.otherLiaison.token, filed.id, 'propose', PROPOSAL)
    assert.equal(foreign.statusCode, 404)
    assert.equal((await complaintRow(t, filed.id)).status, 'enterprise_handling')
  })

  test('a liaison cannot see association complaints that name their enterprise', async () => {
    const filed = await fileComplaint(t, cast.consumer.token, { business: { name: '示例优选超市有限公司', enterpriseId: cast.enterpriseId } })
    assert.equal(filed.status, 'awaiting_review')
    assert.equal((await readComplaint(t, cast.liaison.token, filed.id)).statusCode, 404)
  })

  test('an enterprise outside the ODR channel gets the complaint through the association', async () => {
    await t.ctx.db.updateTable('enterprises').set({ odr: 0 }).where('id', '=', cast.otherEnterpriseId).execute()
    const filed = await fileComplaint(t, cast.consumer.token, { business: { name: '快乐健身有限公司', enterpriseId: cast.otherEnterpriseId }, path: 'odr' })
    assert.equal(filed.status, 'awaiting_review')
    const row = await complaintRow(t, filed.id)
    assert.equal(row.path, 'association')
    assert.equal(row.due_kind, 'review')
  })

  test('bad input and wrong roles are refused and change nothing', async () => {
    const filed = await fileOdrComplaint(t, cast)
    const negative = await act(t, cast.liaison.token, filed.id, 'propose', { ...PROPOSAL, amountFen: -1 })
    assert.equal(negative.statusCode, 400)
    const noDate = await act(t, cast.liaison.token, filed.id, 'propose', { text: '退款', amountFen: 100 })
    assert.equal(noDate.statusCode, 400)
    assert.equal((await act(t, cast.consumer.token, filed.id, 'propose', PROPOSAL)).statusCode, 403)
    assert.equal((await act(t, cast.staff.token, filed.id, 'accept_proposal')).statusCode, 403)
    assert.equal((await act(t, cast.liaison.token, filed.id, 'accept_proposal')).statusCode, 403)
    // Not proposed yet: the consumer has nothing to accept.
    const early = await act(t, cast.consumer.token, filed.id, 'accept_proposal')
    assert.equal(early.statusCode, 409)
    assert.equal(early.json().code, 'INVALID_TRANSITION')
    assert.equal((await act(t, cast.consumer.token, filed.id, 'escalate')).statusCode, 404)
    const row = await complaintRow(t, filed.id)
    assert.equal(row.status, 'enterprise_handling')
    assert.equal(Number(row.version), 0)
  })

  test('a double submit of the same proposal: one wins, the other gets 409', async () => {
    const filed = await fileOdrComplaint(t, cast)
    const responses = await Promise.all([
      act(t, cast.liaison.token, filed.id, 'propose', PROPOSAL),
      act(t, cast.liaison.token, filed.id, 'propose', PROPOSAL),
    ])
    assert.deepEqual(responses.map((r) => r.statusCode).sort(), [200, 409])
    const events = await t.ctx.db.selectFrom('complaint_events').select('type').where('complaint_id', '=', filed.id).where('type', '=', 'propose').execute()
    assert.equal(events.length, 1)
  })

  test('a double accept: one resolves, the other gets 409', async () => {
    const filed = await fileOdrComplaint(t, cast)
    await act(t, cast.liaison.token, filed.id, 'propose', PROPOSAL)
    const responses = await Promise.all([act(t, cast.consumer.token, filed.id, 'accept_proposal'), act(t, cast.consumer.token, filed.id, 'accept_proposal')])
    assert.deepEqual(responses.map((r) => r.statusCode).sort(), [200, 409])
  })

  test('the enterprise inbox lists its own complaints, open first, nearest deadline first', async () => {
    const inbox = await t.app.inject({ method: 'GET', url: '/api/enterprise/complaints', headers: bearer(cast.liaison.token) })
    assert.equal(inbox.statusCode, 200, inbox.body)
    const items = inbox.json().items as Array<{ status: string; dueAt: string | null; path: string }>
    assert.ok(items.length >= 5)
    assert.ok(items.every((item) => item.path === 'odr'))
    const firstClosed = items.findIndex((item) => ['resolved', 'rejected', 'withdrawn', 'closed'].includes(item.status))
    assert.ok(firstClosed > 0)
    assert.ok(items.slice(firstClosed).every((item) => ['resolved', 'rejected', 'withdrawn', 'closed'].includes(item.status)))
    const openDue = items.slice(0, firstClosed).map((item) => item.dueAt ?? '~')
    assert.deepEqual(openDue, [...openDue].sort())
    const other = await t.app.inject({ method: 'GET', url: '/api/enterprise/complaints', headers: bearer(cast.otherLiaison.token) })
    assert.equal(other.json().items.length, 0)
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/enterprise/complaints', headers: bearer(cast.consumer.token) })).statusCode, 403)
  })
})
