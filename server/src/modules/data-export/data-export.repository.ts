import { sql, type Insertable, type Selectable, type Transaction } from 'kysely'
import type { Db } from '../../db/database'
import type { Database } from '../../db/schema'
import type { DataExportTable } from '../../db/schema-privacy'

export type DataExportRow = Selectable<DataExportTable>
type DbOrTrx = Db | Transaction<Database>

/** Inserts a request; false when the person already has one pending or building (the partial unique index). */
export async function insertExportIfNoneActive(db: Db, row: Insertable<DataExportTable>): Promise<boolean> {
  const result = await db
    .insertInto('data_exports')
    .values(row)
    // The index's own predicate, written out: PostgreSQL matches it to the partial index only as a literal.
    .onConflict((oc) => oc.column('user_id').where(sql<boolean>`status in ('pending', 'building')`).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
}

/** The person's newest export (data_exports_user). */
export function latestExportQuery(db: DbOrTrx, userId: string) {
  return db.selectFrom('data_exports').selectAll().where('user_id', '=', userId).orderBy('requested_at', 'desc').limit(1)
}

export function findLatestExport(db: DbOrTrx, userId: string) {
  return latestExportQuery(db, userId).executeTakeFirst()
}

/** The oldest waiting export (data_exports_queue). */
export function oldestPendingExportQuery(db: DbOrTrx) {
  return db.selectFrom('data_exports').select('id').where('status', '=', 'pending').orderBy('requested_at').limit(1)
}

/** Ready exports past their download period, oldest first (data_exports_expiry). */
export function dueExportsQuery(db: DbOrTrx, now: string, limit: number) {
  return db.selectFrom('data_exports').select('id').where('status', '=', 'ready').where('expires_at', '<', now).orderBy('expires_at').limit(limit)
}

export function findUserExport(db: DbOrTrx, userId: string, id: string) {
  return db.selectFrom('data_exports').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst()
}


/**
 * Takes the oldest waiting export (or one whose builder's lease ran out) for this worker. The condition
 * is checked again in the UPDATE itself, so two workers never build the same export.
 */
export async function claimNextExport(db: Db, args: { owner: string; now: string; leaseUntil: string; maxAttempts: number }) {
  // Waiting exports by age (data_exports_queue); else one whose builder crashed (its lease ran out).
  const candidate =
    (await oldestPendingExportQuery(db).executeTakeFirst()) ??
    (await db
      .selectFrom('data_exports')
      .select('id')
      .where('status', '=', 'building')
      .where('lease_until', '<', args.now)
      .orderBy('requested_at')
      .limit(1)
      .executeTakeFirst())
  if (!candidate) return undefined
  return db
    .updateTable('data_exports')
    .set((eb) => ({ status: 'building', lease_owner: args.owner, lease_until: args.leaseUntil, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', candidate.id)
    .where((eb) => eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'building'), eb('lease_until', '<', args.now)])]))
    .where('attempts', '<', args.maxAttempts)
    .returningAll()
    .executeTakeFirst()
}

/** Keeps the lease while a long export is still being written; false if another worker has taken it over. */
export async function renewLease(db: Db, id: string, owner: string, leaseUntil: string): Promise<boolean> {
  const result = await db
    .updateTable('data_exports')
    .set({ lease_until: leaseUntil })
    .where('id', '=', id)
    .where('status', '=', 'building')
    .where('lease_owner', '=', owner)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

export async function markExportReady(
  db: Db,
  args: { id: string; owner: string; storageKey: string; bytes: number; photoCount: number; readyAt: string; expiresAt: string },
): Promise<boolean> {
  const result = await db
    .updateTable('data_exports')
    .set({
      status: 'ready',
      storage_key: args.storageKey,
      bytes: args.bytes,
      photo_count: args.photoCount,
      ready_at: args.readyAt,
      expires_at: args.expiresAt,
      lease_owner: null,
      lease_until: null,
      last_error: null,
    })
    .where('id', '=', args.id)
    .where('status', '=', 'building')
    .where('lease_owner', '=', args.owner)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** After a failed attempt: back in the queue, or failed for good after the last attempt. */
export async function releaseFailedExport(db: Db, args: { id: string; owner: string; error: string; giveUp: boolean }) {
  await db
    .updateTable('data_exports')
    .set({ status: args.giveUp ? 'failed' : 'pending', lease_owner: null, lease_until: null, last_error: args.error.slice(0, 500) })
    .where('id', '=', args.id)
    .where('status', '=', 'building')
    .where('lease_owner', '=', args.owner)
    .execute()
}

/** Exports whose builder gave up after every attempt, or crashed on the last one: failed, so the person may ask again. */
export async function failExhaustedExports(db: Db, now: string, maxAttempts: number) {
  await db
    .updateTable('data_exports')
    .set({ status: 'failed', lease_owner: null, lease_until: null })
    .where('status', '=', 'building')
    .where('lease_until', '<', now)
    .where('attempts', '>=', maxAttempts)
    .execute()
}

/** Ready exports past their download period: marked expired (each once), returning their files to delete. */
export async function expireExportsBefore(db: DbOrTrx, now: string, limit: number) {
  return db
    .updateTable('data_exports')
    .set({ status: 'expired', deleted_at: now })
    .where('id', 'in', dueExportsQuery(db, now, limit))
    .where('status', '=', 'ready')
    .returning(['id', 'storage_key'])
    .execute()
}
