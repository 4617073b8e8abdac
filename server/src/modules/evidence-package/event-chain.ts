import { createHash } from 'node:crypto'

/**
 * The case log as a hash chain (format 1, frozen: stored hashes and every package already handed out
 * depend on it; a change needs a new version number). Each event's hash covers the previous event's
 * hash and the event's canonical JSON, so an edited, inserted or removed event breaks every hash after it.
 * The note enters as its SHA-256: the retention job may erase the words of a closed case (note → null)
 * without breaking the chain, and a package still proves the words when it carries them.
 */
export const CHAIN_FORMAT = 1
export const CHAIN_START = '0'.repeat(64)

export interface ChainedEvent {
  seq: number
  id: string
  complaintId: string
  type: string
  actorId: string | null
  actorRole: string
  fromStatus: string | null
  toStatus: string | null
  createdAt: string
  /** The event's details exactly as stored (JSON text), or null. */
  data: string | null
  noteSha256: string | null
}

export const sha256Hex = (text: string | Buffer) => createHash('sha256').update(text).digest('hex')

export const noteDigest = (note: string | null) => (note === null ? null : sha256Hex(note))

/** The event as the chain covers it, from a complaint_events row (as read, or about to be written). */
export function chainedEvent(
  row: { id: string; complaint_id: string; type: string; actor_id?: string | null; actor_role: string; from_status?: string | null; to_status?: string | null; created_at: string; data?: string | null; note?: string | null },
  seq: number,
): ChainedEvent {
  return {
    seq,
    id: row.id,
    complaintId: row.complaint_id,
    type: row.type,
    actorId: row.actor_id ?? null,
    actorRole: row.actor_role,
    fromStatus: row.from_status ?? null,
    toStatus: row.to_status ?? null,
    createdAt: row.created_at,
    data: row.data ?? null,
    noteSha256: noteDigest(row.note ?? null),
  }
}

/** Keys in a fixed order, values as they are: the same event gives the same bytes on every machine. */
export function canonicalEvent(event: ChainedEvent): string {
  return JSON.stringify({
    v: CHAIN_FORMAT,
    seq: event.seq,
    id: event.id,
    complaintId: event.complaintId,
    type: event.type,
    actorId: event.actorId,
    actorRole: event.actorRole,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    createdAt: event.createdAt,
    data: event.data,
    noteSha256: event.noteSha256,
  })
}

export function chainHash(previousHash: string, event: ChainedEvent): string {
  return sha256Hex(`${previousHash}\n${canonicalEvent(event)}`)
}
