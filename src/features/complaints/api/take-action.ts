import type { ComplaintDetail } from '@/contract/complaint'
import type { ActionRequest, RequestAction } from '@/contract/complaint-actions'
import { postJson } from '@/lib/http'

/** POST /api/complaints/:id/actions/<action>: one workflow step; answers the complaint as it is afterwards. */
export function takeAction<A extends RequestAction>(id: string, action: A, body: ActionRequest<A>) {
  return postJson<ComplaintDetail>(`/complaints/${encodeURIComponent(id)}/actions/${action}`, body)
}
