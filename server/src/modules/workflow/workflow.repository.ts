import type { ComplaintStatus } from '../../../../src/contract/complaint-status'
import type { Db } from '../../db/database'
import { OPEN_STATUSES } from '../complaints/complaints.repository'

const QUEUE_LIMIT = 200

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
    .select((eb) =>
      eb.selectFrom('evidence').select(eb.fn.countAll<number | string>().as('n')).whereRef('evidence.complaint_id', '=', 'complaints.id').as('photo_count'),
    )
}

export type WorkItemRow = Awaited<ReturnType<ReturnType<typeof queueQuery>['execute']>>[number]

/** The ODR complaints routed to an enterprise (its most recent ones). */
export function listEnterpriseComplaints(db: Db, enterpriseId: string) {
  return queueQuery(db).where('enterprise_id', '=', enterpriseId).where('path', '=', 'odr').orderBy('created_at', 'desc').limit(QUEUE_LIMIT).execute()
}

/** The association's queue: by status (default: every open one), optionally only one person's. */
export function listStaffComplaints(db: Db, filter: { status?: ComplaintStatus; assignedTo?: string }) {
  let query = queueQuery(db)
  query = filter.status ? query.where('status', '=', filter.status) : query.where('status', 'in', OPEN_STATUSES)
  if (filter.assignedTo) query = query.where('assigned_staff_id', '=', filter.assignedTo)
  return query.orderBy('created_at', 'desc').limit(QUEUE_LIMIT).execute()
}
