import type { Db } from '../../db/database'
import { AppError } from '../../errors'
import { staffScope, type StaffScope } from '../organizations/organization-scope'
import type { FindingRow } from './bad-faith-findings.repository'

export interface CreditScope extends StaffScope {
  /** 失信认定: granted per member by the organization's managers (staff_memberships.can_credit_findings). */
  canCreditFindings: boolean
}

export async function creditScope(db: Db, userId: string): Promise<CreditScope> {
  const [scope, membership] = await Promise.all([
    staffScope(db, userId),
    db.selectFrom('staff_memberships').select('can_credit_findings').where('user_id', '=', userId).executeTakeFirst(),
  ])
  return { ...scope, canCreditFindings: Number(membership?.can_credit_findings ?? 0) === 1 }
}

/** Staff without the permission are refused every finding route (403), whatever their organization. */
export async function requireCreditPermission(db: Db, userId: string): Promise<CreditScope> {
  const scope = await creditScope(db, userId)
  if (!scope.canCreditFindings) throw new AppError(403, 'CREDIT_PERMISSION_REQUIRED')
  return scope
}

/** A finding of the caller's organization or one below it; anything else is 404 (not even confirmed to exist). */
export function assertInScope(scope: StaffScope, row: FindingRow | undefined): FindingRow {
  if (!row || !row.organization_path.startsWith(scope.organization.path)) throw new AppError(404, 'CREDIT_FINDING_NOT_FOUND')
  return row
}
