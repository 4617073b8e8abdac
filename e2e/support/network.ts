import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import type { ApiSession, TestServer } from './server'
import { CONSUMER } from './routes'

/** Demo staff of the demo network (printed by `npm start`). */
export const PROVINCE_STAFF = '13800000011'
export const CITY_STAFF = '13800000012'
export const XIHU_STAFF = '13800000013'
export const SHANGCHENG_STAFF = '13800000014'

/** Files, through the API, a complaint against a business in 杭州市西湖区, which routes it to 西湖区's association. */
export async function fileInXihu(server: TestServer, consumer: ApiSession, business = '西湖边示例茶庄'): Promise<{ id: string; number: string }> {
  const response = await fetch(`${server.baseUrl}/api/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${consumer.accessToken}`, 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      business: { name: business, address: '北山街 1 号', region: '浙江省/杭州市/西湖区' },
      industry: 'prepaid',
      incidentDate: new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10),
      amountFen: 268_000,
      description: '办了两千多元的茶艺课预付卡，上了两次课后茶庄关门，电话无人接听，要求退还余额。',
      demands: ['refund'],
      evidenceIds: [],
      contactPhone: CONSUMER,
      consentToShare: true,
    }),
  })
  assert.equal(response.status, 201, await response.clone().text())
  return (await response.json()) as { id: string; number: string }
}
