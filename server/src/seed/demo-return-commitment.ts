import type { Db } from '../db/database'
import { organizationForComplaint } from '../modules/organizations/jurisdiction'
import { findEnterpriseByName } from '../modules/users/enterprise.repository'
import { findUserByPhone } from '../modules/users/user.repository'

/** One store of the demo supermarket that promised no-reason returns, with three months of returns honoured. */
export const DEMO_RETURN_STORE = {
  enterprise: '示例优选超市有限公司',
  liaisonPhone: '13800000003',
  storeName: '示例优选超市建国路店',
  storeAddress: '朝阳区建国路 88 号 B1 层',
  region: '北京市/朝阳区',
  latitude: 39.9087,
  longitude: 116.4605,
}

export async function seedDemoReturnCommitment(db: Db, now: Date): Promise<void> {
  const enterprise = await findEnterpriseByName(db, DEMO_RETURN_STORE.enterprise)
  const liaison = await findUserByPhone(db, DEMO_RETURN_STORE.liaisonPhone)
  if (!enterprise || !liaison) return
  const id = `demo-return-${enterprise.id}`
  if (await db.selectFrom('return_commitments').select('id').where('id', '=', id).executeTakeFirst()) return
  const organization = await organizationForComplaint(db, { businessRegion: DEMO_RETURN_STORE.region })
  const at = now.toISOString()
  const startsOn = new Date(now.getTime() - 120 * 86_400_000).toISOString().slice(0, 10)
  await db
    .insertInto('return_commitments')
    .values({
      id,
      enterprise_id: enterprise.id,
      store_name: DEMO_RETURN_STORE.storeName,
      store_address: DEMO_RETURN_STORE.storeAddress,
      region: DEMO_RETURN_STORE.region,
      latitude: DEMO_RETURN_STORE.latitude,
      longitude: DEMO_RETURN_STORE.longitude,
      organization_id: organization.id,
      organization_path: organization.path,
      days: 15,
      conditions: '商品完好、不影响二次销售，凭购物小票或电子支付记录',
      exclusions: JSON.stringify(['perishable', 'opened_food', 'prepaid_cards']),
      exclusion_note: '烟酒',
      starts_on: startsOn,
      status: 'active',
      signed_by: liaison.id,
      signed_at: at,
      revoked_at: null,
      revoked_by: null,
      revoked_reason: null,
      resign_on: null,
      store_key: `${enterprise.id}|${DEMO_RETURN_STORE.storeName}`,
    })
    .onConflict((oc) => oc.doNothing())
    .execute()
  const months = [1, 2, 3].map((back) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1))
    return d.toISOString().slice(0, 7)
  })
  for (const [index, month] of months.entries()) {
    await db
      .insertInto('return_commitment_months')
      .values({ commitment_id: id, month, returns_count: [42, 37, 51][index]!, amount_fen: [862_300, 731_050, 1_045_800][index]!, recorded_by: liaison.id, recorded_at: at })
      .onConflict((oc) => oc.doNothing())
      .execute()
  }
}
