import type { ComplaintStatus } from '../../../../src/contract/complaint-status'
import type { EnterpriseFigures } from '../../../../src/contract/enterprise'
import { FIGURE_DEFINITIONS, FIGURES_MIN_COMPLAINTS, FIGURES_NOT_ENOUGH_NOTE } from '../../../../src/contract/enterprise-rules'
import type { Db } from '../../db/database'
import { enterprisePerformanceQuery } from '../performance/performance.repository'

/** Ended by the business and the consumer agreeing, directly or through mediation. */
const SETTLED: ReadonlySet<ComplaintStatus> = new Set(['resolved', 'mediated'])
/** Ended with an outcome; withdrawn complaints ended without one and are left out of the rate. */
const ENDED: ReadonlySet<ComplaintStatus> = new Set(['resolved', 'mediated', 'mediation_failed', 'rejected', 'closed'])

const HOUR_MS = 3600_000

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits

/** An enterprise's complaints counted per status, with their valid ratings: its rows of enterprise_figure_rollups. */
export function countsByStatusQuery(db: Db, enterpriseId: string) {
  return db.selectFrom('enterprise_figure_rollups').select(['status', 'n', 'rated', 'rating_sum']).where('enterprise_id', '=', enterpriseId)
}

/** Rows of response times read at a time while walking to the median. */
const RESPONSE_PAGE = 2000

/** An enterprise's first-response times after `afterMs`, shortest first, with how many took each: enterprise_response_rollups in key order. */
export function responseTimesPage(db: Db, enterpriseId: string, afterMs: number | null, limit: number) {
  let query = db.selectFrom('enterprise_response_rollups').select(['response_ms', 'n']).where('enterprise_id', '=', enterpriseId).where('n', '>', 0)
  if (afterMs !== null) query = query.where('response_ms', '>', afterMs)
  return query.orderBy('response_ms').limit(limit)
}

/** The median first response in hours: the middle one or two of the ordered times, walked to a page at a time. */
async function medianResponseHours(db: Db, enterpriseId: string): Promise<number | null> {
  const counted = await db
    .selectFrom('enterprise_response_rollups')
    .select((eb) => eb.fn.sum<number | string | null>('n').as('n'))
    .where('enterprise_id', '=', enterpriseId)
    .executeTakeFirstOrThrow()
  const total = Number(counted.n ?? 0)
  const low = Math.floor((total - 1) / 2)
  const high = Math.floor(total / 2)
  let seen = 0
  let lowMs: number | null = null
  let after: number | null = null
  while (total) {
    const rows = await responseTimesPage(db, enterpriseId, after, RESPONSE_PAGE).execute()
    for (const row of rows) {
      const ms = Number(row.response_ms)
      seen += Number(row.n)
      if (lowMs === null && seen > low) lowMs = ms
      if (seen > high) return (lowMs! + ms) / 2 / HOUR_MS
    }
    if (rows.length < RESPONSE_PAGE) break
    after = Number(rows.at(-1)!.response_ms)
  }
  return null
}

/**
 * The public figures of one enterprise, counted in SQL from its complaints. Below
 * FIGURES_MIN_COMPLAINTS they are withheld (null) with a note: two complaints make a 0% or 100%
 * settlement rate that means nothing.
 */
export async function enterpriseFigures(db: Db, enterpriseId: string): Promise<EnterpriseFigures> {
  const rows = await countsByStatusQuery(db, enterpriseId).execute()
  let received = 0
  let ended = 0
  let settled = 0
  let ratingCount = 0
  let ratingSum = 0
  for (const row of rows) {
    const n = Number(row.n)
    received += n
    if (ENDED.has(row.status)) ended += n
    if (SETTLED.has(row.status)) settled += n
    ratingCount += Number(row.rated)
    ratingSum += Number(row.rating_sum)
  }
  const performance = await enterprisePerformanceQuery(db, enterpriseId).execute()
  const countOf = (...states: string[]) => performance.filter((row) => states.includes(row.state)).reduce((sum, row) => sum + Number(row.n), 0)
  const enoughData = received >= FIGURES_MIN_COMPLAINTS
  const medianHours = enoughData ? await medianResponseHours(db, enterpriseId) : null
  return {
    complaintsReceived: received,
    enoughData,
    note: enoughData ? null : FIGURES_NOT_ENOUGH_NOTE,
    medianFirstResponseHours: medianHours !== null ? round(medianHours, 1) : null,
    settlementRate: enoughData && ended ? round(settled / ended, 3) : null,
    settledCount: settled,
    endedCount: ended,
    performedCount: countOf('performed'),
    unperformedCount: countOf('unperformed', 'closed_unperformed'),
    averageRating: enoughData && ratingCount ? round(ratingSum / ratingCount, 1) : null,
    ratingCount,
    definitions: { ...FIGURE_DEFINITIONS },
  }
}
