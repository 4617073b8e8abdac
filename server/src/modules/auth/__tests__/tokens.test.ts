import assert from 'node:assert/strict'
import { test } from 'node:test'
import { newRefreshToken, nextRefreshToken, signAccessToken, verifyAccessToken } from '../tokens'

const secret = 'k'.repeat(40)

test('a signed token verifies until it expires', () => {
  const token = signAccessToken({ sub: 'u1', sid: 's1', exp: 1000 }, secret)
  assert.deepEqual(verifyAccessToken(token, secret, 999), { ok: true, claims: { sub: 'u1', sid: 's1', exp: 1000 } })
  assert.deepEqual(verifyAccessToken(token, secret, 1000), { ok: false, reason: 'expired' })
})

test('another secret, a changed payload or garbage is invalid', () => {
  const token = signAccessToken({ sub: 'u1', sid: 's1', exp: 1000 }, secret)
  assert.deepEqual(verifyAccessToken(token, 'x'.repeat(40), 1), { ok: false, reason: 'invalid' })
  const [h, , s] = token.split('.')
  const forged = `${h}.${Buffer.from('{"sub":"admin","sid":"s1","exp":9999}').toString('base64url')}.${s}`
  assert.deepEqual(verifyAccessToken(forged, secret, 1), { ok: false, reason: 'invalid' })
  assert.deepEqual(verifyAccessToken('a.b', secret, 1), { ok: false, reason: 'invalid' })
})

test('the next refresh token is the same for the same token and secret, and unguessable without the secret', () => {
  const token = newRefreshToken()
  const next = nextRefreshToken(token, secret)
  assert.equal(nextRefreshToken(token, secret), next)
  assert.match(next, /^[\w-]{43}$/)
  assert.notEqual(next, token)
  assert.notEqual(nextRefreshToken(token, 'other'.repeat(8)), next)
  assert.notEqual(nextRefreshToken(newRefreshToken(), secret), next)
})
