import type { ReferralDestination, ReferralDestinationListResponse } from '@/contract/referral'
import { getJson } from '@/lib/http'

let cached: Promise<ReferralDestination[]> | null = null

/** GET /api/referral-destinations (public): bodies other than the association; fetched once per app run. */
export function getReferralDestinations(): Promise<ReferralDestination[]> {
  cached ??= getJson<ReferralDestinationListResponse>('/referral-destinations').then(
    (response) => response.destinations,
    (error: unknown) => {
      cached = null
      throw error
    },
  )
  return cached
}
