import type { Insertable, Selectable } from 'kysely'
import { COMPLAINT_STATUSES, isOpen, type ComplaintStatus } from '../../../../src/contract/complaint-status'
import type { Db } from '../../db/database'
import type { ComplaintTable } from '../../db/schema'

export type ComplaintRow = Selectable<ComplaintTable>

export const OPEN_STATUSES: readonly ComplaintStatus[] = COMPLAINT_STATUSES.filter(isOpen)
export const CLOSED_STATUSES: readonly ComplaintStatus[] = COMPLAINT_STATUSES.filter((status) => !isOpen(status))

/** Where a page of the list ends: the list is ordered by (created_at, id), newest first. */
export interface ComplaintPosition {
  createdAt: string
  id: string
}

export function insertComplaint(trx: Db, row: Insertable<ComplaintTable>) {
  return trx.insertInto('complaints').values(row).returningAll().executeTakeFirstOrThrow()
}

export function findComplaintById(db: Db, id: string) {
  return db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findConsumerComplaint(db: Db, id: string, consumerId: string) {
  return db.selectFrom('complaints').selectAll().where('id', '=', id).where('consumer_id', '=', consumerId).executeTakeFirst()
}

export function findComplaintByIdempotencyKey(db: Db, consumerId: string, key: string) {
  return db
    .selectFrom('complaints')
    .selectAll()
    .where('consumer_id', '=', consumerId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst()
}

/** One page of a consumer's complaints after `after`, with the number of photos of each. */
export function listConsumerComplaints(
  db: Db,
  args: { consumerId: string; state?: 'open' | 'closed'; after: ComplaintPosition | null; limit: number },
) {
  let query = db
    .selectFrom('complaints')
    .select(['id', 'number', 'status', 'path', 'business_name', 'industry', 'amount_fen', 'created_at', 'updated_at'])
    .select((eb) =>
      eb
        .selectFrom('evidence')
        .select(eb.fn.countAll<number | string>().as('n'))
        .whereRef('evidence.complaint_id', '=', 'complaints.id')
        .as('photo_count'),
    )
    .where('consumer_id', '=', args.consumerId)
  if (args.state) query = query.where('status', 'in', args.state === 'open' ? OPEN_STATUSES : CLOSED_STATUSES)
  const after = args.after
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('created_at', '<', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)])]),
    )
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(args.limit).execute()
}

export type ComplaintListRow = Awaited<ReturnType<typeof listConsumerComplaints>>[number]

/**
 * Locks an open complaint's row for the rest of the transaction (a no-op UPDATE: SQLite has no
 * SELECT … FOR UPDATE). False when the complaint is no longer open.
 */
export async function lockOpenComplaint(trx: Db, id: string): Promise<boolean> {
  const result = await trx
    .updateTable('complaints')
    .set((eb) => ({ version: eb.ref('version') }))
    .where('id', '=', id)
    .where('status', 'in', OPEN_STATUSES)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * Compare-and-swap on `version`: moves the complaint from the status it was read in to `to`.
 * False when anyone changed it in between, so two concurrent transitions can never both win.
 */
export async function transitionComplaint(trx: Db, args: { id: string; from: ComplaintStatus; version: number; to: ComplaintStatus }) {
  const result = await trx
    .updateTable('complaints')
    .set((eb) => ({ status: args.to, version: eb('version', '+', 1) }))
    .where('id', '=', args.id)
    .where('version', '=', args.version)
    .where('status', '=', args.from)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Records when the complaint last changed (and when it closed, once it is no longer open). */
export function touchComplaint(trx: Db, id: string, at: string, closed = false) {
  return trx
    .updateTable('complaints')
    .set(closed ? { updated_at: at, closed_at: at, repeat_key: null, clock_paused_at: null, clock_paused_reason: null } : { updated_at: at })
    .where('id', '=', id)
    .execute()
}

export async function countComplaintPhotos(db: Db, complaintId: string): Promise<number> {
  const row = await db
    .selectFrom('evidence')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('complaint_id', '=', complaintId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
