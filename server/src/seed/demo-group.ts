import { chinaToday } from '../../../src/contract/complaint-rules'
import type { AppContext } from '../context'
import { submitComplaint } from '../modules/complaints/complaint-submission.service'
import { findComplaintByIdempotencyKey } from '../modules/complaints/complaints.repository'
import { findEnterpriseByName } from '../modules/users/enterprise.repository'
import { findUserByPhone, insertUser } from '../modules/users/user.repository'

/** The demo group complaint: five neighbours about one tea shop in 西湖区 (fictional people and shop). */
export const DEMO_GROUP_BUSINESS = '西湖畔茶食品有限公司'
const NEIGHBOURS = ['钱阿婆', '冯大伯', '褚阿姨', '卫大叔', '蒋奶奶'] as const
const STORIES = [
  '在店里买的桂花糕回家打开发霉了，生产日期是上个月，店员不给退。',
  '茶叶礼盒说是明前龙井，拆开是陈茶碎末，和宣传不符，要求退款被拒绝。',
  '办了储值卡充了一千元，现在店里说卡作废了，余额不能用也不能退。',
  '买的藕粉里有虫子，拍了照片，商家说是我自己放坏的，不肯处理。',
  '促销时说买二送一，结账时按原价收钱，小票上没有优惠，要求退差价。',
]

/**
 * Five complaints about one business filed through the real filing service, so they form a group that
 * 西湖区 supervises and 杭州市 sees in its 重点督办 list. Idempotent: fixed keys answer the same
 * complaint again, and an existing group is not formed twice.
 */
export async function seedDemoGroup(ctx: AppContext): Promise<void> {
  const enterprise = await findEnterpriseByName(ctx.db, DEMO_GROUP_BUSINESS)
  if (!enterprise) return
  for (const [i, name] of NEIGHBOURS.entries()) {
    const phone = `138000000${41 + i}`
    const user = (await findUserByPhone(ctx.db, phone)) ?? (await insertUser(ctx.db, { phone, role: 'consumer', displayName: name }))
    const key = `00000000-0000-4000-8000-0000000000${41 + i}`
    // Filed on an earlier start (another day would be another request under the same key): leave it.
    if (await findComplaintByIdempotencyKey(ctx.db, user.id, key)) continue
    await submitComplaint(ctx, { id: user.id, role: 'consumer', enterpriseId: null, sessionId: 'seed' }, key, {
      business: { name: enterprise.name, enterpriseId: enterprise.id, address: enterprise.address ?? '', region: '浙江省/杭州市/西湖区' },
      industry: 'food',
      incidentDate: chinaToday(ctx.now()),
      amountFen: [8_800, 128_000, 100_000, 3_650, 5_900][i]!,
      description: STORIES[i]!,
      demands: ['refund'],
      evidenceIds: [],
      contactPhone: phone,
      consentToShare: true,
    })
  }
}
