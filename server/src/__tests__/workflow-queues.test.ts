import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { WorkItem, WorkQueueResponse } from '../../../src/contract/complaint-actions'
import type { ComplaintDetail } from '../../../src/contract/complaint'
import { checkDeadlines } from '../jobs/deadlines'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { act, createCast, fileOdrComplaint, PROPOSAL, readComplaint, type Cast } from './support/workflow'

const china = (local: string) => new Date(`${local}+08:00`).toISOString()

describe(`work queues: working-day countdown, paging, colleagues (${TEST_DB})`, () => {
  let t: TestApp
  let cast: Cast
  before(async () => {
    // The clock jumps over months here; sessions are not what these tests are about.
    t = await createTestApp({ ACCESS_TOKEN_TTL_SECONDS: String(400 * 86_400), REFRESH_TOKEN_TTL_DAYS: '400' })
    t.setNow(china('2025-09-28T10:00:00'))
    cast = await createCast(t, '75')
  })
  after(() => t.close())

  const inbox = async (token: string, query = '') => {
    const response = await t.app.inject({ method: 'GET', url: `/api/enterprise/complaints${query}`, headers: bearer(token) })
    assert.equal(response.statusCode, 200, response.body)
    return response.json<WorkQueueResponse>()
  }
  const queue = async (query = '') => {
    const response = await t.app.inject({ method: 'GET', url: `/api/staff/complaints${query}`, headers: bearer(cast.staff.token) })
    assert.equal(response.statusCode, 200, response.body)
    return response.json<WorkQueueResponse>()
  }

  test('the countdown counts China working days across National Day, for the liaison and the consumer alike', async () => {
    t.setNow(china('2025-09-28T10:00:00'))
    const filed = await fileOdrComplaint(t, cast)
    const item = (await inbox(cast.liaison.token)).items.find((i) => i.id === filed.id)!
    assert.equal(item.dueDaysLeft, 10)
    assert.equal(item.overdue, false)
    assert.equal(item.overdueDays, null)

    // Eight holiday days later not one working day has gone.
    t.setNow(china('2025-10-08T15:00:00'))
    const detail = (await readComplaint(t, cast.consumer.token, filed.id)).json<ComplaintDetail>()
    assert.equal(detail.handling.dueDaysLeft, 8)
    // The 调休 Saturday 10-11 counts: from Friday 10-10 there are 10-11, 10-13 … 10-17 left.
    t.setNow(china('2025-10-10T09:00:00'))
    assert.equal((await inbox(cast.liaison.token)).items.find((i) => i.id === filed.id)!.dueDaysLeft, 6)
    t.setNow(china('2025-10-17T18:00:00'))
    assert.equal((await inbox(cast.liaison.token)).items.find((i) => i.id === filed.id)!.dueDaysLeft, 0)

    // Past the deadline (before the job has run): overdue, and by how many working days.
    t.setNow(china('2025-10-20T09:00:00'))
    const late = (await inbox(cast.liaison.token)).items.find((i) => i.id === filed.id)!
    assert.equal(late.overdue, true)
    assert.equal(late.overdueDays, 1)
    // The job escalates it; then the association's 7-working-day review clock runs from today.
    await checkDeadlines(t.ctx)
    const escalated = (await queue('?status=awaiting_review')).items.find((i) => i.id === filed.id)!
    assert.equal(escalated.dueKind, 'review')
    assert.equal(escalated.dueDaysLeft, 7)
    assert.equal(escalated.overdue, false)
  })

  test('the enterprise inbox comes a page at a time, open ones by deadline first, nothing twice or missed', async () => {
    const ids: string[] = []
    for (let day = 21; day <= 25; day++) {
      t.setNow(china(`2025-11-${day}T10:00:00`))
      ids.push((await fileOdrComplaint(t, cast)).id)
    }
    // One answered (no deadline any more): it goes after every complaint still waiting.
    assert.equal((await act(t, cast.liaison.token, ids[0]!, 'propose', PROPOSAL)).statusCode, 200)
    t.setNow(china('2025-11-26T10:00:00'))

    const seen: WorkItem[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page: WorkQueueResponse = await inbox(cast.liaison.token, `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      assert.ok(page.items.length <= 2)
      seen.push(...page.items)
      cursor = page.nextCursor
      pages += 1
    } while (cursor && pages < 20)
    const all = (await inbox(cast.liaison.token, '?limit=50')).items
    assert.ok(ids.every((id) => all.some((i) => i.id === id)))
    assert.ok(pages >= 3, `${pages} pages of two`)
    assert.deepEqual(seen.map((i) => i.id), all.map((i) => i.id))
    assert.equal(new Set(seen.map((i) => i.id)).size, seen.length)
    const waiting = seen.filter((i) => i.dueAt && ids.includes(i.id))
    assert.deepEqual(waiting.map((i) => i.id), ids.slice(1))
    assert.equal(seen.indexOf(waiting.at(-1)!) < seen.findIndex((i) => i.id === ids[0]), true)

    const bad = await t.app.inject({ method: 'GET', url: '/api/enterprise/complaints?cursor=nonsense', headers: bearer(cast.liaison.token) })
    assert.equal(bad.statusCode, 400)
    assert.equal(bad.json<{ code: string }>().code, 'VALIDATION_FAILED')
  })

  test('the staff queue filters by status and pages', async () => {
    const review = await queue('?status=awaiting_review')
    assert.ok(review.items.length >= 1)
    assert.ok(review.items.every((i) => i.status === 'awaiting_review'))
    const proposed = await queue('?status=enterprise_proposed')
    assert.equal(proposed.items.length, 1)
    const first = await queue('?limit=1')
    assert.equal(first.items.length, 1)
    assert.ok(first.nextCursor)
    const second = await queue(`?limit=1&cursor=${encodeURIComponent(first.nextCursor)}`)
    assert.notEqual(second.items[0]?.id, first.items[0]?.id)
    const wrong = await t.app.inject({ method: 'GET', url: '/api/staff/complaints?status=sleeping', headers: bearer(cast.staff.token) })
    assert.equal(wrong.statusCode, 400)
  })

  test('colleagues to assign to: active staff only, for staff only; assigning to a colleague shows in their queue', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/staff/members', headers: bearer(cast.staff.token) })
    assert.equal(response.statusCode, 200)
    const names = response.json<{ items: Array<{ id: string; displayName: string }> }>().items
    assert.ok(names.some((m) => m.id === cast.staff.id))
    assert.ok(names.some((m) => m.id === cast.colleague.id && m.displayName === '刘干事'))
    assert.ok(!names.some((m) => m.id === cast.liaison.id || m.id === cast.consumer.id))

    for (const token of [cast.consumer.token, cast.liaison.token]) {
      const denied = await t.app.inject({ method: 'GET', url: '/api/staff/members', headers: bearer(token) })
      assert.equal(denied.statusCode, 403)
    }

    await t.ctx.db.updateTable('users').set({ disabled: 1 }).where('id', '=', cast.colleague.id).execute()
    const active = (await t.app.inject({ method: 'GET', url: '/api/staff/members', headers: bearer(cast.staff.token) })).json<{ items: Array<{ id: string }> }>()
    assert.ok(!active.items.some((m) => m.id === cast.colleague.id), 'a disabled account is not offered')
    await t.ctx.db.updateTable('users').set({ disabled: 0 }).where('id', '=', cast.colleague.id).execute()

    const target = (await queue('?status=awaiting_review')).items[0]!
    assert.equal((await act(t, cast.staff.token, target.id, 'assign', { staffId: cast.colleague.id })).statusCode, 200)
    const theirs = await t.app.inject({ method: 'GET', url: '/api/staff/complaints?assigned=me', headers: bearer(cast.colleague.token) })
    assert.ok(theirs.json<WorkQueueResponse>().items.some((i) => i.id === target.id))
  })
})
