import type { Db } from '../db/database'
import { findUserByPhone } from '../modules/users/user.repository'
import { findEnterpriseByName } from '../modules/users/enterprise.repository'
import { DEMO_GROUP_BUSINESS } from './demo-group'
import { DEMO_ALLIANCE } from './organizations'

/** What 苏州 (钱主任) shares with 杭州 in the demo alliance: the tea shop of the demo group (fictional). */
export const DEMO_FINDING = {
  publisherPhone: '13800000017',
  organization: '苏州市消费者权益保护委员会',
  pattern: '该企业在苏州的门店推销储值卡后停用旧卡，余额既不能用也不退；门店称“总部统一处理”。近一个月苏州收到同类投诉 7 件。',
  complaintCount: 7,
  amountFen: 690_000,
} as const

/** Idempotent: the finding is one row by (alliance, organization, business, pattern). */
export async function seedDemoFinding(db: Db, now: Date): Promise<void> {
  const enterprise = await findEnterpriseByName(db, DEMO_GROUP_BUSINESS)
  const alliance = await db.selectFrom('alliances').select('id').where('name', '=', DEMO_ALLIANCE.name).executeTakeFirst()
  const organization = await db.selectFrom('organizations').select('id').where('name', '=', DEMO_FINDING.organization).executeTakeFirst()
  const author = await findUserByPhone(db, DEMO_FINDING.publisherPhone)
  if (!enterprise || !alliance || !organization || !author) return
  const region = [enterprise.province, enterprise.city, enterprise.district].filter(Boolean).join('/')
  await db
    .insertInto('alliance_findings')
    .values({
      id: `demo-finding-${alliance.id}`,
      alliance_id: alliance.id,
      organization_id: organization.id,
      author_id: author.id,
      business_key: `e:${enterprise.id}`,
      business_name: enterprise.name,
      enterprise_id: enterprise.id,
      region: region || null,
      pattern: DEMO_FINDING.pattern,
      group_id: null,
      warning_id: null,
      complaint_count: DEMO_FINDING.complaintCount,
      amount_fen: DEMO_FINDING.amountFen,
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.doNothing())
    .execute()
}
