import { sql, type Expression, type SqlBool } from 'kysely'
import type { Db } from '../../db/database'
import { AppError } from '../../errors'
import { DEFAULT_ORGANIZATION_ID, findMembership, findOrganizationById, hasChildren, type OrganizationRow } from './organizations.repository'

/** Where a staff member works and what they may do there. */
export interface StaffScope {
  organization: OrganizationRow
  /** No organization below it: its cases are exactly those it holds. */
  leaf: boolean
  canManage: boolean
  canMediate: boolean
  stationId: string | null
  /** Its subtree sent cases across an alliance that it still reads (complaints.alliance_sender_path). */
  sentAcross?: boolean
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
    sentAcross: organization.parent_id !== null && (await sentAcrossAlliance(db, organization.path)),
    canManage: membership ? Number(membership.can_manage) === 1 : true,
    canMediate: membership ? Number(membership.can_mediate) === 1 : true,
    stationId: membership?.station_id ?? null,
  }
}

/** '/a/b/' → '/a/b0': every path of the subtree sorts in [path, end) ('0' follows '/' bytewise). */
export function subtreeEnd(path: string): string {
  return `${path.slice(0, -1)}0`
}

/** Whether some case last sent across an alliance from this subtree exists (one probe of complaints_alliance_sender). */
async function sentAcrossAlliance(db: Db, path: string): Promise<boolean> {
  const row = await db
    .selectFrom('complaints')
    .select('id')
    .where('alliance_sender_path', '>=', path)
    .where('alliance_sender_path', '<', subtreeEnd(path))
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

/**
 * The one rule for which complaints staff may see, as a condition on `complaints`: those held by
 * their organization and by every organization below it; nothing of a sibling or of a parent. An
 * alliance partner sees a case once it was sent to it, that is, while it holds it, and afterwards
 * only if it sent it back across (then it is the sender below). The organization that last sent a
 * case across an alliance (and those above it) keeps reading it: complaints.alliance_sender_path.
 * The top organization sees all (complaints filed before the network included).
 * A leaf is an equality on organization_id (the complaints_org_* indexes keep its queue in order);
 * an inner organization (or a list in another order, `order = 'other'`) is a range of
 * organization_path; null (no condition) for the top. Only an organization that sent cases across
 * gets the second range, OR-ed (both ranges index-served; its queue is then sorted, not read in order).
 */
export function complaintsVisibleTo(scope: StaffScope, order: 'queue' | 'other' = 'queue'): Expression<SqlBool> | null {
  const { organization } = scope
  if (organization.parent_id === null) return null
  const end = subtreeEnd(organization.path)
  // For lists in another order (the CSV by filing time), the range keeps the planner on that order's index.
  const held =
    scope.leaf && order === 'queue'
      ? sql<SqlBool>`complaints.organization_id = ${organization.id}`
      : sql<SqlBool>`(complaints.organization_path >= ${organization.path} and complaints.organization_path < ${end})`
  if (!scope.sentAcross) return held
  return sql<SqlBool>`(${held} or (complaints.alliance_sender_path >= ${organization.path} and complaints.alliance_sender_path < ${end}))`
}

/**
 * Whether the staff member's organization (or one below it) holds the case: reading is not working.
 * A case sent across an alliance stays visible to its sender, but only its holder acts on it.
 */
export function holdsComplaint(scope: StaffScope, complaint: { organization_path: string | null }): boolean {
  if (scope.organization.parent_id === null) return true
  return complaint.organization_path !== null && complaint.organization_path.startsWith(scope.organization.path)
}

/** 403 when the staff member may read the case but does not hold it (sent across an alliance). */
export function assertHolds(scope: StaffScope, complaint: { organization_path: string | null }): void {
  if (!holdsComplaint(scope, complaint)) throw new AppError(403, 'CASE_HELD_ELSEWHERE')
}

/** Whether this staff member may work the complaint (e.g. before it is assigned to them): their organization holds it. */
export async function staffMayWork(db: Db, userId: string, complaint: { organization_path: string | null }): Promise<boolean> {
  return holdsComplaint(await staffScope(db, userId), complaint)
}
