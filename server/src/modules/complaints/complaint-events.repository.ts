import { sql, type Insertable, type Selectable } from 'kysely'
import type { Db } from '../../db/database'
import { isPostgres } from '../../db/dialect-sql'
import type { ComplaintEventTable } from '../../db/schema'
import { CHAIN_START, chainedEvent, chainHash } from '../evidence-package/event-chain'
import { notifyComplaintEvent } from '../notifications/complaint-notifications'

export type ComplaintEventRow = Selectable<ComplaintEventTable>
export type NewComplaintEvent = Omit<Insertable<ComplaintEventTable>, 'seq' | 'chain_hash'>

/**
 * The one place events are written. Each takes the next position in its case's log and its link in
 * the hash chain; the complaint row is locked first (PostgreSQL; SQLite has one writer at a time), so
 * two events written at once on the same case chain one after the other, never both after the same one.
 * Every event also writes its notifications (the outbox) in the same transaction.
 */
export async function insertComplaintEvent(trx: Db, row: NewComplaintEvent) {
  if (isPostgres(trx)) await sql`select id from complaints where id = ${row.complaint_id} for update`.execute(trx)
  const previous = await lastChainLinkQuery(trx, row.complaint_id).executeTakeFirst()
  const seq = previous ? Number(previous.seq) + 1 : 1
  const hash = chainHash(previous?.chain_hash ?? CHAIN_START, chainedEvent(row, seq))
  await trx.insertInto('complaint_events').values({ ...row, seq, chain_hash: hash }).execute()
  await notifyComplaintEvent(trx, row)
}

/** The case's latest event in its log (complaint_events_chain, read backwards). */
export function lastChainLinkQuery(db: Db, complaintId: string) {
  return db.selectFrom('complaint_events').select(['seq', 'chain_hash']).where('complaint_id', '=', complaintId).orderBy('seq', 'desc').limit(1)
}

/** A page of the case's log in order, with each actor's display name (complaint_events_chain). */
export function eventLogPageQuery(db: Db, complaintId: string, afterSeq: number, limit: number) {
  return db
    .selectFrom('complaint_events')
    .leftJoin('users', 'users.id', 'complaint_events.actor_id')
    .selectAll('complaint_events')
    .select('users.display_name as actor_name')
    .where('complaint_events.complaint_id', '=', complaintId)
    .where('complaint_events.seq', '>', afterSeq)
    .orderBy('complaint_events.seq')
    .limit(limit)
}

/** The timeline, oldest first. */
export function findComplaintEvents(db: Db, complaintId: string) {
  return db.selectFrom('complaint_events').selectAll().where('complaint_id', '=', complaintId).orderBy('created_at').orderBy('id').execute()
}

/**
 * The time for a new event: now, or 1 ms after the complaint's latest event if that is not earlier
 * (same millisecond, or another server's clock ahead). The timeline is then ordered by time alone.
 * Call it with the complaint row locked, so no other event can slip in between.
 */
export async function nextEventTime(trx: Db, complaintId: string, now: Date): Promise<string> {
  const row = await trx
    .selectFrom('complaint_events')
    .select((eb) => eb.fn.max('created_at').as('latest'))
    .where('complaint_id', '=', complaintId)
    .executeTakeFirst()
  const latest = row?.latest ? new Date(row.latest).getTime() : -Infinity
  return new Date(Math.max(now.getTime(), latest + 1)).toISOString()
}
