/**
 * Seam for the enterprise directory: names (and ids, credit codes) of registered businesses that
 * match what the consumer typed. The directory API does not exist yet, so this finds nothing; when
 * it does, fetch it here and the business step shows the suggestions without further changes.
 */
export interface BusinessSuggestion {
  enterpriseId: string
  name: string
  creditCode: string | null
  address: string | null
}

export async function suggestBusinesses(_query: string): Promise<BusinessSuggestion[]> {
  return []
}
