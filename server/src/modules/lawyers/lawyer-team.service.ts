import type { InviteLawyerRequest, Lawyer, LawyerList, LawyerStatus } from '../../../../src/contract/lawyer-qa'
import { maskPhone } from '../../../../src/contract/rules'
import { isUniqueViolation, type Db } from '../../db/database'
import { AppError } from '../../errors'
import { staffScope } from '../organizations/organization-scope'
import { findUserByPhone, insertUser } from '../users/user.repository'
import { findLawyer, lawyersOfOrganizationQuery, type LawyerRow } from './lawyers.repository'

export function toLawyerDto(row: LawyerRow): Lawyer {
  return {
    id: row.user_id,
    name: row.display_name,
    phone: row.phone ? maskPhone(row.phone) : null,
    firm: row.firm,
    licenceNo: row.licence_no,
    status: row.status,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
  }
}

/**
 * Staff add a lawyer to their organization's team by phone: a new account when the phone has none;
 * a consumer or volunteer keeps their account (and may still ask questions). Staff and liaison
 * accounts are refused; one team per lawyer, one licence number per lawyer (unique indexes decide
 * between two invitations at once).
 */
export async function inviteLawyer(db: Db, staffId: string, request: InviteLawyerRequest, now: Date): Promise<Lawyer> {
  const scope = await staffScope(db, staffId)
  const at = now.toISOString()
  try {
    const userId = await db.transaction().execute(async (trx) => {
      const existing = await findUserByPhone(trx, request.phone)
      if (existing && (existing.role === 'staff' || existing.role === 'enterprise')) throw new AppError(409, 'LAWYER_ROLE_CONFLICT')
      const user = existing ?? (await insertUser(trx, { phone: request.phone, role: 'consumer', displayName: request.name.trim() }, at))
      await trx
        .insertInto('lawyer_memberships')
        .values({ user_id: user.id, organization_id: scope.organization.id, firm: request.firm.trim(), licence_no: request.licenceNo, status: 'active', invited_by: staffId, created_at: at, updated_at: at })
        .execute()
      return user.id
    })
    return toLawyerDto((await findLawyer(db, userId))!)
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'LAWYER_EXISTS')
    throw error
  }
}

export async function lawyersOfMyOrganization(db: Db, staffId: string): Promise<LawyerList> {
  const scope = await staffScope(db, staffId)
  return { items: (await lawyersOfOrganizationQuery(db, scope.organization.id).execute()).map(toLawyerDto) }
}

/** Suspend or resume a lawyer of the staff member's organization or one below it; others are 404. */
export async function setLawyerStatus(db: Db, staffId: string, lawyerId: string, status: LawyerStatus, now: Date): Promise<Lawyer> {
  const scope = await staffScope(db, staffId)
  const lawyer = await findLawyer(db, lawyerId)
  const path = lawyer && (await db.selectFrom('organizations').select('path').where('id', '=', lawyer.organization_id).executeTakeFirst())?.path
  if (!lawyer || !path?.startsWith(scope.organization.path)) throw new AppError(404, 'LAWYER_NOT_FOUND')
  await db.updateTable('lawyer_memberships').set({ status, updated_at: now.toISOString() }).where('user_id', '=', lawyerId).execute()
  return toLawyerDto((await findLawyer(db, lawyerId))!)
}

/** The caller as an active lawyer; anyone else is refused (403), a suspended lawyer with their own message. */
export async function requireActiveLawyer(db: Db, userId: string): Promise<LawyerRow> {
  const lawyer = await findLawyer(db, userId)
  if (!lawyer) throw new AppError(403, 'NOT_A_LAWYER')
  if (lawyer.status !== 'active') throw new AppError(403, 'LAWYER_SUSPENDED')
  return lawyer
}
