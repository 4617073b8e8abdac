import { randomUUID } from 'node:crypto'
import type { CreateComplaintRequest } from '../../../../src/contract/complaint'
import { chinaToday } from '../../../../src/contract/complaint-rules'
import { bearer, type TestApp } from './test-app'

// Each helper-made complaint is another dispute (its own amount), so filing several in a row makes
// several cases rather than merging them as repeats of the first (repeat-complaints.ts). Counted
// per app, so a test file sees the same amounts however many files share its process.
const filed = new WeakMap<TestApp, number>()

/** A complaint that passes every rule; override what a test is about. */
export function validComplaint(t: TestApp, overrides: Partial<CreateComplaintRequest> = {}): CreateComplaintRequest {
  const count = filed.get(t) ?? 0
  filed.set(t, count + 1)
  const amountFen = 399_900 + count
  return {
    business: { name: '快乐健身有限公司', address: '朝阳区建国路 88 号', region: '北京市/朝阳区' },
    industry: 'prepaid',
    incidentDate: chinaToday(t.ctx.now()),
    amountFen,
    description: '办了年卡才三个月，健身房突然关门，老板电话打不通，会员卡余额无法退还。',
    demands: ['refund'],
    evidenceIds: [],
    contactPhone: '13800000001',
    consentToShare: true,
    ...overrides,
  }
}

export function postComplaint(t: TestApp, token: string, body: unknown, key: string | null = randomUUID()) {
  return t.app.inject({
    method: 'POST',
    url: '/api/complaints',
    headers: { ...bearer(token), ...(key === null ? {} : { 'idempotency-key': key }) },
    payload: body as object,
  })
}

/** Files a valid complaint and returns its detail; throws when the server refuses. */
export async function fileComplaint(t: TestApp, token: string, overrides: Partial<CreateComplaintRequest> = {}) {
  const response = await postComplaint(t, token, validComplaint(t, overrides))
  if (response.statusCode !== 201) throw new Error(`complaint refused: ${response.statusCode} ${response.body}`)
  return response.json() as { id: string; number: string; status: string }
}

export async function countRows(t: TestApp, table: 'complaints' | 'complaint_events' | 'complaint_counters') {
  const row = await t.ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function attachedEvidenceCount(t: TestApp) {
  const row = await t.ctx.db
    .selectFrom('evidence')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('complaint_id', 'is not', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * For tests that file many complaints about one business to test something else: no group
 * complaint (群体性投诉) forms, so no 重点督办 notifications join the ones under test.
 */
export async function withoutGroupComplaints(t: TestApp) {
  await t.ctx.db.updateTable('organizations').set({ group_threshold: 1000, group_window_days: 1 }).execute()
}
