import type { Db } from '../../db/database'
import type { UserProfile } from '../../../../src/contract/auth'
import { findEnterpriseById } from './enterprise.repository'
import type { UserRow } from './user.repository'

export async function toUserProfile(db: Db, user: UserRow): Promise<UserProfile> {
  const enterprise = user.enterprise_id ? await findEnterpriseById(db, user.enterprise_id) : undefined
  return {
    id: user.id,
    role: user.role,
    phone: user.phone,
    displayName: user.display_name,
    enterprise: enterprise ? { id: enterprise.id, name: enterprise.name } : null,
    createdAt: user.created_at,
  }
}
