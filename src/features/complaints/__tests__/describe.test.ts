import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { actorLabel, promiseDueLine } from '../detail/describe'

describe('the timeline and the promise, in the reader’s words', () => {
  test('您 is only the consumer reading their own complaint; the liaison and the staff read 消费者', () => {
    assert.equal(actorLabel('consumer', 'consumer'), '您')
    assert.equal(actorLabel('consumer', 'enterprise'), '消费者')
    assert.equal(actorLabel('consumer', 'staff'), '消费者')
    assert.equal(actorLabel('enterprise', 'consumer'), '企业')
    assert.equal(actorLabel('staff', 'staff'), '消协')
  })

  test('an accepted proposal says by when, and how many days are left or gone', () => {
    assert.equal(promiseDueLine('2026-12-10', '2026-12-03'), '2026年12月10日前做到 · 还有 7 天')
    assert.equal(promiseDueLine('2026-12-03', '2026-12-03'), '2026年12月3日前做到 · 今天到期')
    assert.equal(promiseDueLine('2026-12-01', '2026-12-03'), '2026年12月1日前做到 · 已过 2 天')
    assert.equal(promiseDueLine('2027-01-02', '2026-12-31'), '2027年1月2日前做到 · 还有 2 天')
  })
})
