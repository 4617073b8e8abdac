import { randomUUID } from 'node:crypto'
import type { ComplaintStatus } from '../../../src/contract/complaint-status'
import { previousMonth } from '../../../src/contract/credit-ranking'
import { chinaDate, chinaMidnight } from '../china-time'
import type { Db } from '../db/database'
import { insertComplaintEvent } from '../modules/complaints/complaint-events.repository'
import { findEnterpriseByName } from '../modules/users/enterprise.repository'
import { findUserByPhone, insertUser } from '../modules/users/user.repository'

/** A consumer of its own (not a login), so that no demo login's list gains these cases. */
const DEMO_RANKING_CONSUMER = '13800000097'

/** name, then per case: [answered, settled, escalated]; all filed last month, ended (no demo queue grows). */
type Case = readonly [answered: boolean, settled: boolean, escalated?: boolean]
const YES: Case = [true, true]
const ANSWERED: Case = [true, false]
const IGNORED: Case = [false, false, true]
const LAST_MONTH: ReadonlyArray<readonly [string, readonly Case[]]> = [
  ['羊城鲜果连锁有限公司', [YES, YES, YES, YES, YES]],
  ['鹏城数码家电有限公司', [YES, YES, YES, YES, YES, YES, ANSWERED, ANSWERED]],
  ['申城云购电子商务有限公司', [YES, YES, YES, YES, ANSWERED, [false, false]]],
  ['西湖畔茶食品有限公司', [YES, YES, YES, ANSWERED, [false, false]]],
  ['粤康保健品贸易有限公司', [YES, ANSWERED, [false, false], [false, false], [false, false]]],
  ['深蓝速运网络科技有限公司', [YES, ANSWERED, ANSWERED, IGNORED, IGNORED, [false, false], [false, false]]],
]
/** Earlier months, so the enterprise page's chart and trend have something to show. */
const EARLIER: ReadonlyArray<readonly [string, number, number]> = [
  ['鹏城数码家电有限公司', 2, 3],
  ['鹏城数码家电有限公司', 4, 2],
  ['鹏城数码家电有限公司', 6, 4],
  ['深蓝速运网络科技有限公司', 3, 2],
]

/**
 * Complaints about a few directory enterprises in last month (and some before), so that a fresh
 * `npm start` shows a 红榜 and a 黑榜 and an enterprise index with a chart. Idempotent.
 */
export async function seedDemoRankings(db: Db, now: Date): Promise<void> {
  const consumer =
    (await findUserByPhone(db, DEMO_RANKING_CONSUMER)) ?? (await insertUser(db, { phone: DEMO_RANKING_CONSUMER, role: 'consumer', displayName: '示例消费者（排名演示）' }))
  if (await db.selectFrom('complaints').select('id').where('consumer_id', '=', consumer.id).limit(1).executeTakeFirst()) return
  const thisMonth = chinaDate(now).slice(0, 7)
  const monthsAgo = (n: number) => {
    let month = thisMonth
    for (let i = 0; i < n; i++) month = previousMonth(month)
    return month
  }
  let sequence = 0
  const file = async (enterpriseName: string, month: string, day: number, [answered, settled, escalated]: Case) => {
    const enterprise = await findEnterpriseByName(db, enterpriseName)
    if (!enterprise) return
    const created = new Date(chinaMidnight(`${month}-${String(day).padStart(2, '0')}`).getTime() + 10 * 3600_000)
    const at = created.toISOString()
    const later = (hours: number) => new Date(created.getTime() + hours * 3600_000).toISOString()
    const status: ComplaintStatus = settled ? 'resolved' : 'closed'
    const id = randomUUID()
    sequence += 1
    await db
      .insertInto('complaints')
      .values({
        id,
        // Sequence numbers from 800001: the day's counter, which starts at 1, does not reach them.
        number: `WQ${chinaDate(created).replace(/-/g, '')}${String(800_000 + sequence)}`,
        consumer_id: consumer.id,
        status,
        path: 'odr',
        enterprise_id: enterprise.id,
        business_name: enterprise.name,
        business_address: null,
        business_region: null,
        business_credit_code: null,
        industry: enterprise.industry,
        incident_date: chinaDate(created),
        amount_fen: 30_000,
        demands: '["refund"]',
        demand_detail: null,
        description: '排名演示用的投诉：已办结，用来展示月度红榜和黑榜。',
        contact_phone: DEMO_RANKING_CONSUMER,
        consent_at: at,
        idempotency_key: randomUUID(),
        request_hash: 'demo-rankings',
        created_at: at,
        updated_at: later(120),
        closed_at: later(120),
        due_at: null,
        due_kind: null,
        overdue_at: null,
        assigned_staff_id: null,
        accepted_at: null,
        first_response_at: answered ? later(6) : null,
        proposal_text: settled ? '全额退款' : null,
        proposal_amount_fen: settled ? 30_000 : null,
        proposal_promised_date: null,
        rejection_ground: null,
        outcome: settled ? '演示' : null,
        recovered_amount_fen: settled ? 30_000 : null,
        rating: settled ? 5 : null,
        rating_comment: null,
        rated_at: null,
      })
      .execute()
    if (escalated) {
      await insertComplaintEvent(db, {
        id: randomUUID(),
        complaint_id: id,
        type: 'escalate',
        actor_id: null,
        actor_role: 'system',
        note: null,
        from_status: 'enterprise_handling',
        to_status: 'awaiting_review',
        created_at: later(24 * 8),
        data: null,
      })
    }
  }
  const last = monthsAgo(1)
  for (const [name, cases] of LAST_MONTH) for (const [i, facts] of cases.entries()) await file(name, last, 3 + i, facts)
  for (const [name, ago, count] of EARLIER) for (let i = 0; i < count; i++) await file(name, monthsAgo(ago), 5 + i, YES)
}
