import { randomUUID } from 'node:crypto'
import type { Insertable } from 'kysely'
import type { ComplaintStatus } from '../../../../src/contract/complaint-status'
import { findUserByPhone, insertUser } from '../../modules/users/user.repository'
import type { ComplaintTable } from '../../db/schema'
import type { TestApp } from './test-app'

export interface ComplaintFacts {
  status: ComplaintStatus
  createdAt: string
  firstResponseAt?: string | null
  rating?: number | null
  /** Any other columns, written over the defaults. */
  columns?: Partial<Insertable<ComplaintTable>>
}

/** A complaint row about this enterprise, written straight to the table (the workflow is not what is tested). */
export async function insertComplaintAbout(t: TestApp, enterpriseId: string | null, facts: ComplaintFacts) {
  const consumer =
    (await findUserByPhone(t.ctx.db, '13700000009')) ?? (await insertUser(t.ctx.db, { phone: '13700000009', role: 'consumer', displayName: '测试消费者' }))
  const id = randomUUID()
  await t.ctx.db
    .insertInto('complaints')
    .values({
      id,
      number: `WQ${id.replace(/-/g, '').slice(0, 14)}`,
      consumer_id: consumer.id,
      status: facts.status,
      path: 'odr',
      enterprise_id: enterpriseId,
      business_name: '测试企业',
      business_address: null,
      business_region: null,
      business_credit_code: null,
      industry: 'food',
      incident_date: facts.createdAt.slice(0, 10),
      amount_fen: 1000,
      demands: '["refund"]',
      demand_detail: null,
      description: '测试用的投诉内容，足够二十个字以满足规则要求。',
      contact_phone: '13700000009',
      consent_at: facts.createdAt,
      idempotency_key: randomUUID(),
      request_hash: 'x',
      created_at: facts.createdAt,
      updated_at: facts.createdAt,
      closed_at: null,
      due_at: null,
      due_kind: null,
      overdue_at: null,
      assigned_staff_id: null,
      accepted_at: null,
      first_response_at: facts.firstResponseAt ?? null,
      proposal_text: null,
      proposal_amount_fen: null,
      proposal_promised_date: null,
      rejection_ground: null,
      outcome: null,
      recovered_amount_fen: null,
      rating: facts.rating ?? null,
      rating_comment: null,
      rated_at: null,
      ...facts.columns,
    })
    .execute()
  return id
}
