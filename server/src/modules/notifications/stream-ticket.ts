import { createHmac, timingSafeEqual } from 'node:crypto'
import { STREAM_TICKET_TTL_SECONDS } from '../../../../src/contract/notification'
import type { AppContext } from '../../context'
import { findActiveSessionUser } from '../auth/session.repository'

interface TicketClaims {
  sub: string
  sid: string
  exp: number
}

/**
 * EventSource cannot send an Authorization header, so the stream URL carries a short-lived signed
 * ticket instead of the access token itself (which would end up in logs). It names the session too,
 * so logging out also voids the tickets issued to that session.
 */
export function issueStreamTicket(user: { id: string; sessionId: string }, secret: string, now: Date): string {
  const claims: TicketClaims = { sub: user.id, sid: user.sessionId, exp: Math.floor(now.getTime() / 1000) + STREAM_TICKET_TTL_SECONDS }
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url')
  return `${payload}.${sign(payload, secret)}`
}

/** The ticket's claims, or null when it is forged, malformed or expired. */
export function verifyStreamTicket(ticket: string, secret: string, now: Date): TicketClaims | null {
  const [payload, signature, ...rest] = ticket.split('.')
  if (!payload || !signature || rest.length) return null
  const expected = Buffer.from(sign(payload, secret))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  let claims: Partial<TicketClaims>
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<TicketClaims>
  } catch {
    return null
  }
  const { sub, sid, exp } = claims
  if (typeof sub !== 'string' || typeof sid !== 'string' || typeof exp !== 'number' || exp * 1000 <= now.getTime()) return null
  return { sub, sid, exp }
}

/** The user and session a ticket opens the stream for: null unless the session is still live and the account enabled. */
export async function streamTicketSession(ctx: AppContext, ticket: string): Promise<{ userId: string; sessionId: string } | null> {
  const now = ctx.now()
  const claims = verifyStreamTicket(ticket, ctx.config.tokenSecret, now)
  if (!claims) return null
  const row = await findActiveSessionUser(ctx.db, claims.sid, now.toISOString())
  return row && row.userId === claims.sub && !Number(row.disabled) ? { userId: row.userId, sessionId: claims.sid } : null
}

function sign(payload: string, secret: string) {
  return createHmac('sha256', `stream-ticket:${secret}`).update(payload).digest('base64url')
}
