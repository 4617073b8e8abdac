import type { Selectable } from 'kysely'
import type { LegalAidStatus } from '../../../../src/contract/legal-aid'
import type { Db } from '../../db/database'
import type { LegalAidRequestTable } from '../../db/schema-legal-aid'

export type LegalAidRow = Selectable<LegalAidRequestTable>
/** A request with what its lists show of the case and the lawyer. */
export type LegalAidListRow = LegalAidRow & { number: string; business_name: string }

// Not aliased: complaintsVisibleTo (organization-scope.ts) names complaints' columns in full.
const withCase = (db: Db) =>
  db.selectFrom('legal_aid_requests as r').innerJoin('complaints', 'complaints.id', 'r.complaint_id').selectAll('r').select(['complaints.number', 'complaints.business_name'])

export function findLegalAid(db: Db, id: string): Promise<LegalAidListRow | undefined> {
  return withCase(db).where('r.id', '=', id).executeTakeFirst()
}

/** A case's requests, newest first (legal_aid_requests_complaint). */
export function aidOfComplaintQuery(db: Db, complaintId: string) {
  return withCase(db).where('r.complaint_id', '=', complaintId).orderBy('r.complaint_id').orderBy('r.created_at', 'desc').limit(50)
}

/** Requests in one status, oldest first (legal_aid_requests_status); staff narrow them to the cases they see. */
export function aidByStatusQuery(db: Db, status: LegalAidStatus) {
  return withCase(db).where('r.status', '=', status).orderBy('r.status').orderBy('r.created_at').limit(200)
}

/** A lawyer's assignments in one status, newest first (legal_aid_requests_lawyer). */
export function aidOfLawyerQuery(db: Db, lawyerId: string, status: LegalAidStatus) {
  return withCase(db).where('r.lawyer_id', '=', lawyerId).where('r.status', '=', status).orderBy('r.lawyer_id').orderBy('r.status').orderBy('r.assigned_at', 'desc').limit(100)
}

/** The lawyer, their firm and team, for the requests' lawyer field. */
export function aidLawyers(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([])
  return db
    .selectFrom('lawyer_memberships as l')
    .innerJoin('users as u', 'u.id', 'l.user_id')
    .innerJoin('organizations as o', 'o.id', 'l.organization_id')
    .select(['l.user_id', 'l.firm', 'l.status', 'u.display_name', 'o.name as organization_name', 'o.path'])
    .where('l.user_id', 'in', [...ids])
    .execute()
}

/**
 * Whether the user is, right now, the active lawyer assigned to an aid request on this case that
 * is still in hand (consent recorded, not withdrawn or finished). Read through legal_aid_requests_lawyer.
 */
export async function isAssignedLawyerOf(db: Db, userId: string, complaintId: string): Promise<boolean> {
  const row = await db
    .selectFrom('legal_aid_requests as r')
    .innerJoin('lawyer_memberships as l', 'l.user_id', 'r.lawyer_id')
    .select('r.id')
    .where('r.lawyer_id', '=', userId)
    .where('r.status', '=', 'assigned')
    .where('r.complaint_id', '=', complaintId)
    .where('l.status', '=', 'active')
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}
