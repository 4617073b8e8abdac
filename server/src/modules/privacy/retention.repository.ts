import type { Transaction } from 'kysely'
import type { Db } from '../../db/database'
import { inClaimed, skipLocked } from '../../db/dialect-sql'
import type { Database } from '../../db/schema'

type DbOrTrx = Db | Transaction<Database>

/**
 * Each function handles at most `limit` rows found through an index on the retention column, and
 * re-checks its condition in the write itself: two instances running at once never handle a row twice.
 */
export async function deleteSmsCodesBefore(db: DbOrTrx, cutoff: string, limit: number): Promise<number> {
  const result = await db
    .deleteFrom('sms_codes')
    .where(inClaimed(db, 'id', skipLocked(db, db.selectFrom('sms_codes').select('id').where('created_at', '<', cutoff).orderBy('created_at').limit(limit))))
    .where('created_at', '<', cutoff)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

export async function deleteSessionsExpiredBefore(db: DbOrTrx, cutoff: string, limit: number): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where(inClaimed(db, 'id', skipLocked(db, db.selectFrom('sessions').select('id').where('expires_at', '<', cutoff).orderBy('expires_at').limit(limit))))
    .where('expires_at', '<', cutoff)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

export async function deleteAccessRecordsBefore(db: DbOrTrx, cutoff: string, limit: number): Promise<number> {
  const result = await db
    .deleteFrom('access_records')
    .where(inClaimed(db, 'id', skipLocked(db, db.selectFrom('access_records').select('id').where('created_at', '<', cutoff).orderBy('created_at').limit(limit))))
    .where('created_at', '<', cutoff)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Call inside the transaction that anonymizes them: on PostgreSQL the rows stay claimed (SKIP LOCKED) until it ends. */
export function complaintsClosedBefore(db: DbOrTrx, cutoff: string, limit: number) {
  return skipLocked(db, db.selectFrom('complaints').select('id').where('anonymized_at', 'is', null).where('closed_at', '<', cutoff).orderBy('closed_at').limit(limit)).execute()
}

/**
 * Keeps the row for anonymous statistics (industry, amounts, status, dates, business) and removes what
 * identifies or describes the consumer: phone, description, demands in their words, rating comment,
 * message texts, and the photos. Returns the ids this call anonymized (none if another run got there first).
 */
export async function anonymizeComplaints(trx: Transaction<Database>, ids: readonly string[], now: string) {
  if (ids.length === 0) return { ids: [] as string[], evidence: [] }
  const done = (
    await trx
      .updateTable('complaints')
      .set({ contact_phone: '', description: '', demand_detail: null, rating_comment: null, proposal_text: null, anonymized_at: now })
      .where('id', 'in', ids)
      .where('anonymized_at', 'is', null)
      .returning('id')
      .execute()
  ).map((row) => row.id)
  if (done.length === 0) return { ids: done, evidence: [] }
  await trx.updateTable('complaint_events').set({ note: null }).where('complaint_id', 'in', done).execute()
  // What was said in the mediation room goes the same way as the timeline's notes and photos.
  await trx.updateTable('mediation_messages').set({ text: null }).where('complaint_id', 'in', done).execute()
  const roomMessages = trx.selectFrom('mediation_messages').select('id').where('complaint_id', 'in', done)
  const roomPhotos = (await trx.deleteFrom('mediation_message_photos').where('message_id', 'in', roomMessages).returning('evidence_id').execute()).map((row) => row.evidence_id)
  const evidence = await trx
    .deleteFrom('evidence')
    .where((eb) => eb.or([eb('complaint_id', 'in', done), ...(roomPhotos.length > 0 ? [eb('id', 'in', roomPhotos)] : [])]))
    .returning(['id', 'sha256', 'original_key', 'display_key', 'thumbnail_key'])
    .execute()
  return { ids: done, evidence }
}

/** Call inside the transaction that clears them (see complaintsClosedBefore). */
export function fieldReportsReviewedBefore(db: DbOrTrx, cutoff: string, limit: number) {
  return skipLocked(
    db,
    db.selectFrom('field_reports').select('id').where('coordinates_removed_at', 'is', null).where('reviewed_at', '<', cutoff).orderBy('reviewed_at').limit(limit),
  ).execute()
}

/** Clears the position of the reports and of their photos; the reports themselves stay. */
export async function clearFieldReportCoordinates(trx: Transaction<Database>, ids: readonly string[], now: string): Promise<number> {
  if (ids.length === 0) return 0
  const done = (
    await trx
      .updateTable('field_reports')
      .set({ latitude: null, longitude: null, accuracy: null, coordinates_removed_at: now })
      .where('id', 'in', ids)
      .where('coordinates_removed_at', 'is', null)
      .returning('id')
      .execute()
  ).map((row) => row.id)
  if (done.length > 0) {
    await trx.updateTable('field_report_photos').set({ latitude: null, longitude: null, accuracy: null }).where('report_id', 'in', done).execute()
  }
  return done.length
}
