import { chinaToday } from '../../../../src/contract/complaint-rules'
import type { Db } from '../../db/database'

/**
 * The next complaint number of the China day: WQ + yyyymmdd + 6-digit sequence, e.g. WQ20261123000001.
 * Call it inside the transaction that inserts the complaint: the counter row stays locked until
 * commit, and a rolled-back submission gives its number back, so numbers have no gaps.
 */
export async function nextComplaintNumber(trx: Db, now: Date): Promise<string> {
  const day = chinaToday(now)
  const row = await trx
    .insertInto('complaint_counters')
    .values({ day, last: 1 })
    .onConflict((oc) => oc.column('day').doUpdateSet((eb) => ({ last: eb('complaint_counters.last', '+', 1) })))
    .returning('last')
    .executeTakeFirstOrThrow()
  return formatComplaintNumber(day, Number(row.last))
}

export function formatComplaintNumber(day: string, sequence: number): string {
  return `WQ${day.replace(/-/g, '')}${String(sequence).padStart(6, '0')}`
}
