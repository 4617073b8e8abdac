import type { ComplaintStatus } from '../../../../src/contract/complaint-status'
import type { EnterpriseFigures } from '../../../../src/contract/enterprise'
import { isStarRating } from '../../../../src/contract/complaint-workflow'
import { FIGURE_DEFINITIONS, FIGURES_MIN_COMPLAINTS, FIGURES_NOT_ENOUGH_NOTE } from '../../../../src/contract/enterprise-rules'

export interface ComplaintFact {
  status: ComplaintStatus
  created_at: string
  first_response_at: string | null
  rating: number | null
}

/** Ended by the business and the consumer agreeing, directly or through mediation. */
const SETTLED: ReadonlySet<ComplaintStatus> = new Set(['resolved', 'mediated'])
/** Ended with an outcome; withdrawn complaints ended without one and are left out of the rate. */
const ENDED: ReadonlySet<ComplaintStatus> = new Set(['resolved', 'mediated', 'mediation_failed', 'rejected', 'closed'])

const HOUR_MS = 3600_000

function median(values: number[]): number | null {
  if (!values.length) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const upper = sorted[middle]!
  return sorted.length % 2 ? upper : (sorted[middle - 1]! + upper) / 2
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits

/**
 * The public figures of one enterprise, from its complaints. Below FIGURES_MIN_COMPLAINTS they are
 * withheld (null) with a note: two complaints make a 0% or 100% settlement rate that means nothing.
 */
export function computeFigures(facts: readonly ComplaintFact[]): EnterpriseFigures {
  const responseHours = facts
    .filter((f) => f.first_response_at)
    .map((f) => (Date.parse(f.first_response_at!) - Date.parse(f.created_at)) / HOUR_MS)
    .filter((h) => Number.isFinite(h) && h >= 0)
  const ended = facts.filter((f) => ENDED.has(f.status))
  const settled = ended.filter((f) => SETTLED.has(f.status))
  // A rating outside 1–5 (stored before the database checked it) is left out rather than skewing the average.
  const ratings = facts.map((f) => f.rating).filter(isStarRating)
  const enoughData = facts.length >= FIGURES_MIN_COMPLAINTS
  const medianHours = median(responseHours)
  return {
    complaintsReceived: facts.length,
    enoughData,
    note: enoughData ? null : FIGURES_NOT_ENOUGH_NOTE,
    medianFirstResponseHours: enoughData && medianHours !== null ? round(medianHours, 1) : null,
    settlementRate: enoughData && ended.length ? round(settled.length / ended.length, 3) : null,
    settledCount: settled.length,
    endedCount: ended.length,
    averageRating: enoughData && ratings.length ? round(ratings.reduce((a, b) => a + b, 0) / ratings.length, 1) : null,
    ratingCount: ratings.length,
    definitions: { ...FIGURE_DEFINITIONS },
  }
}
