import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { backoffDelay, backoffSchedule, isRetriable, parseRetryAfter, RETRY_AFTER_MAX_MS, withRetry } from '../retry'
import { fitLongEdge, uprightSize } from '../image-size'
import { uuid } from '../uuid'

describe('upload retry with exponential backoff', () => {
  test('3 tries wait 1 s then 2 s; the wait doubles and is capped', () => {
    assert.deepEqual(backoffSchedule(), [1000, 2000])
    assert.deepEqual(backoffSchedule(5), [1000, 2000, 4000, 8000])
    assert.equal(backoffDelay(10), 8000)
    assert.deepEqual(backoffSchedule(1), [])
  })

  test('network failures and server errors are retried, refusals are not', () => {
    assert.equal(isRetriable({ status: 0 }), true)
    assert.equal(isRetriable({ status: 503 }), true)
    assert.equal(isRetriable({ status: 429 }), true)
    assert.equal(isRetriable({ status: 415 }), false)
    assert.equal(isRetriable({ status: 413 }), false)
    assert.equal(isRetriable(new Error('boom')), true)
  })

  test('tries 3 times with the schedule, then gives up with the last error', async () => {
    const waits: number[] = []
    const attempts: number[] = []
    await assert.rejects(
      withRetry(
        async (attempt) => {
          attempts.push(attempt)
          throw Object.assign(new Error(`fail ${attempt}`), { status: 0 })
        },
        { sleep: async (ms) => void waits.push(ms) },
      ),
      /fail 3/,
    )
    assert.deepEqual(attempts, [1, 2, 3])
    assert.deepEqual(waits, [1000, 2000])
  })

  test('succeeds on a later try; a 4xx stops at once', async () => {
    const value = await withRetry(async (attempt) => {
      if (attempt < 2) throw { status: 502 }
      return 'ok'
    }, { sleep: async () => undefined })
    assert.equal(value, 'ok')
    let calls = 0
    await assert.rejects(withRetry(async () => {
      calls++
      throw { status: 415, code: 'UNSUPPORTED_IMAGE' }
    }, { sleep: async () => undefined }))
    assert.equal(calls, 1)
  })
})

describe('a busy server (503 with Retry-After)', () => {
  test('Retry-After in seconds or as an HTTP date; anything else is ignored', () => {
    assert.equal(parseRetryAfter('7'), 7000)
    assert.equal(parseRetryAfter(' 0 '), 0)
    const now = Date.parse('2026-12-03T10:00:00Z')
    assert.equal(parseRetryAfter('Thu, 03 Dec 2026 10:00:12 GMT', now), 12_000)
    assert.equal(parseRetryAfter('Thu, 03 Dec 2026 09:59:00 GMT', now), 0)
    for (const junk of [undefined, null, '', 'soon', '-3', 5]) assert.equal(parseRetryAfter(junk), undefined, String(junk))
  })

  test('the upload is tried again after the wait the server asked for, not sooner', async () => {
    const waits: number[] = []
    const value = await withRetry(
      async (attempt) => {
        if (attempt === 1) throw { status: 503, code: 'UPLOADS_BUSY', retryAfterMs: 7000 }
        if (attempt === 2) throw { status: 503, code: 'UPLOADS_BUSY', retryAfterMs: 500 }
        return 'stored'
      },
      { sleep: async (ms) => void waits.push(ms) },
    )
    assert.equal(value, 'stored')
    // 7 s asked (more than the 1 s backoff); 0.5 s asked is less than the 2 s backoff, which stands.
    assert.deepEqual(waits, [7000, 2000])
  })

  test('a server asking for more than a minute is waited for a minute at most', async () => {
    const waits: number[] = []
    await assert.rejects(
      withRetry(async () => {
        throw { status: 503, retryAfterMs: 3_600_000 }
      }, { tries: 2, sleep: async (ms) => void waits.push(ms) }),
    )
    assert.deepEqual(waits, [RETRY_AFTER_MAX_MS])
  })
})

describe('compression size', () => {
  test('long edge at most 1600 px, never enlarged, upright for rotated photos', () => {
    assert.deepEqual(fitLongEdge(4032, 3024, 1600), { width: 1600, height: 1200, scaled: true })
    assert.deepEqual(fitLongEdge(3024, 4032, 1600), { width: 1200, height: 1600, scaled: true })
    assert.deepEqual(fitLongEdge(800, 600, 1600), { width: 800, height: 600, scaled: false })
    assert.deepEqual(uprightSize(4032, 3024, 'right'), { width: 3024, height: 4032 })
    assert.deepEqual(uprightSize(4032, 3024, 'up'), { width: 4032, height: 3024 })
  })
})

describe('uuid', () => {
  test('version 4 format, different every time', () => {
    const a = uuid()
    assert.match(a, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    assert.notEqual(a, uuid())
  })
})
