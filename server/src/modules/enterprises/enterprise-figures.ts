import type { ComplaintStatus } from '../../../../src/contract/complaint-status'
import type { EnterpriseFigures } from '../../../../src/contract/enterprise'
import { FIGURE_DEFINITIONS, FIGURES_MIN_COMPLAINTS, FIGURES_NOT_ENOUGH_NOTE } from '../../../../src/contract/enterprise-rules'
import type { Db, Dialect } from '../../db/database'
import { elapsedMs } from '../../db/dialect-sql'

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

/** First-response times in milliseconds, shortest first; a response before the complaint does not count. */
export function responseTimesQuery(db: Db, dialect: Dialect, enterpriseId: string) {
  const elapsed = elapsedMs(dialect, 'created_at', 'first_response_at')
  return db
    .selectFrom('complaints')
    .select(elapsed.as('ms'))
    .where('enterprise_id', '=', enterpriseId)
    .where('first_response_at', 'is not', null)
    .where(elapsed, '>=', 0)
}

/** The median first response in hours: the middle one or two of the ordered times, read by OFFSET. */
async function medianResponseHours(db: Db, dialect: Dialect, enterpriseId: string): Promise<number | null> {
  const counted = await responseTimesQuery(db, dialect, enterpriseId)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow()
  const n = Number(counted.n)
  if (!n) return null
  const middle = await responseTimesQuery(db, dialect, enterpriseId)
    .orderBy('ms')
    .offset(n % 2 ? (n - 1) / 2 : n / 2 - 1)
    .limit(n % 2 ? 1 : 2)
    .execute()
  const hours = middle.map((row) => Number(row.ms) / HOUR_MS)
  return hours.length === 2 ? (hours[0]! + hours[1]!) / 2 : hours[0]!
}

/**
 * The public figures of one enterprise, counted in SQL from its complaints. Below
 * FIGURES_MIN_COMPLAINTS they are withheld (null) with a note: two complaints make a 0% or 100%
 * settlement rate that means nothing.
 */
export async function enterpriseFigures(db: Db, dialect: Dialect, enterpriseId: string): Promise<EnterpriseFigures> {
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
  const enoughData = received >= FIGURES_MIN_COMPLAINTS
  const medianHours = enoughData ? await medianResponseHours(db, dialect, enterpriseId) : null
  return {
    complaintsReceived: received,
    enoughData,
    note: enoughData ? null : FIGURES_NOT_ENOUGH_NOTE,
    medianFirstResponseHours: medianHours !== null ? round(medianHours, 1) : null,
    settlementRate: enoughData && ended ? round(settled / ended, 3) : null,
    settledCount: settled,
    endedCount: ended,
    averageRating: enoughData && ratingCount ? round(ratingSum / ratingCount, 1) : null,
    ratingCount,
    definitions: { ...FIGURE_DEFINITIONS },
  }
}
