import type { EnterpriseSearchResponse } from '@/contract/enterprise'
import type { Industry } from '@/contract/complaint-rules'
import { regionText } from '@/contract/enterprise-rules'
import { getJson } from '@/lib/http'

/** A business from the enterprise directory that matches what the consumer typed. */
export interface BusinessSuggestion {
  enterpriseId: string
  name: string
  creditCode: string | null
  address: string | null
  /** 广东省/深圳市/南山区, municipalities once: 北京市/朝阳区 */
  region: string
  /** Short place for the list row: 深圳市南山区 */
  place: string
  industry: Industry
  odr: boolean
}

const SUGGESTION_COUNT = 6

/** GET /api/enterprises?q= (public): the first few matches, green-channel members first. */
export async function suggestBusinesses(query: string): Promise<BusinessSuggestion[]> {
  const found = await getJson<EnterpriseSearchResponse>('/enterprises', { q: query })
  return found.items.slice(0, SUGGESTION_COUNT).map((e) => ({
    enterpriseId: e.id,
    name: e.name,
    creditCode: e.creditCode,
    address: e.address,
    region: regionText(e),
    place: regionText({ province: null, city: e.city, district: e.district }).replace('/', ''),
    industry: e.industry,
    odr: e.odr,
  }))
}
