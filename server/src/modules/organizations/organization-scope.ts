import { sql, type Expression, type SqlBool } from 'kysely'
import type { Db } from '../../db/database'
import { DEFAULT_ORGANIZATION_ID, findMembership, findOrganizationById, hasChildren, type OrganizationRow } from './organizations.repository'

/** Where a staff member works and what they may do there. */
export interface StaffScope {
  organization: OrganizationRow
  /** No organization below it: its cases are exactly those it holds. */
  leaf: boolean
  canManage: boolean
  canMediate: boolean
  stationId: string | null
}

/**
 * The staff member's organization. Someone made staff without a membership (before the network, or
 * by hand) works for the default organization, as a single-association deployment always did.
 */
export async function staffScope(db: Db, userId: string): Promise<StaffScope> {
  const membership = await findMembership(db, userId)
  const organization = (await findOrganizationById(db, membership?.organization_id ?? DEFAULT_ORGANIZATION_ID))!
  return {
    organization,
    leaf: !(await hasChildren(db, organization.id)),
    canManage: membership ? Number(membership.can_manage) === 1 : true,
    canMediate: membership ? Number(membership.can_mediate) === 1 : true,
    stationId: membership?.station_id ?? null,
  }
}

/** '/a/b/' → '/a/b0': every path of the subtree sorts in [path, end) ('0' follows '/' bytewise). */
export function subtreeEnd(path: string): string {
  return `${path.slice(0, -1)}0`
}

/**
 * The one rule for which complaints staff may see, as a condition on `complaints`: those held by
 * their organization and by every organization below it; nothing of a sibling or of a parent. An
 * alliance partner is no exception: it sees a case once the case was transferred to it, that is,
 * when it holds it. The top organization sees all (complaints filed before the network included).
 * A leaf is an equality on organization_id (the complaints_org_* indexes keep its queue in order);
 * an inner organization (or a list in another order, `order = 'other'`) is a range of
 * organization_path; null (no condition) for the top; an equality on station_id for a station operator.
 */
export function complaintsVisibleTo(scope: StaffScope, order: 'queue' | 'other' = 'queue'): Expression<SqlBool> | null {
  const { organization } = scope
  // A station operator who neither mediates nor manages sees what was filed at their counter (代办), nothing else.
  if (scope.stationId && !scope.canMediate && !scope.canManage) return sql<SqlBool>`complaints.station_id = ${scope.stationId}`
  if (organization.parent_id === null) return null
  // For lists in another order (the CSV by filing time), the range keeps the planner on that order's index.
  if (scope.leaf && order === 'queue') return sql<SqlBool>`complaints.organization_id = ${organization.id}`
  return sql<SqlBool>`(complaints.organization_path >= ${organization.path} and complaints.organization_path < ${subtreeEnd(organization.path)})`
}

/** Whether this staff member may see the complaint (e.g. before it is assigned to them). */
export async function staffMaySee(db: Db, userId: string, complaintId: string): Promise<boolean> {
  const condition = complaintsVisibleTo(await staffScope(db, userId))
  let query = db.selectFrom('complaints').select('id').where('id', '=', complaintId)
  if (condition) query = query.where(condition)
  return (await query.executeTakeFirst()) !== undefined
}
