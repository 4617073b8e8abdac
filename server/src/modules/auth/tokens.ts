import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** Compact HMAC-SHA256 token (JWT layout) carrying only the user and session ids. */
export interface AccessClaims {
  sub: string
  sid: string
  exp: number
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url')

function sign(data: string, secret: string): string {
  return createHmac('sha256', secret).update(data).digest('base64url')
}

export function signAccessToken(claims: AccessClaims, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url')
  const body = `${HEADER}.${payload}`
  return `${body}.${sign(body, secret)}`
}

export type VerifyResult = { ok: true; claims: AccessClaims } | { ok: false; reason: 'invalid' | 'expired' }

export function verifyAccessToken(token: string, secret: string, nowSeconds = Date.now() / 1000): VerifyResult {
  const parts = token.split('.')
  if (parts.length !== 3 || parts[0] !== HEADER) return { ok: false, reason: 'invalid' }
  const expected = Buffer.from(sign(`${parts[0]}.${parts[1]}`, secret))
  const given = Buffer.from(parts[2]!)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' }
  let claims: AccessClaims
  try {
    claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as AccessClaims
  } catch {
    return { ok: false, reason: 'invalid' }
  }
  if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || typeof claims.exp !== 'number') {
    return { ok: false, reason: 'invalid' }
  }
  if (claims.exp <= nowSeconds) return { ok: false, reason: 'expired' }
  return { ok: true, claims }
}

export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * The refresh token that replaces `previous`. Derived rather than random so that a retry of the same
 * refresh (answer lost, two tabs racing) can be given the very token the first attempt got, without
 * the server ever storing a usable token: only its hash is kept, and deriving needs the secret.
 */
export function nextRefreshToken(previous: string, secret: string): string {
  return createHmac('sha256', `refresh-rotation:${secret}`).update(previous).digest('base64url')
}

/** Refresh tokens and SMS codes are stored only as hashes. */
export function hashSecret(value: string, pepper = ''): string {
  return createHash('sha256').update(pepper).update(value).digest('hex')
}
