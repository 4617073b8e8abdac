import type { Insertable, Selectable } from 'kysely'
import type { Db } from '../../db/database'
import type { ComplaintEventTable } from '../../db/schema'
import { notifyComplaintEvent } from '../notifications/complaint-notifications'

export type ComplaintEventRow = Selectable<ComplaintEventTable>

/** Every event also writes its notifications (the outbox) in the same transaction. */
export async function insertComplaintEvent(trx: Db, row: Insertable<ComplaintEventTable>) {
  await trx.insertInto('complaint_events').values(row).execute()
  await notifyComplaintEvent(trx, row)
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
