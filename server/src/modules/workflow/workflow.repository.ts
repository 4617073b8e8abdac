import { sql } from 'kysely'
import type { ComplaintStatus } from '../../../../src/contract/complaint-status'
import type { Db } from '../../db/database'
import { OPEN_STATUSES } from '../complaints/complaints.repository'

/** Where a complaint stands in a work queue: open first, nearest deadline first, then the oldest. */
export interface QueuePosition {
  rank: number
  due: string
  createdAt: string
  id: string
}

/** Sorts after every real ISO time, so complaints without a deadline come last on both databases. */
export const NO_DUE = '9999-12-31T23:59:59.999Z'

const openList = sql.join(OPEN_STATUSES.map((status) => sql.lit(status)))
const rankExpr = sql<number>`case when status in (${openList}) then 0 else 1 end`
const dueExpr = sql<string>`coalesce(due_at, ${sql.lit(NO_DUE)})`

function queueQuery(db: Db) {
  return db
    .selectFrom('complaints')
    .select([
      'id',
      'number',
      'status',
      'path',
      'business_name',
      'industry',
      'amount_fen',
      'created_at',
      'updated_at',
      'due_at',
      'due_kind',
      'overdue_at',
      'assigned_staff_id',
    ])
    .select(rankExpr.as('queue_rank'))
    .select((eb) =>
      eb.selectFrom('evidence').select(eb.fn.countAll<number | string>().as('n')).whereRef('evidence.complaint_id', '=', 'complaints.id').as('photo_count'),
    )
}

type QueueQuery = ReturnType<typeof queueQuery>
export type WorkItemRow = Awaited<ReturnType<QueueQuery['execute']>>[number]

/** One page in queue order, after `after` (row-value comparison: SQLite ≥ 3.15 and PostgreSQL). */
function page(query: QueueQuery, after: QueuePosition | null, limit: number) {
  if (after) {
    query = query.where(
      sql<boolean>`(${rankExpr}, ${dueExpr}, created_at, id) > (${after.rank}, ${after.due}, ${after.createdAt}, ${after.id})`,
    )
  }
  return query.orderBy(rankExpr).orderBy(dueExpr).orderBy('created_at').orderBy('id').limit(limit).execute()
}

/** The ODR complaints routed to an enterprise. */
export function listEnterpriseComplaints(db: Db, enterpriseId: string, after: QueuePosition | null, limit: number) {
  return page(queueQuery(db).where('enterprise_id', '=', enterpriseId).where('path', '=', 'odr'), after, limit)
}

/** The association's queue: by status (default: every open one), optionally only one person's. */
export function listStaffComplaints(db: Db, filter: { status?: ComplaintStatus; assignedTo?: string }, after: QueuePosition | null, limit: number) {
  let query = queueQuery(db)
  query = filter.status ? query.where('status', '=', filter.status) : query.where('status', 'in', OPEN_STATUSES)
  if (filter.assignedTo) query = query.where('assigned_staff_id', '=', filter.assignedTo)
  return page(query, after, limit)
}
