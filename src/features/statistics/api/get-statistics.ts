import type { StatisticsQuery, StatisticsResponse } from '@/contract/statistics'
import { getJson } from '@/lib/http'

/** GET /api/staff/statistics: the association's figures for a range of China dates (default: the last 12 months). */
export function getStatistics(query: StatisticsQuery = {}) {
  return getJson<StatisticsResponse>('/staff/statistics', { ...query })
}
