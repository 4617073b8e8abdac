import type { Insertable } from 'kysely'
import type { Db } from '../../db/database'
import type { AccessRecordTable } from '../../db/schema-privacy'
import type { TimePosition } from '../../time-cursor'

export function insertAccessRecord(db: Db, record: Insertable<AccessRecordTable>) {
  return db.insertInto('access_records').values(record).execute()
}

export interface AccessRecordFilter {
  complaintId?: string
  actorId?: string
  /** created_at from (inclusive) and before (exclusive), ISO instants. */
  since?: string
  before?: string
  after: TimePosition | null
  limit: number
}

/**
 * Newest first, by (created_at, id): served by access_records_complaint (one case), access_records_actor
 * (one reader) or access_records_created; a date range bounds the same index.
 */
export function accessRecordsQuery(db: Db, args: AccessRecordFilter) {
  let query = db
    .selectFrom('access_records')
    .innerJoin('users', 'users.id', 'access_records.actor_id')
    .leftJoin('enterprises', 'enterprises.id', 'access_records.organization_id')
    .leftJoin('complaints', 'complaints.id', 'access_records.complaint_id')
    .select([
      'access_records.id',
      'access_records.actor_id',
      'access_records.actor_role',
      'access_records.organization_id',
      'access_records.what',
      'access_records.complaint_id',
      'access_records.created_at',
      'complaints.number as complaint_number',
      'users.display_name as actor_name',
      'enterprises.name as organization_name',
    ])
  if (args.complaintId !== undefined) query = query.where('access_records.complaint_id', '=', args.complaintId)
  if (args.actorId !== undefined) query = query.where('access_records.actor_id', '=', args.actorId)
  if (args.since !== undefined) query = query.where('access_records.created_at', '>=', args.since)
  if (args.before !== undefined) query = query.where('access_records.created_at', '<', args.before)
  const after = args.after
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('access_records.created_at', '<', after.createdAt),
        eb.and([eb('access_records.created_at', '=', after.createdAt), eb('access_records.id', '<', after.id)]),
      ]),
    )
  }
  return query.orderBy('access_records.created_at', 'desc').orderBy('access_records.id', 'desc').limit(args.limit)
}

export function listAccessRecords(db: Db, args: AccessRecordFilter) {
  return accessRecordsQuery(db, args).execute()
}
