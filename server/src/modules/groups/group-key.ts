import { normaliseName } from '../complaints/repeat-complaints'
import { regionCodeOf } from '../organizations/regions'

/**
 * Which business a complaint is about, for counting group complaints: the directory enterprise, else
 * the unified social credit code, else the name (normalised as for repeated complaints) within the
 * region the consumer picked. A bare name without a region is too loose to count.
 */
export function groupKeyOf(business: { enterpriseId: string | null; creditCode: string | null; name: string; region: string | null }): string | null {
  if (business.enterpriseId) return `e:${business.enterpriseId}`
  if (business.creditCode) return `c:${business.creditCode}`
  const name = normaliseName(business.name)
  const region = regionCodeOf(business.region) ?? business.region?.trim()
  return name && region ? `n:${region}|${name}` : null
}
