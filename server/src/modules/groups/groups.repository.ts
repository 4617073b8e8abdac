import type { Selectable } from 'kysely'
import { sql, type Expression, type SqlBool } from 'kysely'
import type { Db } from '../../db/database'
import type { ComplaintGroupTable } from '../../db/schema-groups'
import { subtreeEnd, type StaffScope } from '../organizations/organization-scope'

export type GroupRow = Selectable<ComplaintGroupTable>

/** Complaints about the business not yet in a group, filed in the window (index complaints_group_key). */
export function ungroupedSinceQuery(db: Db, key: string, since: string, until?: string) {
  let query = db.selectFrom('complaints').where('group_key', '=', key).where('group_id', 'is', null).where('created_at', '>=', since)
  if (until) query = query.where('created_at', '<=', until)
  return query
}

export async function countUngroupedSince(db: Db, key: string, since: string): Promise<number> {
  const row = await ungroupedSinceQuery(db, key, since)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The business's open group (unique index complaint_groups_open_business: one row at most). */
export function openGroupQuery(db: Db, key: string) {
  return db.selectFrom('complaint_groups').selectAll().where('business_key', '=', key).where('status', '=', 'open')
}

export function findGroupById(db: Db, id: string) {
  return db.selectFrom('complaint_groups').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Groups held by the staff member's organization and those below it, as complaintsVisibleTo for cases; null for the top. */
export function groupsVisibleTo(scope: StaffScope): Expression<SqlBool> | null {
  const { organization } = scope
  if (organization.parent_id === null) return null
  return sql<SqlBool>`(complaint_groups.organization_path >= ${organization.path} and complaint_groups.organization_path < ${subtreeEnd(organization.path)})`
}

export const GROUP_LIST_MAX = 100

/** 重点督办: newest first (complaint_groups_formed for the top, complaint_groups_org for a subtree). */
export function visibleGroupsQuery(db: Db, visible: Expression<SqlBool> | null) {
  let query = db
    .selectFrom('complaint_groups')
    .innerJoin('organizations', 'organizations.id', 'complaint_groups.organization_id')
    .selectAll('complaint_groups')
    .select('organizations.name as organization_name')
  if (visible) query = query.where(visible)
  return query.orderBy('complaint_groups.formed_at', 'desc').orderBy('complaint_groups.id', 'desc').limit(GROUP_LIST_MAX)
}

/** The members, first filed first (index complaints_group). */
export function membersQuery(db: Db, groupId: string) {
  return db
    .selectFrom('complaints')
    .select(['id', 'number', 'status', 'path', 'amount_fen', 'created_at', 'consumer_id'])
    .where('group_id', '=', groupId)
    .orderBy('created_at')
    .orderBy('id')
}

/** The members' whole rows, first filed first (index complaints_group), for a group action to work on. */
export function memberCasesQuery(db: Db, groupId: string) {
  return db.selectFrom('complaints').selectAll().where('group_id', '=', groupId).orderBy('created_at').orderBy('id')
}

/**
 * Counts one change to the open group if it is still at the version the caller saw (the row stays
 * locked to the end of the transaction); false when it changed or closed meanwhile.
 */
export async function bumpGroupVersion(trx: Db, id: string, seen: number, now: Date): Promise<boolean> {
  const result = await trx
    .updateTable('complaint_groups')
    .set((eb) => ({ updated_at: now.toISOString(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'open')
    .where('version', '=', seen)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export function groupEventsQuery(db: Db, groupId: string) {
  return db.selectFrom('complaint_group_events').selectAll().where('group_id', '=', groupId).orderBy('created_at').orderBy('id')
}

/** What the enterprise said on the members' cases, newest first. */
export function enterpriseRepliesQuery(db: Db, complaintIds: readonly string[]) {
  return db
    .selectFrom('complaint_events')
    .innerJoin('complaints', 'complaints.id', 'complaint_events.complaint_id')
    .select(['complaints.number', 'complaint_events.type', 'complaint_events.note', 'complaint_events.created_at'])
    .where('complaint_events.complaint_id', 'in', complaintIds.length ? complaintIds : [''])
    .where('complaint_events.actor_role', '=', 'enterprise')
    .orderBy('complaint_events.created_at', 'desc')
    .limit(50)
}
