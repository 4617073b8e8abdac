import { DEFAULT_ORGANIZATION_ID } from '../organizations/organizations.repository'
import type { Db } from '../../db/database'
import { AppError } from '../../errors'
import { findEnterpriseById } from './enterprise.repository'
import { findUserByPhone, insertUser, updateUserRole, type UserRow } from './user.repository'

/**
 * Making staff and enterprise-liaison accounts, shared by the admin CLI and the staff API. An
 * existing account keeps its id (and history) and only changes role.
 */
export interface AccountChange {
  user: UserRow
  created: boolean
}

/** New staff work for the default organization until put into another (npm run admin -- add-staff). */
export async function makeStaff(db: Db, phone: string, displayName: string | undefined): Promise<AccountChange> {
  const existing = await findUserByPhone(db, phone)
  let change: AccountChange
  if (existing) {
    await updateUserRole(db, existing.id, 'staff', null)
    change = { user: (await findUserByPhone(db, phone))!, created: false }
  } else {
    if (!displayName) throw new AppError(400, 'VALIDATION_FAILED', '新建账号需要填写姓名')
    change = { user: await insertUser(db, { phone, role: 'staff', displayName }), created: true }
  }
  await ensureMembership(db, change.user.id)
  return change
}

export interface LiaisonOptions {
  /** The API refuses to turn a staff account into a liaison; the CLI (run by an operator) may. */
  refuseStaff?: boolean
}

/** Creates the liaison account of this phone for the enterprise, or binds the existing account to it. */
export async function makeLiaison(db: Db, enterpriseId: string, phone: string, displayName: string | undefined, options: LiaisonOptions = {}): Promise<AccountChange> {
  if (!(await findEnterpriseById(db, enterpriseId))) throw new AppError(404, 'NOT_FOUND', '企业不存在')
  const existing = await findUserByPhone(db, phone)
  if (existing) {
    if (options.refuseStaff && existing.role === 'staff') {
      throw new AppError(400, 'VALIDATION_FAILED', '这个手机号是消协工作人员的账号，不能绑定为企业联络员')
    }
    await updateUserRole(db, existing.id, 'enterprise', enterpriseId)
    return { user: (await findUserByPhone(db, phone))!, created: false }
  }
  if (!displayName) throw new AppError(400, 'VALIDATION_FAILED', '新建账号需要填写姓名')
  return { user: await insertUser(db, { phone, role: 'enterprise', displayName, enterpriseId }), created: true }
}

async function ensureMembership(db: Db, userId: string): Promise<void> {
  await db
    .insertInto('staff_memberships')
    .values({ user_id: userId, organization_id: DEFAULT_ORGANIZATION_ID, station_id: null, can_manage: 0, can_mediate: 1, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute()
}
