import type { StatisticsQuery } from '@/contract/statistics'
import type { OrganizationFigures } from '@/contract/statistics-figures'
import { getJson } from '@/lib/http'

/** GET /api/staff/statistics/figures: the roll-up figures of the caller's organization and those below it. */
export function getFigures(query: StatisticsQuery = {}) {
  return getJson<OrganizationFigures>('/staff/statistics/figures', { ...query })
}
