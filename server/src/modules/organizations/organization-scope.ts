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
  return (await sentAcrossQuery(db, path).executeTakeFirst()) !== undefined
}

export function sentAcrossQuery(db: Db, path: string) {
  return db.selectFrom('complaints').select('id').where('alliance_sender_path', '>=', path).where('alliance_sender_path', '<', subtreeEnd(path)).limit(1)
}

/**
 * The complaints a staff member's organization works: those it holds and those held by every
 * organization below it; nothing of a sibling or of a parent. An alliance partner holds a case once
 * it was sent to it. The top organization holds all (complaints filed before the network included).
 * A leaf is an equality on organization_id (the complaints_org_* indexes keep its queue in order);
 * an inner organization (or a list in another order, `order = 'other'`) is a range of
 * organization_path; null (no condition) for the top; an equality on station_id for a station operator.
 * Work lists (the queue, the CSV) use this.
 */
export function complaintsHeldBy(scope: StaffScope, order: 'queue' | 'other' = 'queue'): Expression<SqlBool> | null {
  const { organization } = scope
  // A station operator who neither mediates nor manages sees what was filed at their counter (代办), nothing else.
  if (scope.stationId && !scope.canMediate && !scope.canManage) return sql<SqlBool>`complaints.station_id = ${scope.stationId}`
  if (organization.parent_id === null) return null
  // For lists in another order (the CSV by filing time), the range keeps the planner on that order's index.
  if (scope.leaf && order === 'queue') return sql<SqlBool>`complaints.organization_id = ${organization.id}`
  return sql<SqlBool>`(complaints.organization_path >= ${organization.path} and complaints.organization_path < ${subtreeEnd(organization.path)})`
}

/**
 * The one rule for which complaints staff may see (open, read its photos and timeline): what their
 * organization holds (complaintsHeldBy), and what it or an organization below it last sent across
 * an alliance (complaints.alliance_sender_path), read-only: only the holder acts (assertHolds).
 * A partner that handed a case back is then its last sender and keeps reading it; an earlier sender
 * stops when the case crosses again. The second range is added only for an organization that sent
 * cases across; it finds such a case by id (primary key), and lists them from the alliance's
 * transfers, so the queue stays what the organization works, in index order.
 */
export function complaintsVisibleTo(scope: StaffScope): Expression<SqlBool> | null {
  const held = complaintsHeldBy(scope)
  if (held === null || !scope.sentAcross) return held
  const { path } = scope.organization
  return sql<SqlBool>`(${held} or (complaints.alliance_sender_path >= ${path} and complaints.alliance_sender_path < ${subtreeEnd(path)}))`
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
