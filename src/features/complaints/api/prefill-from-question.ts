import type { ComplaintPrefill } from '@/contract/lawyer-qa'
import { postJson } from '@/lib/http'

/** POST /api/qa/questions/:id/complaint-prefill: 一键投诉 from a lawyer's answer (the asker only). */
export function prefillFromQuestion(questionId: string) {
  return postJson<ComplaintPrefill>(`/qa/questions/${encodeURIComponent(questionId)}/complaint-prefill`)
}
