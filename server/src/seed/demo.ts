import type { Db } from '../db/database'
import type { Role } from '../../../src/contract/roles'
import { findEnterpriseByName, insertEnterprise } from '../modules/users/enterprise.repository'
import { findUserByPhone, insertUser } from '../modules/users/user.repository'

export const DEMO_ENTERPRISE = { name: '示例优选超市有限公司', creditCode: '91110105MA0000000X' }

export const DEMO_ACCOUNTS: ReadonlyArray<{ role: Role; phone: string; displayName: string }> = [
  { role: 'consumer', phone: '13800000001', displayName: '王阿姨' },
  { role: 'volunteer', phone: '13800000002', displayName: '李师傅' },
  { role: 'enterprise', phone: '13800000003', displayName: '张经理' },
  { role: 'staff', phone: '13800000004', displayName: '陈主任' },
]

/** Idempotent: running it again changes nothing. */
export async function seedDemoData(db: Db): Promise<void> {
  const enterprise =
    (await findEnterpriseByName(db, DEMO_ENTERPRISE.name)) ?? (await insertEnterprise(db, DEMO_ENTERPRISE.name, DEMO_ENTERPRISE.creditCode))
  for (const account of DEMO_ACCOUNTS) {
    if (await findUserByPhone(db, account.phone)) continue
    await insertUser(db, {
      phone: account.phone,
      role: account.role,
      displayName: account.displayName,
      enterpriseId: account.role === 'enterprise' ? enterprise.id : null,
    })
  }
}
