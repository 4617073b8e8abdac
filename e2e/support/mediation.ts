import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { CONSUMER } from './routes'
import type { ApiSession, TestServer } from './server'

/** What a mediation story's case is about (against the demo enterprise, association path). */
export interface MediationCase {
  amountFen: number
  description: string
  daysAgo: number
}

/** Files, through the API, an association-path case naming the liaison's enterprise; staff accept it and start mediation. */
export async function fileCaseInMediation(server: TestServer, people: { consumer: ApiSession; liaison: ApiSession; staff: ApiSession }, about: MediationCase): Promise<{ id: string }> {
  const enterprise = people.liaison.user.enterprise!
  const created = await fetch(`${server.baseUrl}/api/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${people.consumer.accessToken}`, 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      business: { name: enterprise.name, enterpriseId: enterprise.id },
      industry: 'food',
      incidentDate: new Date(Date.now() - about.daysAgo * 86_400_000).toISOString().slice(0, 10),
      amountFen: about.amountFen,
      description: about.description,
      demands: ['refund'],
      evidenceIds: [],
      contactPhone: CONSUMER,
      consentToShare: true,
      path: 'association',
    }),
  })
  const complaint = (await created.json()) as { id: string }
  assert.equal(created.status, 201, JSON.stringify(complaint))
  for (const action of ['accept', 'start_mediation']) {
    const done = await server.api('POST', `/complaints/${complaint.id}/actions/${action}`, { token: people.staff.accessToken, body: {} })
    assert.equal(done.status, 200, JSON.stringify(done.body))
  }
  return complaint
}
