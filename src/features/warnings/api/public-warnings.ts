import type { WarningKind } from '@/contract/warning-kinds'
import type { Industry } from '@/contract/complaint-rules'
import { getJson } from '@/lib/http'
import type { WarningDetail, WarningListResponse, WarningSearchResponse, WarningSummary } from './warning-types'

export interface WarningListQuery {
  kind?: WarningKind
  industry?: Industry
  page?: number
  pageSize?: number
}

/** GET /api/warnings (public): published and due; urgent ones come in `pinned` on page 1. */
export function listWarnings(query: WarningListQuery): Promise<WarningListResponse> {
  return getJson<WarningListResponse>('/warnings', { ...query })
}

/** GET /api/warnings/search?q= (public): 2–40 characters, highlight segments per hit. */
export function searchWarnings(q: string, page = 1): Promise<WarningSearchResponse> {
  return getJson<WarningSearchResponse>('/warnings/search', { q, page })
}

/** GET /api/warnings/:id (public; drafts answer 404 WARNING_NOT_FOUND). */
export function getWarning(id: string): Promise<WarningDetail> {
  return getJson<WarningDetail>(`/warnings/${encodeURIComponent(id)}`)
}

/** GET /api/warnings/urgent (public): at most 3, newest first, for the 首页 banner. */
export async function urgentWarnings(): Promise<WarningSummary[]> {
  return (await getJson<{ items: WarningSummary[] }>('/warnings/urgent')).items
}
