import { sql, type Expression, type SqlBool } from 'kysely'
import type { ComplaintStatus } from '../../../../src/contract/complaint-status'
import type { Db } from '../../db/database'
import { dueExpr, isOpenExpr, NO_DUE, rankExpr } from './queue-sql'

export { NO_DUE }

/** Where a complaint stands in a work queue: open first, nearest deadline first, then the oldest. */
export interface QueuePosition {
  rank: number
  due: string
  createdAt: string
  id: string
}


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
      'clock_paused_at',
      'organization_id',
      'rule_set_id',
      'court_case_number',
      'court_deadline',
      'queue_priority',
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
  return query.orderBy(rankExpr).orderBy(dueExpr).orderBy('created_at').orderBy('id').limit(limit)
}

/**
 * A page of a queue whose filter admits one rank only (every status filter of the staff queue):
 * the rank is left out of the order so the indexes on (deadline, created_at, id) serve it.
 */
function pageOfOneRank(query: QueueQuery, after: QueuePosition | null, limit: number) {
  if (after) query = query.where(sql<boolean>`(${dueExpr}, created_at, id) > (${after.due}, ${after.createdAt}, ${after.id})`)
  return query.orderBy(dueExpr).orderBy('created_at').orderBy('id').limit(limit)
}

/** The ODR complaints routed to an enterprise (index complaints_enterprise_queue). */
export function enterpriseQueueQuery(db: Db, enterpriseId: string, after: QueuePosition | null, limit: number) {
  return page(queueQuery(db).where('enterprise_id', '=', enterpriseId).where('path', '=', 'odr'), after, limit)
}

export function listEnterpriseComplaints(db: Db, enterpriseId: string, after: QueuePosition | null, limit: number) {
  return enterpriseQueueQuery(db, enterpriseId, after, limit).execute()
}

export interface StaffQueueFilter {
  status?: ComplaintStatus
  assignedTo?: string
  /** Which complaints the reader works (complaintsHeldBy); none for the top organization. */
  visible?: Expression<SqlBool> | null
}

/**
 * The association's queue: by status (default: every open one), optionally only one person's.
 * Indexes complaints_open_queue, complaints_open_assigned_queue, complaints_status_queue and
 * complaints_assigned_status_queue serve each filter in this order; an organization without
 * children reads complaints_org_open_queue / complaints_org_status_queue.
 */
export function staffQueueQuery(db: Db, filter: StaffQueueFilter, after: QueuePosition | null, limit: number) {
  let query = queueQuery(db)
  query = filter.status ? query.where('status', '=', filter.status) : query.where(isOpenExpr)
  if (filter.assignedTo) query = query.where('assigned_staff_id', '=', filter.assignedTo)
  if (filter.visible) query = query.where(filter.visible)
  return pageOfOneRank(query, after, limit)
}

export function listStaffComplaints(db: Db, filter: StaffQueueFilter, after: QueuePosition | null, limit: number) {
  return staffQueueQuery(db, filter, after, limit).execute()
}

/** How many refused-return complaints (queue_priority = 1) the front of the staff queue holds at most. */
export const PRIORITY_LANE_MAX = 100

/**
 * The front of the staff queue: open complaints about a refused return at a committed store
 * (线下无理由退货承诺), by deadline, from the partial index complaints_priority_queue.
 */
export function priorityLaneQuery(db: Db, filter: StaffQueueFilter) {
  let query = queueQuery(db).where('queue_priority', '=', sql.lit(1)).where(isOpenExpr)
  if (filter.status) query = query.where('status', '=', filter.status)
  if (filter.assignedTo) query = query.where('assigned_staff_id', '=', filter.assignedTo)
  if (filter.visible) query = query.where(filter.visible)
  return query.orderBy(dueExpr).orderBy('created_at').orderBy('id').limit(PRIORITY_LANE_MAX)
}
