import { EventEmitter } from 'node:events'
import { sql } from 'kysely'
import type { Db } from '../../db/database'
import { isPostgres } from '../../db/dialect-sql'

/*
 * Wakes live streams when something they show has changed, so an idle stream costs no queries.
 * Writers announce inside the transaction that makes the change:
 * - PostgreSQL: pg_notify on a channel named after the schema; PostgreSQL delivers it on commit (and
 *   never on rollback) to the one listening connection of every process, this one included.
 * - SQLite: an in-process event (one process owns the file). It fires before commit, but the stream's
 *   read waits for the single connection the transaction holds, so it sees the committed rows.
 */

export type InboxSignal =
  | { kind: 'inbox'; ids: string[] }
  | { kind: 'session-ended'; ids: string[] }
  | { kind: 'room'; complaintId: string; ids: string[] }
  | { kind: 'resync' }

/** PostgreSQL caps a NOTIFY payload at 8000 bytes; user ids are 36 characters. */
const PAYLOAD_MAX = 7800
const local = new EventEmitter().setMaxListeners(0)
const LOCAL_EVENT = 'inbox-signal'

/** The LISTEN channel of the schema the connection works in (schemas of one database never hear each other). */
export const CHANNEL_SQL = "'weiquan_inbox_' || current_schema()"
const channelSql = sql.raw<string>(CHANNEL_SQL)

/** The users' inbox (new notification, read state) changed. */
export function announceInboxChange(trx: Db, userIds: readonly string[]): Promise<void> {
  return announce(trx, 'inbox', userIds)
}

/** The sessions ended (logout, revoked): their open streams close. */
export function announceSessionsEnded(trx: Db, sessionIds: readonly string[]): Promise<void> {
  return announce(trx, 'session-ended', sessionIds)
}

/** Something changed in a mediation room these users have open (a message, a read mark, a session, presence). */
export async function announceRoomChange(trx: Db, complaintId: string, userIds: readonly string[]): Promise<void> {
  const unique = [...new Set(userIds)]
  if (unique.length === 0) return
  if (!isPostgres(trx)) {
    local.emit(LOCAL_EVENT, { kind: 'room', complaintId, ids: unique } satisfies InboxSignal)
    return
  }
  for (const payload of payloads(`r:${complaintId}`, unique)) await sql`select pg_notify(${channelSql}, ${payload})`.execute(trx)
}

async function announce(trx: Db, kind: 'inbox' | 'session-ended', ids: readonly string[]) {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return
  if (!isPostgres(trx)) {
    local.emit(LOCAL_EVENT, { kind, ids: unique } satisfies InboxSignal)
    return
  }
  for (const payload of payloads(kind === 'inbox' ? 'u' : 's', unique)) await sql`select pg_notify(${channelSql}, ${payload})`.execute(trx)
}

function payloads(prefix: string, ids: string[]): string[] {
  const out: string[] = []
  let current: string[] = []
  let length = 0
  for (const id of ids) {
    if (current.length > 0 && length + id.length + 1 > PAYLOAD_MAX) {
      out.push(`${prefix}:${current.join(',')}`)
      current = []
      length = 0
    }
    current.push(id)
    length += id.length + 1
  }
  if (current.length > 0) out.push(`${prefix}:${current.join(',')}`)
  return out
}

export function parsePayload(payload: string | undefined): InboxSignal | null {
  const room = /^r:([^:]{1,64}):(.+)$/s.exec(payload ?? '')
  if (room) return { kind: 'room', complaintId: room[1]!, ids: room[2]!.split(',') }
  const match = /^([us]):(.+)$/s.exec(payload ?? '')
  if (!match) return null
  return { kind: match[1] === 'u' ? 'inbox' : 'session-ended', ids: match[2]!.split(',') }
}

/** SQLite's in-process signals; returns an unsubscribe function. */
export function onLocalSignal(listener: (signal: InboxSignal) => void): () => void {
  local.on(LOCAL_EVENT, listener)
  return () => local.off(LOCAL_EVENT, listener)
}
