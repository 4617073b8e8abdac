import { createHmac, timingSafeEqual } from 'node:crypto'
import { STREAM_TICKET_TTL_SECONDS } from '../../../../src/contract/notification'

/**
 * EventSource cannot send an Authorization header, so the stream URL carries a short-lived signed
 * ticket naming the user instead of the access token itself (which would end up in logs).
 */
export function issueStreamTicket(userId: string, secret: string, now: Date): string {
  const payload = `${userId}.${Math.floor(now.getTime() / 1000) + STREAM_TICKET_TTL_SECONDS}`
  return `${Buffer.from(payload).toString('base64url')}.${sign(payload, secret)}`
}

/** The user id, or null when the ticket is forged, malformed or expired. */
export function verifyStreamTicket(ticket: string, secret: string, now: Date): string | null {
  const [encoded, signature] = ticket.split('.')
  if (!encoded || !signature) return null
  const payload = Buffer.from(encoded, 'base64url').toString('utf8')
  const expected = Buffer.from(sign(payload, secret))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  const dot = payload.lastIndexOf('.')
  const userId = payload.slice(0, dot)
  const expires = Number(payload.slice(dot + 1))
  if (!userId || !Number.isFinite(expires) || expires * 1000 <= now.getTime()) return null
  return userId
}

function sign(payload: string, secret: string) {
  return createHmac('sha256', `stream-ticket:${secret}`).update(payload).digest('base64url')
}
