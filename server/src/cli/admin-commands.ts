import type { Db } from '../db/database'
import { findEnterpriseByName, insertEnterprise } from '../modules/users/enterprise.repository'
import { findUserByPhone, insertUser, updateUserRole } from '../modules/users/user.repository'

export interface AdminOptions {
  phone?: string
  name?: string
  enterprise?: string
  'credit-code'?: string
}

function required(value: string | undefined, flag: string): string {
  if (!value?.trim()) throw new Error(`缺少参数 --${flag}`)
  return value.trim()
}

/** Creates (or promotes) staff and enterprise accounts; returns what it did in one line. */
export async function runAdminCommand(db: Db, command: string, options: AdminOptions): Promise<string> {
  switch (command) {
    case 'create-staff': {
      const phone = required(options.phone, 'phone')
      const existing = await findUserByPhone(db, phone)
      if (existing) {
        await updateUserRole(db, existing.id, 'staff', null)
        return `已将 ${phone} 设为消协工作人员`
      }
      await insertUser(db, { phone, role: 'staff', displayName: required(options.name, 'name') })
      return `已创建消协工作人员 ${phone}`
    }
    case 'create-enterprise': {
      const phone = required(options.phone, 'phone')
      const enterpriseName = required(options.enterprise, 'enterprise')
      const enterprise =
        (await findEnterpriseByName(db, enterpriseName)) ?? (await insertEnterprise(db, enterpriseName, options['credit-code'] ?? null))
      const existing = await findUserByPhone(db, phone)
      if (existing) {
        await updateUserRole(db, existing.id, 'enterprise', enterprise.id)
        return `已将 ${phone} 设为「${enterprise.name}」的企业联络员`
      }
      await insertUser(db, { phone, role: 'enterprise', displayName: required(options.name, 'name'), enterpriseId: enterprise.id })
      return `已创建「${enterprise.name}」的企业联络员 ${phone}`
    }
    case 'list-users': {
      const users = await db.selectFrom('users').select(['phone', 'role', 'display_name']).orderBy('created_at').execute()
      return users.map((u) => `${u.phone ?? '(微信)'}\t${u.role}\t${u.display_name}`).join('\n') || '（还没有用户）'
    }
    default:
      throw new Error(`未知命令：${command}`)
  }
}
