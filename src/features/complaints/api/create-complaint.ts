import type { ComplaintDetail, CreateComplaintRequest } from '@/contract/complaint'
import { IDEMPOTENCY_HEADER } from '@/contract/complaint-rules'
import { getJson, postJson } from '@/lib/http'

/**
 * POST /api/complaints with the draft's Idempotency-Key: sending the same draft again (after a lost
 * answer) returns the complaint filed the first time instead of filing a second one.
 */
export async function createComplaint(body: CreateComplaintRequest, idempotencyKey: string): Promise<ComplaintDetail> {
  const created = await postJson<Partial<ComplaintDetail> & { id: string }>('/complaints', body, { [IDEMPOTENCY_HEADER]: idempotencyKey })
  // The detail carries the number, the next step and the photos' hashes for the receipt.
  return Array.isArray(created.events) && Array.isArray(created.evidence) ? (created as ComplaintDetail) : getJson<ComplaintDetail>(`/complaints/${encodeURIComponent(created.id)}`)
}
