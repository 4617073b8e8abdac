import type { Transaction } from 'kysely'
import type { Db } from '../../db/database'
import { skipLocked } from '../../db/dialect-sql'
import type { Database } from '../../db/schema'

type Trx = Transaction<Database>

/**
 * Walk-in filings that never became a complaint started before `cutoff` (index walk_in_filings_unfinished).
 * Call inside the transaction that deletes them: on PostgreSQL the rows stay claimed until it ends.
 */
export function unfinishedFilingsBefore(db: Db | Trx, cutoff: string, limit: number) {
  return skipLocked(db, unfinishedFilingsQuery(db, cutoff, limit)).execute()
}

export function unfinishedFilingsQuery(db: Db | Trx, cutoff: string, limit: number) {
  return db.selectFrom('walk_in_filings').select('id').where('complaint_id', 'is', null).where('created_at', '<', cutoff).orderBy('created_at').limit(limit)
}

/** Unfinished filings naming a phone (index walk_in_filings_unfinished_phone). */
export function unfinishedFilingsOfPhoneQuery(db: Db | Trx, phone: string) {
  return db.selectFrom('walk_in_filings').select('id').where('phone', '=', phone).where('complaint_id', 'is', null)
}

/**
 * Deletes unfinished filings with the counter photos taken for them (those not attached to a complaint,
 * which a finished filing's are). Returns how many filings went, and the photos whose files to delete
 * after commit. Re-checks `complaint_id is null`: a filing submitted meanwhile stays.
 */
export async function deleteUnfinishedFilings(trx: Trx, ids: readonly string[]) {
  if (ids.length === 0) return { filings: 0, evidence: [] }
  const due = (await trx.selectFrom('walk_in_filings').select('id').where('id', 'in', ids).where('complaint_id', 'is', null).execute()).map((row) => row.id)
  if (due.length === 0) return { filings: 0, evidence: [] }
  const photos = trx.selectFrom('walk_in_photos').select('evidence_id').where('filing_id', 'in', due)
  const evidence = await trx
    .deleteFrom('evidence')
    .where('id', 'in', photos)
    .where('attached_at', 'is', null)
    .returning(['id', 'sha256', 'original_key', 'display_key', 'thumbnail_key'])
    .execute()
  await trx.deleteFrom('walk_in_photos').where('filing_id', 'in', due).execute()
  const deleted = await trx.deleteFrom('walk_in_filings').where('id', 'in', due).where('complaint_id', 'is', null).executeTakeFirst()
  return { filings: Number(deleted.numDeletedRows), evidence }
}

/**
 * Account deletion: filings naming the person's phone that never became a complaint go with their
 * photos; those that did keep the station's record of the case, under the pseudonym and without the phone.
 */
export async function eraseWalkInsOf(trx: Trx, person: { id: string; phone: string | null }, pseudonym: string) {
  const unfinished = person.phone
    ? (await unfinishedFilingsOfPhoneQuery(trx, person.phone).execute()).map((row) => row.id)
    : []
  const { evidence } = await deleteUnfinishedFilings(trx, unfinished)
  await trx.updateTable('walk_in_filings').set({ phone: '', person_name: pseudonym }).where('consumer_id', '=', person.id).execute()
  return evidence
}
