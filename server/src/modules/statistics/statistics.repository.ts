import type { Db } from '../../db/database'
import { OPEN_STATUSES } from '../complaints/complaints.repository'

/** Complaints submitted in [fromIso, toIso), oldest first, with the directory name of their enterprise. */
export function listComplaintsCreatedBetween(db: Db, fromIso: string, toIso: string) {
  return db
    .selectFrom('complaints')
    .leftJoin('enterprises', 'enterprises.id', 'complaints.enterprise_id')
    .select([
      'complaints.number',
      'complaints.status',
      'complaints.path',
      'complaints.industry',
      'complaints.enterprise_id',
      'complaints.business_name',
      'complaints.amount_fen',
      'complaints.recovered_amount_fen',
      'complaints.created_at',
      'complaints.closed_at',
      'complaints.rating',
      'enterprises.name as enterprise_name',
    ])
    .where('complaints.created_at', '>=', fromIso)
    .where('complaints.created_at', '<', toIso)
    .orderBy('complaints.created_at')
    .orderBy('complaints.number')
    .execute()
}

export type StatisticsRow = Awaited<ReturnType<typeof listComplaintsCreatedBetween>>[number]

/** Open complaints whose current step is past its deadline, counted per step. */
export async function countOverdueByKind(db: Db, nowIso: string) {
  const rows = await db
    .selectFrom('complaints')
    .select(['due_kind'])
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('status', 'in', OPEN_STATUSES)
    .where('due_at', 'is not', null)
    .where('due_at', '<', nowIso)
    .groupBy('due_kind')
    .execute()
  return rows.map((row) => ({ dueKind: row.due_kind, count: Number(row.n) }))
}
