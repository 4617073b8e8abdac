import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { CONSUMER } from './routes'
import type { ApiSession, TestServer } from './server'

/** Demo staff of the demo network (printed by `npm start`). */
export const PROVINCE_STAFF = '13800000011'
export const CITY_STAFF = '13800000012'
export const XIHU_STAFF = '13800000013'
export const SHANGCHENG_STAFF = '13800000014'
/** 苏州市消保委, the 杭州 city association's partner in the demo alliance. */
export const SUZHOU_STAFF = '13800000017'

/** What a story's complaint is about; filed in 浙江省/杭州市/西湖区, so 西湖区 holds it. */
export interface XihuCase {
  business: { name: string; address: string }
  industry: string
  amountFen: number
  description: string
}

/** Files an association-path complaint about a business in 西湖区 as the demo consumer, through the API. */
export async function fileInXihu(server: TestServer, consumer: ApiSession, about: XihuCase): Promise<{ id: string; number: string }> {
  const response = await fetch(`${server.baseUrl}/api/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${consumer.accessToken}`, 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      business: { ...about.business, region: '浙江省/杭州市/西湖区' },
      industry: about.industry,
      incidentDate: new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10),
      amountFen: about.amountFen,
      description: about.description,
      demands: ['refund'],
      evidenceIds: [],
      contactPhone: CONSUMER,
      consentToShare: true,
    }),
  })
  assert.equal(response.status, 201, await response.clone().text())
  return (await response.json()) as { id: string; number: string }
}

/**
 * Takes the demo data's open cases (the demo group's five) out of the staff queue with 不予受理, so
 * a story that works the queue from its top finds only its own cases there.
 */
export async function clearDemoQueue(server: TestServer, staff: ApiSession): Promise<void> {
  const { body } = await server.api('GET', '/staff/complaints', { token: staff.accessToken })
  for (const item of (body as { items: Array<{ id: string; status: string }> }).items) {
    if (item.status !== 'awaiting_review') continue
    const done = await server.api('POST', `/complaints/${item.id}/actions/reject`, { token: staff.accessToken, body: { ground: 'missing_facts' } })
    assert.equal(done.status, 200, JSON.stringify(done.body))
  }
}
