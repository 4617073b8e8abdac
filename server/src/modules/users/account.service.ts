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

export async function makeStaff(db: Db, phone: string, displayName: string | undefined): Promise<AccountChange> {
  const existing = await findUserByPhone(db, phone)
  if (existing) {
    await updateUserRole(db, existing.id, 'staff', null)
    return { user: (await findUserByPhone(db, phone))!, created: false }
  }
  if (!displayName) throw new AppError(400, 'VALIDATION_FAILED', '新建账号需要填写姓名')
  return { user: await insertUser(db, { phone, role: 'staff', displayName }), created: true }
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
