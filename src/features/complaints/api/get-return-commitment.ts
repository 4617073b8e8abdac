import type { ReturnCommitment } from '@/contract/return-commitment'
import { getJson } from '@/lib/http'

/** GET /api/return-commitments/:id (public): the store a 一键投诉 is about. */
export const getReturnCommitment = (id: string) => getJson<ReturnCommitment>(`/return-commitments/${encodeURIComponent(id)}`)
