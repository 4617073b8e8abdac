import assert from 'node:assert/strict'
import type { AddressInfo } from 'node:net'
import { after, before, describe, test } from 'node:test'
import { remindMediationSessions } from '../jobs/mediation-reminders'
import { anonymizeComplaints } from '../modules/privacy/retention.repository'
import { fileComplaint } from './support/complaints'
import { insertEvidenceRows } from './support/evidence-rows'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { act, createCast, type Cast } from './support/workflow'

describe(`the mediation room (${TEST_DB})`, () => {
  let t: TestApp
  let cast: Cast
  before(async () => {
    // Sessions are days ahead and the clock jumps there: sign-ins must outlive the jumps.
    t = await createTestApp({ ACCESS_TOKEN_TTL_SECONDS: String(30 * 24 * 3600) })
    cast = await createCast(t, '171')
  })
  after(() => t.close())

  const call = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/complaints/${url}`, headers: bearer(token), ...(payload ? { payload } : {}) })
  const say = (token: string, id: string, thread: string, text: string, evidenceIds?: string[]) =>
    call(token, 'POST', `${id}/room/threads/${thread}/messages`, { text, ...(evidenceIds ? { evidenceIds } : {}) })
  const read = (token: string, id: string, thread: string, query = '') => call(token, 'GET', `${id}/room/threads/${thread}/messages${query}`)
  const texts = (response: { json(): { items: Array<{ text: string | null }> } }) => response.json().items.map((m) => m.text)

  /** An association case naming the cast's enterprise, accepted and in mediation. */
  async function mediatingCase() {
    const filed = await fileComplaint(t, cast.consumer.token, { business: { name: '示例优选超市有限公司', enterpriseId: cast.enterpriseId }, path: 'association' })
    assert.equal((await act(t, cast.staff.token, filed.id, 'accept')).statusCode, 200)
    assert.equal((await act(t, cast.staff.token, filed.id, 'start_mediation')).statusCode, 200)
    return filed.id
  }

  const countRows = async (table: 'mediation_messages' | 'mediation_sessions' | 'mediation_absences') =>
    Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

  test('the three parties talk in the shared thread; each side thread is seen only by its party and the mediator; notes by staff only', async () => {
    const id = await mediatingCase()
    assert.equal((await say(cast.staff.token, id, 'shared', '请双方各自说明一下情况')).statusCode, 200)
    assert.equal((await say(cast.consumer.token, id, 'shared', '我希望全额退款')).statusCode, 200)
    assert.equal((await say(cast.liaison.token, id, 'shared', '我们愿意退款')).statusCode, 200)
    assert.equal((await say(cast.consumer.token, id, 'consumer', '其实退一半我也接受')).statusCode, 200)
    assert.equal((await say(cast.liaison.token, id, 'enterprise', '我们最多退 80%')).statusCode, 200)
    assert.equal((await say(cast.staff.token, id, 'notes', '双方差距不大，下次提 70%')).statusCode, 200)

    const shared = await read(cast.consumer.token, id, 'shared')
    assert.deepEqual(texts(shared), ['请双方各自说明一下情况', '我希望全额退款', '我们愿意退款'])
    assert.deepEqual(
      shared.json().items.map((m: { party: string; mine: boolean }) => [m.party, m.mine]),
      [['mediator', false], ['consumer', true], ['enterprise', false]],
    )
    assert.deepEqual(texts(await read(cast.liaison.token, id, 'shared')), texts(shared))
    assert.deepEqual(texts(await read(cast.staff.token, id, 'consumer')), ['其实退一半我也接受'])
    assert.deepEqual(texts(await read(cast.staff.token, id, 'enterprise')), ['我们最多退 80%'])

    // The other party's side thread and the notes do not exist for them: 404 {code,message}.
    for (const [token, thread] of [
      [cast.liaison.token, 'consumer'],
      [cast.consumer.token, 'enterprise'],
      [cast.consumer.token, 'notes'],
      [cast.liaison.token, 'notes'],
    ] as const) {
      const response = await read(token, id, thread)
      assert.equal(response.statusCode, 404, `${thread}: ${response.body}`)
      assert.equal(response.json().code, 'NOT_FOUND')
      assert.ok(response.json().message)
    }
    // Nor can they write there, and nothing is written.
    const before = await countRows('mediation_messages')
    assert.equal((await say(cast.liaison.token, id, 'consumer', '偷偷说')).statusCode, 404)
    assert.equal((await say(cast.consumer.token, id, 'notes', '偷偷说')).statusCode, 404)
    assert.equal(await countRows('mediation_messages'), before)

    // The room's overview lists the threads each may read.
    assert.deepEqual((await call(cast.consumer.token, 'GET', `${id}/room`)).json().threads, ['shared', 'consumer'])
    assert.deepEqual((await call(cast.liaison.token, 'GET', `${id}/room`)).json().threads, ['shared', 'enterprise'])
    assert.deepEqual((await call(cast.staff.token, 'GET', `${id}/room`)).json().threads, ['shared', 'consumer', 'enterprise', 'notes'])
  })

  test("another case's room, another enterprise, a room not yet open: refused, nothing written", async () => {
    const id = await mediatingCase()
    const stranger = await fileComplaint(t, cast.consumer.token, { path: 'association' })
    const before = await countRows('mediation_messages')
    // The other liaison is not in this case.
    const other = await say(cast.otherLiaison.token, id, 'shared', '我来插一句')
    assert.equal(other.statusCode, 404)
    assert.equal((await read(cast.otherLiaison.token, id, 'shared')).statusCode, 404)
    // A case not accepted yet has no room.
    const notOpen = await say(cast.consumer.token, stranger.id, 'shared', '你好')
    assert.equal(notOpen.statusCode, 409)
    assert.equal(notOpen.json().code, 'ROOM_NOT_OPEN')
    // Complaint pages ask whether to show the room's entry: no room yet is a plain 204, not an error.
    assert.equal((await call(cast.consumer.token, 'GET', `${stranger.id}/room`)).statusCode, 204)
    // Empty words and no photos; a photo not one's own.
    assert.equal((await say(cast.consumer.token, id, 'shared', '   ')).json().code, 'ROOM_MESSAGE_EMPTY')
    const [theirs] = await insertEvidenceRows(t, cast.liaison.id, 1)
    const stolen = await say(cast.consumer.token, id, 'shared', '看这张', [theirs!])
    assert.equal(stolen.statusCode, 422)
    assert.equal(await countRows('mediation_messages'), before)
    // A number where text belongs is not coerced.
    assert.equal((await call(cast.consumer.token, 'POST', `${id}/room/threads/shared/messages`, { text: 12 })).statusCode, 400)
  })

  test('staff without 调解 permission may read but not speak', async () => {
    const id = await mediatingCase()
    await t.ctx.db.updateTable('staff_memberships').set({ can_mediate: 0 }).where('user_id', '=', cast.colleague.id).execute()
    const room = (await call(cast.colleague.token, 'GET', `${id}/room`)).json()
    assert.equal(room.canWrite, false)
    const response = await say(cast.colleague.token, id, 'shared', '我也说两句')
    assert.equal(response.statusCode, 403)
    assert.equal(response.json().code, 'FORBIDDEN')
    await t.ctx.db.updateTable('staff_memberships').set({ can_mediate: 1 }).where('user_id', '=', cast.colleague.id).execute()
  })

  test('a photo sent in a side thread is visible to that party and staff only, never through the complaint', async () => {
    const id = await mediatingCase()
    const [photo] = await insertEvidenceRows(t, cast.consumer.id, 1)
    const sent = await say(cast.consumer.token, id, 'consumer', '', [photo!])
    assert.equal(sent.statusCode, 200, sent.body)
    assert.equal(sent.json().photos.length, 1)
    assert.equal(sent.json().text, null)
    const evidence = (token: string) => t.app.inject({ method: 'GET', url: `/api/evidence/${photo}`, headers: bearer(token) })
    assert.equal((await evidence(cast.consumer.token)).statusCode, 200)
    assert.equal((await evidence(cast.staff.token)).statusCode, 200)
    assert.equal((await evidence(cast.liaison.token)).statusCode, 404)
    // Not on the complaint's own photo list either (the liaison of an accepted case could read that).
    const detail = (await t.app.inject({ method: 'GET', url: `/api/complaints/${id}`, headers: bearer(cast.consumer.token) })).json()
    assert.ok(!detail.evidence.some((e: { id: string }) => e.id === photo))
    // Used once: it cannot be sent again.
    assert.equal((await say(cast.consumer.token, id, 'shared', '再发一次', [photo!])).statusCode, 422)
  })

  test('pages go back by cursor without repeats; after= returns only what came since', async () => {
    const id = await mediatingCase()
    for (let i = 1; i <= 7; i++) assert.equal((await say(cast.consumer.token, id, 'shared', `第${i}条`)).statusCode, 200)
    const newest = (await read(cast.consumer.token, id, 'shared', '?limit=3')).json()
    assert.deepEqual(newest.items.map((m: { text: string }) => m.text), ['第5条', '第6条', '第7条'])
    const older = (await read(cast.consumer.token, id, 'shared', `?limit=3&before=${newest.olderCursor}`)).json()
    assert.deepEqual(older.items.map((m: { text: string }) => m.text), ['第2条', '第3条', '第4条'])
    const oldest = (await read(cast.consumer.token, id, 'shared', `?limit=3&before=${older.olderCursor}`)).json()
    assert.deepEqual(oldest.items.map((m: { text: string }) => m.text), ['第1条'])
    assert.equal(oldest.olderCursor, null)
    const since = (await read(cast.consumer.token, id, 'shared', `?after=${newest.items[1].seq}`)).json()
    assert.deepEqual(since.items.map((m: { text: string }) => m.text), ['第7条'])
    assert.equal((await read(cast.consumer.token, id, 'shared', '?limit=51')).statusCode, 400)
    assert.equal((await read(cast.consumer.token, id, 'shared', '?before=abc')).statusCode, 400)
  })

  test('read marks: the author sees 已读 once the other side read, and a mark never moves back', async () => {
    const id = await mediatingCase()
    const message = (await say(cast.consumer.token, id, 'shared', '你们看到了吗？')).json()
    assert.equal((await call(cast.liaison.token, 'GET', `${id}/room`)).json().unread.shared, 1)
    let page = (await read(cast.consumer.token, id, 'shared')).json()
    assert.equal(page.readUpTo.consumer, message.seq)
    assert.equal(page.readUpTo.enterprise, 0)
    const marked = await call(cast.liaison.token, 'POST', `${id}/room/threads/shared/read`, { seq: message.seq })
    assert.equal(marked.statusCode, 200, marked.body)
    assert.equal(marked.json().unread.shared, 0)
    await call(cast.liaison.token, 'POST', `${id}/room/threads/shared/read`, { seq: 0 })
    page = (await read(cast.consumer.token, id, 'shared')).json()
    assert.equal(page.readUpTo.enterprise, message.seq)
    // Beyond the thread's end: refused.
    assert.equal((await call(cast.liaison.token, 'POST', `${id}/room/threads/shared/read`, { seq: message.seq + 100 })).statusCode, 400)
  })

  test('two posts at once get distinct seqs and both are kept', async () => {
    const id = await mediatingCase()
    const results = await Promise.all([say(cast.consumer.token, id, 'shared', '同时一'), say(cast.liaison.token, id, 'shared', '同时二'), say(cast.staff.token, id, 'shared', '同时三')])
    assert.deepEqual(results.map((r) => r.statusCode), [200, 200, 200])
    const seqs = results.map((r) => r.json().seq as number)
    assert.equal(new Set(seqs).size, 3)
  })

  test('a party away gets an inbox notice; a party in the room (heartbeat) does not', async () => {
    const id = await mediatingCase()
    assert.equal((await call(cast.liaison.token, 'POST', `${id}/room/heartbeat`)).statusCode, 200)
    const before = await t.ctx.db.selectFrom('notifications').select('recipient_id').where('type', '=', 'mediation_message').execute()
    const message = (await say(cast.staff.token, id, 'shared', '请商家先说明')).json()
    const notices = await t.ctx.db.selectFrom('notifications').select(['recipient_id', 'link']).where('source_key', 'like', `room:${message.id}:%`).execute()
    assert.deepEqual(notices.map((n) => n.recipient_id), [cast.consumer.id])
    assert.equal(notices[0]!.link, `/packages/mediation/pages/room/index?id=${id}`)
    assert.ok(before.length >= 0)
    // Presence shows in the room, and lapses.
    assert.deepEqual((await call(cast.consumer.token, 'GET', `${id}/room`)).json().present, ['enterprise'])
    t.advance(60_000)
    assert.deepEqual((await call(cast.consumer.token, 'GET', `${id}/room`)).json().present, [])
    // A side-thread message never notifies the other party.
    const side = (await say(cast.staff.token, id, 'consumer', '单独问您一句')).json()
    const sideNotices = await t.ctx.db.selectFrom('notifications').select('recipient_id').where('source_key', 'like', `room:${side.id}:%`).execute()
    assert.deepEqual(sideNotices.map((n) => n.recipient_id), [cast.consumer.id])
  })

  test('live: a message reaches the other party on the existing stream as a room event; a side message does not reach the other party', async (context) => {
    const id = await mediatingCase()
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`
    const controller = new AbortController()
    context.after(() => controller.abort())
    const open = async (token: string) => {
      const ticket = (await t.app.inject({ method: 'POST', url: '/api/notifications/stream-ticket', headers: bearer(token) })).json().ticket
      const response = await fetch(`${base}/api/notifications/stream?ticket=${encodeURIComponent(ticket)}`, { signal: controller.signal })
      const reader = response.body!.getReader()
      const state = { text: '' }
      const pump = async () => {
        for (;;) {
          const chunk = await reader.read().catch(() => ({ done: true, value: undefined }))
          if (chunk.done) return
          state.text += new TextDecoder().decode(chunk.value)
        }
      }
      void pump()
      return state
    }
    const liaisonStream = await open(cast.liaison.token)
    const consumerStream = await open(cast.consumer.token)
    await waitUntil(() => /event: unread/.test(liaisonStream.text) && /event: unread/.test(consumerStream.text), 15_000)
    await say(cast.staff.token, id, 'consumer', '只对消费者说')
    await say(cast.staff.token, id, 'shared', '大家好')
    const roomEvent = new RegExp(`event: room\\ndata: \\{"complaintId":"${id}"\\}`, 'g')
    await waitUntil(() => (consumerStream.text.match(roomEvent) ?? []).length >= 2 && (liaisonStream.text.match(roomEvent) ?? []).length >= 1, 15_000)
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.equal((liaisonStream.text.match(roomEvent) ?? []).length, 1, 'the liaison hears of the shared message only')
    controller.abort()
  })

  test('sessions: the mediator proposes, one party asks for another time, then both confirm; reminders the day before and 30 minutes before, once', async () => {
    const id = await mediatingCase()
    const now = t.ctx.now().getTime()
    const startsAt = new Date(now + 3 * 24 * 3600_000).toISOString()
    // Not before 30 minutes from now, not after the case's mediation deadline (from its rule set).
    const tooSoon = await call(cast.staff.token, 'POST', `${id}/room/sessions`, { startsAt: new Date(now + 60_000).toISOString() })
    assert.equal(tooSoon.statusCode, 422)
    assert.equal(tooSoon.json().code, 'SESSION_TIME_INVALID')
    const due = (await t.ctx.db.selectFrom('complaints').select('due_at').where('id', '=', id).executeTakeFirstOrThrow()).due_at!
    const tooLate = await call(cast.staff.token, 'POST', `${id}/room/sessions`, { startsAt: new Date(Date.parse(due) + 3600_000).toISOString() })
    assert.equal(tooLate.statusCode, 422)
    assert.match(tooLate.json().message, /调解期限/)
    // Parties cannot propose.
    assert.equal((await call(cast.consumer.token, 'POST', `${id}/room/sessions`, { startsAt })).statusCode, 403)

    const proposed = await call(cast.staff.token, 'POST', `${id}/room/sessions`, { startsAt })
    assert.equal(proposed.statusCode, 200, proposed.body)
    const session = proposed.json().session
    assert.equal(session.status, 'proposed')
    assert.equal(session.consumer.answer, 'pending')
    assert.equal(session.enterprise.answer, 'pending')
    const asked = await t.ctx.db.selectFrom('notifications').select('recipient_id').where('source_key', 'like', `session:${session.id}:proposed:%`).execute()
    assert.deepEqual(asked.map((n) => n.recipient_id).sort(), [cast.consumer.id, cast.liaison.id].sort())

    const answer = (token: string, payload: object) => call(token, 'POST', `${id}/room/sessions/${session.id}/answer`, payload)
    const other = new Date(now + 4 * 24 * 3600_000).toISOString()
    assert.equal((await answer(cast.liaison.token, { answer: 'other_time' })).statusCode, 400, 'another time needs the suggested time')
    const moved = await answer(cast.liaison.token, { answer: 'other_time', suggestedAt: other })
    assert.equal(moved.statusCode, 200, moved.body)
    assert.equal(moved.json().session.enterprise.suggestedAt, other)
    // The mediator takes the suggestion: a new session replaces the old one.
    const second = (await call(cast.staff.token, 'POST', `${id}/room/sessions`, { startsAt: other })).json().session
    assert.notEqual(second.id, session.id)
    assert.equal((await answer(cast.consumer.token, { answer: 'confirmed' })).json().code, 'SESSION_NOT_OPEN')
    const both = await Promise.all([
      call(cast.consumer.token, 'POST', `${id}/room/sessions/${second.id}/answer`, { answer: 'confirmed' }),
      call(cast.liaison.token, 'POST', `${id}/room/sessions/${second.id}/answer`, { answer: 'confirmed' }),
    ])
    assert.deepEqual(both.map((r) => r.statusCode), [200, 200])
    const confirmed = (await call(cast.consumer.token, 'GET', `${id}/room`)).json().session
    assert.equal(confirmed.status, 'confirmed', 'two answers at once still confirm')
    assert.equal(confirmed.live, false)
    // Everything said about it is in the shared thread.
    assert.ok(texts(await read(cast.consumer.token, id, 'shared')).some((text) => /商家已确认参加/.test(text ?? '')))

    const reminders = () => t.ctx.db.selectFrom('notifications').select(['recipient_id', 'source_key']).where('source_key', 'like', `session-reminder:%:${second.id}:%`).execute()
    assert.equal(await remindMediationSessions(t.ctx), 0, 'four days ahead: nothing yet')
    t.setNow(new Date(Date.parse(other) - 23 * 3600_000).toISOString())
    await remindMediationSessions(t.ctx)
    await remindMediationSessions(t.ctx)
    let sent = await reminders()
    assert.deepEqual(sent.map((n) => n.source_key.split(':')[1]), ['day', 'day', 'day'], 'consumer, liaison and mediator, once')
    t.setNow(new Date(Date.parse(other) - 40 * 60_000).toISOString())
    await remindMediationSessions(t.ctx)
    assert.equal((await reminders()).length, 3, '40 minutes ahead: not yet')
    t.setNow(new Date(Date.parse(other) - 29 * 60_000).toISOString())
    await Promise.all([remindMediationSessions(t.ctx), remindMediationSessions(t.ctx)])
    sent = await reminders()
    assert.equal(sent.filter((n) => n.source_key.startsWith('session-reminder:soon')).length, 3)

    // On now: the room shows it and who is present.
    t.setNow(new Date(Date.parse(other) + 5 * 60_000).toISOString())
    await call(cast.consumer.token, 'POST', `${id}/room/heartbeat`)
    const live = (await call(cast.staff.token, 'POST', `${id}/room/heartbeat`)).json()
    assert.equal(live.session.live, true)
    assert.deepEqual(live.present, ['mediator', 'consumer'])
  })

  test('two confirmed sessions missed without reason: the mediator records 缺席 and the rule set ground is offered', async () => {
    t.setNow(new Date().toISOString())
    const id = await mediatingCase()
    const miss = async (hoursAhead: number) => {
      const startsAt = new Date(t.ctx.now().getTime() + hoursAhead * 3600_000).toISOString()
      const session = (await call(cast.staff.token, 'POST', `${id}/room/sessions`, { startsAt })).json().session
      for (const token of [cast.consumer.token, cast.liaison.token]) {
        assert.equal((await call(token, 'POST', `${id}/room/sessions/${session.id}/answer`, { answer: 'confirmed' })).statusCode, 200)
      }
      const early = await call(cast.staff.token, 'POST', `${id}/room/sessions/${session.id}/absences`, { party: 'enterprise' })
      assert.equal(early.json().code, 'SESSION_NOT_STARTED')
      t.setNow(new Date(Date.parse(startsAt) + 3 * 3600_000).toISOString())
      return session.id as string
    }
    const first = await miss(2)
    assert.equal((await call(cast.liaison.token, 'POST', `${id}/room/sessions/${first}/absences`, { party: 'enterprise' })).statusCode, 403)
    const recorded = await call(cast.staff.token, 'POST', `${id}/room/sessions/${first}/absences`, { party: 'enterprise', note: '电话未接' })
    assert.equal(recorded.statusCode, 200, recorded.body)
    assert.deepEqual(recorded.json().absenceGrounds, [])
    const twice = await Promise.all([1, 2].map(() => call(cast.staff.token, 'POST', `${id}/room/sessions/${first}/absences`, { party: 'enterprise' })))
    assert.deepEqual(twice.map((r) => r.json().code), ['ABSENCE_ALREADY_RECORDED', 'ABSENCE_ALREADY_RECORDED'])
    const second = await miss(2)
    const grounds = (await call(cast.staff.token, 'POST', `${id}/room/sessions/${second}/absences`, { party: 'enterprise' })).json().absenceGrounds
    assert.equal(grounds.length, 1)
    assert.equal(grounds[0].party, 'enterprise')
    assert.equal(grounds[0].absences, 2)
    assert.equal(grounds[0].action, 'mediation_failed')
    assert.match(grounds[0].text, /不参加调解/)
    // Parties do not see the grounds; they see the record in the shared thread.
    assert.deepEqual((await call(cast.consumer.token, 'GET', `${id}/room`)).json().absenceGrounds, [])
    assert.ok(texts(await read(cast.consumer.token, id, 'shared')).some((text) => /商家无正当理由未参加/.test(text ?? '')))
    // The workflow's termination takes it from here.
    assert.equal((await act(t, cast.staff.token, id, 'mediation_failed', { advice: 'litigation', note: `终止调解：${grounds[0].text}` })).statusCode, 200)
    const closed = await say(cast.consumer.token, id, 'shared', '还能说话吗')
    assert.equal(closed.json().code, 'ROOM_NOT_OPEN')
    assert.equal((await read(cast.consumer.token, id, 'shared')).statusCode, 200, 'the record stays readable')
  })
})

describe(`the mediation room at the end of retention (${TEST_DB})`, () => {
  test('anonymizing a case clears what was said in its room and deletes the photos sent there', async () => {
    const t = await createTestApp()
    try {
      const cast = await createCast(t, '172')
      const filed = await fileComplaint(t, cast.consumer.token, { business: { name: '示例优选超市有限公司', enterpriseId: cast.enterpriseId }, path: 'association' })
      await act(t, cast.staff.token, filed.id, 'accept')
      const [photo] = await insertEvidenceRows(t, cast.consumer.id, 1)
      const sent = await t.app.inject({ method: 'POST', url: `/api/complaints/${filed.id}/room/threads/consumer/messages`, headers: bearer(cast.consumer.token), payload: { text: '我家住在幸福路 8 号', evidenceIds: [photo] } })
      assert.equal(sent.statusCode, 200, sent.body)
      const removed = await t.ctx.db.transaction().execute((trx) => anonymizeComplaints(trx, [filed.id], t.ctx.now().toISOString()))
      assert.ok(removed.evidence.some((row) => row.id === photo))
      const message = await t.ctx.db.selectFrom('mediation_messages').select('text').where('complaint_id', '=', filed.id).executeTakeFirstOrThrow()
      assert.equal(message.text, null)
      assert.equal(await t.ctx.db.selectFrom('evidence').select('id').where('id', '=', photo!).executeTakeFirst(), undefined)
    } finally {
      await t.close()
    }
  })
})

async function waitUntil(check: () => boolean, ms: number) {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
