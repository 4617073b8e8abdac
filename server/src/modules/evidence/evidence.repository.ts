import type { Selectable, Transaction } from 'kysely'
import type { Db } from '../../db/database'
import type { Database, EvidenceTable } from '../../db/schema'

export type EvidenceRow = Selectable<EvidenceTable>
type DbOrTrx = Db | Transaction<Database>

export function findEvidenceByComplaint(db: DbOrTrx, complaintId: string) {
  return db.selectFrom('evidence').selectAll().where('complaint_id', '=', complaintId).orderBy('attached_at').orderBy('created_at').execute()
}

/**
 * Links the owner's unattached photos to a complaint (and the event that added them). Returns
 * null when any id is unknown, belongs to someone else or is already used: the caller refuses the
 * whole request, inside the same transaction, so nothing is half attached.
 */
export async function attachEvidence(
  trx: DbOrTrx,
  args: { ids: readonly string[]; ownerId: string; complaintId: string; eventId: string | null; now: string },
): Promise<EvidenceRow[] | null> {
  if (args.ids.length === 0) return []
  const result = await trx
    .updateTable('evidence')
    .set({ complaint_id: args.complaintId, event_id: args.eventId, attached_at: args.now })
    .where('id', 'in', [...args.ids])
    .where('owner_id', '=', args.ownerId)
    .where('complaint_id', 'is', null)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== args.ids.length) return null
  const rows = await trx.selectFrom('evidence').selectAll().where('id', 'in', [...args.ids]).execute()
  const order = new Map(args.ids.map((id, index) => [id, index]))
  return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!)
}
