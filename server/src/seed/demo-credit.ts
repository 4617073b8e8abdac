import type { Db } from '../db/database'

/**
 * 失信认定 for two demo staff, so the four-eyes path can be tried: 周科长 (杭州市) proposes, 孙处长
 * (the province above it) decides. Proposer and decider must differ, and a decider must work in the
 * proposing organization or above it.
 */
export const DEMO_CREDIT_STAFF = ['13800000012', '13800000011'] as const

export async function grantDemoCreditPermission(db: Db): Promise<void> {
  const users = await db.selectFrom('users').select('id').where('phone', 'in', [...DEMO_CREDIT_STAFF]).execute()
  if (users.length === 0) return
  await db.updateTable('staff_memberships').set({ can_credit_findings: 1 }).where('user_id', 'in', users.map((u) => u.id)).execute()
}
