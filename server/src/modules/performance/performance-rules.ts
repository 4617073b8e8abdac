import type { PerformancePeriod, PerformanceRule } from '../../../../src/contract/rule-set'
import type { AppContext } from '../../context'
import type { Db } from '../../db/database'
import { addCalendarDays, rulesOfComplaint } from '../rules/rule-sets.service'
import { addWorkingDays, isWorkingDate } from '../workflow/working-days'

/**
 * The performance rules of a case: its own rule set's section, or, for a case filed under a version
 * from before the section existed, the newest version of the same rule set code that has one. Null
 * when neither says anything: then there is no follow-up to run.
 */
export async function performanceRulesOf(ctx: AppContext, db: Db, complaint: { rule_set_id: string | null; created_at: string }): Promise<PerformanceRule | null> {
  const rules = await rulesOfComplaint(ctx, db, complaint)
  if (rules.content.performance) return rules.content.performance
  const newer = await db.selectFrom('rule_sets').select('content').where('code', '=', rules.row.code).orderBy('version', 'desc').limit(5).execute()
  for (const row of newer) {
    const section = (JSON.parse(row.content) as { performance?: PerformanceRule }).performance
    if (section) return section
  }
  return null
}

/** The end of a period that starts at `from`, counted as its rule counts it. */
export function periodEnd(period: PerformancePeriod, from: Date): Date {
  return period.dayKind === 'working' ? addWorkingDays(from, period.days) : addCalendarDays(from, period.days)
}

/**
 * When the consumer is asked: 09:00 China time on the due date, or on the next working day when the
 * due date is a weekend or holiday (nobody is asked whether a bank transfer arrived on a holiday).
 */
export function askTime(dueDate: string): Date {
  let date = dueDate
  while (!isWorkingDate(date)) date = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
  return new Date(`${date}T09:00:00+08:00`)
}

/** The period's rule as a sentence with its days, for the consumer and the mediator. */
export function periodText(period: PerformancePeriod): string {
  return period.text.replace('{days}', String(period.days))
}
