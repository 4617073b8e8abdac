import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { attachedEvidenceCount, countRows, postComplaint, validComplaint } from './support/complaints'
import { insertEvidenceRows } from './support/evidence-rows'
import { createTestApp, loginByPhone, TEST_DB, type TestApp } from './support/test-app'

describe(`a submission is filed once per Idempotency-Key (${TEST_DB})`, () => {
  let t: TestApp
  let token: string
  let consumerId: string
  before(async () => {
    t = await createTestApp()
    const session = await loginByPhone(t, '13900000101', '10.2.0.1')
    token = session.accessToken
    consumerId = session.user.id
  })
  after(() => t.close())

  test('a retry after a lost answer gets the same complaint with 200, and only one row exists', async () => {
    const key = randomUUID()
    const photos = await insertEvidenceRows(t, consumerId, 3)
    const body = validComplaint(t, { evidenceIds: photos })
    const first = await postComplaint(t, token, body, key)
    assert.equal(first.statusCode, 201)
    const retry = await postComplaint(t, token, body, key)
    assert.equal(retry.statusCode, 200)
    assert.equal(retry.json().id, first.json().id)
    assert.equal(retry.json().number, first.json().number)
    assert.equal(retry.json().evidence.length, 3)
    // The key in another letter case is the same UUID.
    const shouted = await postComplaint(t, token, body, key.toUpperCase())
    assert.equal(shouted.statusCode, 200)
    assert.equal(shouted.json().id, first.json().id)
    assert.equal(await countRows(t, 'complaints'), 1)
    assert.equal(await countRows(t, 'complaint_events'), 1)
  })

  test('two requests racing with one key make one complaint and both answers carry its id', async () => {
    const before = await countRows(t, 'complaints')
    const key = randomUUID()
    const photos = await insertEvidenceRows(t, consumerId, 2)
    const body = validComplaint(t, { evidenceIds: photos })
    const answers = await Promise.all([postComplaint(t, token, body, key), postComplaint(t, token, body, key), postComplaint(t, token, body, key)])
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [200, 200, 201], answers.map((a) => a.body).join('\n'))
    const ids = new Set(answers.map((a) => a.json().id))
    assert.equal(ids.size, 1)
    assert.equal(await countRows(t, 'complaints'), before + 1)
    assert.equal(await attachedEvidenceCount(t), 5)
  })

  test('numbers have no gaps after the losing racers roll back', async () => {
    const rows = await t.ctx.db.selectFrom('complaints').select('number').orderBy('number').execute()
    assert.deepEqual(
      rows.map((r) => Number(r.number.slice(-6))),
      [1, 2],
    )
  })

  test('the same key with different content is refused with 409', async () => {
    const key = randomUUID()
    assert.equal((await postComplaint(t, token, validComplaint(t), key)).statusCode, 201)
    const changed = await postComplaint(t, token, validComplaint(t, { amountFen: 1 }), key)
    assert.equal(changed.statusCode, 409)
    assert.equal(changed.json().code, 'IDEMPOTENCY_KEY_REUSED')
    assert.match(changed.json().message, /不一致/)
  })

  test('the same content in another key order is the same request', async () => {
    const key = randomUUID()
    const body = validComplaint(t)
    assert.equal((await postComplaint(t, token, body, key)).statusCode, 201)
    const reordered = Object.fromEntries(Object.entries(body).reverse())
    assert.equal((await postComplaint(t, token, reordered, key)).statusCode, 200)
  })

  test('another consumer may use the same key for their own complaint', async () => {
    const key = randomUUID()
    const other = await loginByPhone(t, '13900000102', '10.2.0.2')
    const mine = await postComplaint(t, token, validComplaint(t), key)
    const theirs = await postComplaint(t, other.accessToken, validComplaint(t), key)
    assert.equal(mine.statusCode, 201)
    assert.equal(theirs.statusCode, 201)
    assert.notEqual(mine.json().id, theirs.json().id)
  })

  test('a missing key is refused with IDEMPOTENCY_KEY_REQUIRED, a malformed one as invalid', async () => {
    const before = await countRows(t, 'complaints')
    const missing = await postComplaint(t, token, validComplaint(t), null)
    assert.equal(missing.statusCode, 400)
    assert.equal(missing.json().code, 'IDEMPOTENCY_KEY_REQUIRED')
    const malformed = await postComplaint(t, token, validComplaint(t), 'draft-1')
    assert.equal(malformed.statusCode, 400)
    assert.equal(malformed.json().code, 'VALIDATION_FAILED')
    assert.match(malformed.json().message, /idempotency-key/)
    assert.equal(await countRows(t, 'complaints'), before)
  })
})
