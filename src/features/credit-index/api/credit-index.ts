import type { CreditIndex, RankingQuery, RankingResponse } from '@/contract/credit-index'
import { apiOrigin } from '@/lib/api-base'
import { getJson } from '@/lib/http'

/** GET /api/credit/enterprises/:id (public): an enterprise's index and its places on last month's boards. */
export function getCreditIndex(enterpriseId: string): Promise<CreditIndex> {
  return getJson<CreditIndex>(`/credit/enterprises/${encodeURIComponent(enterpriseId)}`)
}

/** GET /api/credit/rankings (public): one month's 红榜 and 黑榜 for all or one industry / city. */
export function getRanking(query: RankingQuery): Promise<RankingResponse> {
  const params: Record<string, string> = {}
  if (query.month) params.month = query.month
  if (query.industry) params.industry = query.industry
  if (query.region) params.region = query.region
  return getJson<RankingResponse>('/credit/rankings', params)
}

/** The public export of a month's inputs (JSON), for anyone to recompute the boards. */
export function rankingExportUrl(month: string): string {
  return `${apiOrigin()}/api/credit/rankings/${month}/inputs`
}
