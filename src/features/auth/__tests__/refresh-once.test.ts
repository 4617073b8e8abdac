import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Session } from '@/contract/auth'
import { createRefresher, type StoredTokens } from '../refresh-once'

const session = (n: number) => ({ accessToken: `access-${n}`, refreshToken: `refresh-${n}` }) as Session

/** A tab's in-memory tokens over a storage shared with other tabs, and a fake /auth/refresh. */
function tab(answer: (refreshToken: string) => Promise<Session>) {
  const storage: { saved: StoredTokens } = { saved: session(1) }
  let memory: StoredTokens = { ...storage.saved }
  const exchanged: string[] = []
  const refresh = createRefresher({
    current: () => memory,
    reload: async () => {
      memory = { ...storage.saved }
    },
    exchange: (refreshToken) => {
      exchanged.push(refreshToken)
      return answer(refreshToken)
    },
    signIn: (next) => {
      memory = { accessToken: next.accessToken, refreshToken: next.refreshToken }
      storage.saved = { ...memory }
    },
  })
  return { storage, refresh, exchanged, memory: () => memory }
}

describe('renewing the session', () => {
  test('callers at the same moment share one refresh', async () => {
    const t = tab(async () => session(2))
    assert.deepEqual(await Promise.all([t.refresh(), t.refresh(), t.refresh()]), [true, true, true])
    assert.deepEqual(t.exchanged, ['refresh-1'])
    assert.equal(t.memory().refreshToken, 'refresh-2')
  })

  test('a token another tab already renewed is picked up from storage instead of being spent again', async () => {
    const t = tab(async () => session(9))
    t.storage.saved = session(2)
    assert.equal(await t.refresh(), true)
    assert.deepEqual(t.exchanged, [])
    assert.equal(t.memory().accessToken, 'access-2')
  })

  test('a refused refresh token ends the session; a network failure keeps it for the next try', async () => {
    const refused = tab(async () => Promise.reject(Object.assign(new Error('登录已失效'), { status: 401 })))
    assert.equal(await refused.refresh(), false)

    let online = false
    const flaky = tab(async () => (online ? session(2) : Promise.reject(Object.assign(new Error('网络'), { status: 0 }))))
    await assert.rejects(flaky.refresh(), /网络/)
    assert.equal(flaky.memory().refreshToken, 'refresh-1')
    online = true
    assert.equal(await flaky.refresh(), true)
    assert.deepEqual(flaky.exchanged, ['refresh-1', 'refresh-1'])
  })

  test('signed out in another tab: nothing to refresh', async () => {
    const t = tab(async () => session(2))
    t.storage.saved = { accessToken: null, refreshToken: null }
    assert.equal(await t.refresh(), false)
    assert.deepEqual(t.exchanged, [])
  })
})
