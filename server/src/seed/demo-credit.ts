import type { Db } from '../db/database'
import { DEFAULT_ORGANIZATION_ID } from '../modules/organizations/organizations.repository'

/**
 * 失信认定 for demo staff, so the four-eyes path can be tried: 陈主任 of the top organization (which
 * handles the demo enterprise's complaints) proposes, and a colleague he adds on 组织管理 with the
 * permission decides; in 杭州, 周科长 proposes and 孙处长 (the province above) decides.
 */
export const DEMO_CREDIT_STAFF = ['13800000004', '13800000012', '13800000011'] as const

export async function grantDemoCreditPermission(db: Db): Promise<void> {
  const users = await db.selectFrom('users').select(['id', 'phone']).where('phone', 'in', [...DEMO_CREDIT_STAFF]).where('role', '=', 'staff').execute()
  if (users.length === 0) return
  const chen = users.find((u) => u.phone === '13800000004')
  // 陈主任 works for the top organization without a membership row (managing and mediating): the
  // permission needs one, with the same rights he has without it.
  if (chen) {
    await db
      .insertInto('staff_memberships')
      .values({ user_id: chen.id, organization_id: DEFAULT_ORGANIZATION_ID, station_id: null, can_manage: 1, can_mediate: 1, created_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute()
  }
  await db.updateTable('staff_memberships').set({ can_credit_findings: 1 }).where('user_id', 'in', users.map((u) => u.id)).execute()
}
