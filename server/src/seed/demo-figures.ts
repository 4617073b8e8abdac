import { randomUUID } from 'node:crypto'
import type { Industry } from '../../../src/contract/complaint-rules'
import type { ComplaintStatus } from '../../../src/contract/complaint-status'
import type { Db } from '../db/database'
import { findOrganizationByName } from '../modules/organizations/organizations.repository'
import { findUserByPhone, insertUser } from '../modules/users/user.repository'

/** A consumer of its own, so that no demo login's list or queue gains these cases. */
const DEMO_FIGURES_CONSUMER = '13800000099'

interface DemoCase {
  county: string
  daysAgo: number
  status: ComplaintStatus
  industry: Industry
  business: string
  accepted?: true
  mediation?: 'succeeded' | 'failed'
  recoveredFen?: number
  proposalFen?: number
  late?: true
}

const XIHU = '杭州市西湖区消费者协会'
const SHANGCHENG = '杭州市上城区消费者协会'
const HAISHU = '宁波市海曙区消费者协会'
const JIANGBEI = '宁波市江北区消费者协会'

// Ended cases only: the open queues of the demo logins stay as they were.
const CASES: readonly DemoCase[] = [
  { county: XIHU, daysAgo: 95, status: 'closed', industry: 'appliances', business: '示例家电城', accepted: true, mediation: 'succeeded', recoveredFen: 260_000 },
  { county: XIHU, daysAgo: 64, status: 'closed', industry: 'prepaid', business: '示例健身会所', accepted: true, mediation: 'failed', late: true },
  { county: XIHU, daysAgo: 33, status: 'resolved', industry: 'food', business: '示例生鲜店', proposalFen: 12_800 },
  { county: XIHU, daysAgo: 9, status: 'closed', industry: 'prepaid', business: '示例健身会所', accepted: true, mediation: 'succeeded', recoveredFen: 180_000 },
  { county: SHANGCHENG, daysAgo: 80, status: 'rejected', industry: 'food', business: '示例生鲜店' },
  { county: SHANGCHENG, daysAgo: 41, status: 'closed', industry: 'appliances', business: '示例家电城', accepted: true, mediation: 'succeeded', recoveredFen: 99_900, late: true },
  { county: SHANGCHENG, daysAgo: 12, status: 'referred', industry: 'telecom', business: '示例通信营业厅' },
  { county: HAISHU, daysAgo: 70, status: 'closed', industry: 'prepaid', business: '示例教育培训', accepted: true, mediation: 'succeeded', recoveredFen: 450_000 },
  { county: HAISHU, daysAgo: 22, status: 'withdrawn', industry: 'food', business: '示例生鲜店' },
  { county: HAISHU, daysAgo: 5, status: 'closed', industry: 'prepaid', business: '示例教育培训', accepted: true, mediation: 'failed' },
  { county: JIANGBEI, daysAgo: 50, status: 'resolved', industry: 'appliances', business: '示例家电城', proposalFen: 35_000 },
  { county: JIANGBEI, daysAgo: 15, status: 'closed', industry: 'food', business: '示例生鲜店', accepted: true, mediation: 'succeeded', recoveredFen: 6_600 },
]

/**
 * Ended cases in the demo counties, so that 投诉统计 shows the roll-up figures of the network
 * (province → cities → counties) on a fresh start. Idempotent: nothing is added once the consumer has cases.
 */
export async function seedDemoFigures(db: Db, now: Date): Promise<void> {
  const consumer =
    (await findUserByPhone(db, DEMO_FIGURES_CONSUMER)) ?? (await insertUser(db, { phone: DEMO_FIGURES_CONSUMER, role: 'consumer', displayName: '示例消费者（统计演示）' }))
  if (await db.selectFrom('complaints').select('id').where('consumer_id', '=', consumer.id).limit(1).executeTakeFirst()) return
  for (const [i, c] of CASES.entries()) {
    const organization = await findOrganizationByName(db, c.county)
    if (!organization) continue
    const created = new Date(now.getTime() - c.daysAgo * 86_400_000)
    const at = created.toISOString()
    const closedAt = new Date(created.getTime() + 4 * 86_400_000).toISOString()
    const chinaDay = new Date(created.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '')
    await db
      .insertInto('complaints')
      .values({
        id: randomUUID(),
        // Sequence numbers from 900001: the day's counter, which starts at 1, does not reach them.
        number: `WQ${chinaDay}${String(900_001 + i)}`,
        consumer_id: consumer.id,
        status: c.status,
        path: c.proposalFen ? 'odr' : 'association',
        enterprise_id: null,
        business_name: c.business,
        business_address: null,
        business_region: null,
        business_credit_code: null,
        industry: c.industry,
        incident_date: at.slice(0, 10),
        amount_fen: (c.recoveredFen ?? c.proposalFen ?? 50_000) + 10_000,
        demands: '["refund"]',
        demand_detail: null,
        description: '统计演示用的投诉：已办结，用来展示各级消协的上报数字。',
        contact_phone: DEMO_FIGURES_CONSUMER,
        consent_at: at,
        idempotency_key: randomUUID(),
        request_hash: 'demo-figures',
        created_at: at,
        updated_at: closedAt,
        closed_at: closedAt,
        due_at: null,
        due_kind: null,
        overdue_at: null,
        assigned_staff_id: null,
        accepted_at: c.accepted ? at : null,
        first_response_at: null,
        proposal_text: c.proposalFen ? '退款' : null,
        proposal_amount_fen: c.proposalFen ?? null,
        proposal_promised_date: null,
        rejection_ground: null,
        outcome: c.mediation ? '演示' : null,
        recovered_amount_fen: c.recoveredFen ?? null,
        rating: null,
        rating_comment: null,
        rated_at: null,
        referred_to: c.status === 'referred' ? 'telecom_appeal' : null,
        organization_id: organization.id,
        organization_path: organization.path,
        mediation_result: c.mediation ?? null,
        late_at: c.late ? closedAt : null,
      })
      .execute()
  }
}
