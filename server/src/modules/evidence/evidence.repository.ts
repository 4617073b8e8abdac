import type { Selectable, Transaction } from 'kysely'
import type { Db } from '../../db/database'
import { inClaimed, skipLocked } from '../../db/dialect-sql'
import type { Database, EvidenceTable } from '../../db/schema'

export type EvidenceRow = Selectable<EvidenceTable>
type DbOrTrx = Db | Transaction<Database>

export function findEvidenceByComplaint(db: DbOrTrx, complaintId: string) {
  return db.selectFrom('evidence').selectAll().where('complaint_id', '=', complaintId).orderBy('attached_at').orderBy('position').orderBy('created_at').execute()
}

/**
 * Links the owner's unattached photos to a complaint (and the event that added them), handing them to
 * `newOwnerId` when given (photos an operator took at a station counter become the person's). Returns
 * null when any id is unknown, belongs to someone else or is already used: the caller refuses the
 * whole request, inside the same transaction, so nothing is half attached.
 */
export async function attachEvidence(
  trx: DbOrTrx,
  args: { ids: readonly string[]; ownerId: string; newOwnerId?: string; complaintId: string; eventId: string | null; now: string },
): Promise<EvidenceRow[] | null> {
  if (args.ids.length === 0) return []
  const result = await trx
    .updateTable('evidence')
    .set({ complaint_id: args.complaintId, event_id: args.eventId, attached_at: args.now, owner_id: args.newOwnerId ?? args.ownerId })
    .where('id', 'in', [...args.ids])
    .where('owner_id', '=', args.ownerId)
    .where('complaint_id', 'is', null)
    // A photo already used (by a volunteer's field report) cannot be reused in a complaint.
    .where('attached_at', 'is', null)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== args.ids.length) return null
  for (const [position, id] of args.ids.entries()) {
    await trx.updateTable('evidence').set({ position }).where('id', '=', id).execute()
  }
  const rows = await trx.selectFrom('evidence').selectAll().where('id', 'in', [...args.ids]).execute()
  const order = new Map(args.ids.map((id, index) => [id, index]))
  return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!)
}

export async function insertEvidence(db: DbOrTrx, row: EvidenceRow): Promise<void> {
  await db.insertInto('evidence').values(row).execute()
}

export function findEvidenceById(db: DbOrTrx, id: string) {
  return db.selectFrom('evidence').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function deleteEvidence(db: DbOrTrx, id: string): Promise<void> {
  await db.deleteFrom('evidence').where('id', '=', id).execute()
}

/** Of the given content hashes, those some evidence row still uses: their files must stay. */
export async function hashesStillReferenced(db: DbOrTrx, hashes: readonly string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set()
  const rows = await db.selectFrom('evidence').select('sha256').distinct().where('sha256', 'in', [...hashes]).execute()
  return new Set(rows.map((row) => row.sha256))
}

/**
 * Deletes up to `limit` photos never attached (to a complaint or field report) and created before
 * `cutoff`, returning what was deleted. The conditions are in the DELETE itself, so a photo attached
 * after it was selected survives.
 */
export function deleteUnattachedEvidence(db: DbOrTrx, cutoff: string, limit: number) {
  return db
    .deleteFrom('evidence')
    .where(
      inClaimed(
        db,
        'id',
        skipLocked(db, db.selectFrom('evidence').select('id').where('complaint_id', 'is', null).where('attached_at', 'is', null).where('created_at', '<', cutoff).limit(limit)),
      ),
    )
    .where('complaint_id', 'is', null)
    .where('attached_at', 'is', null)
    .returning(['id', 'sha256', 'original_key', 'display_key', 'thumbnail_key'])
    .execute()
}
