import { chinaMidnight, DAY_MS } from '../../china-time'
import { chinaToday, INDUSTRY_LABELS, type Industry } from '../../../../src/contract/complaint-rules'
import { isOpen, type ComplaintStatus } from '../../../../src/contract/complaint-status'
import { STATISTICS_DEFINITIONS, type EnterpriseCount, type StatisticsQuery, type StatisticsResponse } from '../../../../src/contract/statistics'
import type { AppContext } from '../../context'
import { badRequest } from '../../errors'
import { countOverdueByKind, listComplaintsCreatedBetween, type StatisticsRow } from './statistics.repository'

const TOP_ENTERPRISES = 10
/** A statistics range longer than this is refused: the figures are computed in memory. */
const MAX_RANGE_DAYS = 5 * 366
/** Outcomes whose recovered amount counts towards 挽回经济损失. */
const RECOVERING: ReadonlySet<ComplaintStatus> = new Set(['mediated', 'closed'])

export interface StatisticsRange {
  from: string
  to: string
  /** Start of `from` in China time, as UTC ISO. */
  fromIso: string
  /** Start of the day after `to` in China time, as UTC ISO (exclusive). */
  toIso: string
}

/** The China date of a UTC instant. */
export const chinaDate = (iso: string) => chinaToday(new Date(iso))

/** False for dates that match the pattern but do not exist, such as 2026-02-30. */
const isCalendarDate = (date: string) => new Date(`${date}T00:00:00.000Z`).toISOString().slice(0, 10) === date

const chinaMidnightIso = (date: string) => chinaMidnight(date).toISOString()

/** The requested range of China dates; by default the last 12 months (this month and the 11 before it). */
export function resolveRange(query: StatisticsQuery, now: Date): StatisticsRange {
  const today = chinaToday(now)
  const [year, month] = today.split('-').map(Number) as [number, number]
  const start = new Date(Date.UTC(year, month - 1 - 11, 1)).toISOString().slice(0, 10)
  const from = query.from ?? start
  const to = query.to ?? today
  if (!isCalendarDate(from) || !isCalendarDate(to)) throw badRequest('VALIDATION_FAILED', '日期不正确')
  const fromIso = chinaMidnightIso(from)
  const toIso = new Date(Date.parse(chinaMidnightIso(to)) + DAY_MS).toISOString()
  if (from > to) throw badRequest('VALIDATION_FAILED', '起始日期不能晚于截止日期')
  if (Date.parse(toIso) - Date.parse(fromIso) > MAX_RANGE_DAYS * DAY_MS) throw badRequest('VALIDATION_FAILED', '统计期间最长 5 年')
  return { from, to, fromIso, toIso }
}

/** Every month YYYY-MM from the month of `from` to the month of `to`. */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = []
  let [year, month] = from.split('-').map(Number) as [number, number]
  const last = to.slice(0, 7)
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`
    if (key > last) return months
    months.push(key)
    month += 1
    if (month > 12) {
      month = 1
      year += 1
    }
  }
}

export const isClosed = (status: ComplaintStatus) => !isOpen(status)

/**
 * Aggregated in JS rather than SQL: months are China-time months, which a substr on the UTC
 * timestamp cannot give on both databases, and a few years of one association's complaints fit
 * in memory easily (the range is capped at 5 years).
 */
export function summarize(rows: readonly StatisticsRow[], range: StatisticsRange): Omit<StatisticsResponse, 'overdue'> {
  const industries = new Map<Industry, { received: number; closed: number }>()
  const months = new Map(monthsBetween(range.from, range.to).map((month) => [month, { received: 0, closed: 0 }]))
  const enterprises = new Map<string, EnterpriseCount>()
  const paths = { odr: 0, association: 0 }
  let closed = 0
  let recoveredFen = 0

  for (const row of rows) {
    const done = isClosed(row.status)
    if (done) closed += 1
    if (RECOVERING.has(row.status) && row.recovered_amount_fen !== null) recoveredFen += Number(row.recovered_amount_fen)
    paths[row.path] += 1

    const industry = industries.get(row.industry) ?? { received: 0, closed: 0 }
    industry.received += 1
    if (done) industry.closed += 1
    industries.set(row.industry, industry)

    const month = months.get(chinaDate(row.created_at).slice(0, 7))
    if (month) {
      month.received += 1
      if (done) month.closed += 1
    }

    const key = row.enterprise_id ?? `name:${row.business_name}`
    const enterprise = enterprises.get(key) ?? { enterpriseId: row.enterprise_id, name: row.enterprise_name ?? row.business_name, count: 0 }
    enterprise.count += 1
    enterprises.set(key, enterprise)
  }

  const byCountThenName = <T extends { name: string; count: number }>(a: T, b: T) => b.count - a.count || a.name.localeCompare(b.name, 'zh')
  return {
    from: range.from,
    to: range.to,
    received: rows.length,
    closed,
    closeRate: rows.length ? Math.round((closed / rows.length) * 1000) / 1000 : null,
    recoveredFen,
    byIndustry: [...industries]
      .map(([industry, counts]) => ({ industry, label: INDUSTRY_LABELS[industry] ?? industry, ...counts }))
      .sort((a, b) => b.received - a.received || a.industry.localeCompare(b.industry)),
    byMonth: [...months].map(([month, counts]) => ({ month, ...counts })),
    topEnterprises: [...enterprises.values()].sort(byCountThenName).slice(0, TOP_ENTERPRISES),
    paths,
    definitions: { ...STATISTICS_DEFINITIONS },
  }
}

export async function complaintStatistics(ctx: AppContext, query: StatisticsQuery): Promise<StatisticsResponse> {
  const range = resolveRange(query, ctx.now())
  const rows = await listComplaintsCreatedBetween(ctx.db, range.fromIso, range.toIso)
  const overdueRows = await countOverdueByKind(ctx.db, ctx.now().toISOString())
  const overdueOf = (kind: string) => overdueRows.filter((row) => row.dueKind === kind).reduce((sum, row) => sum + row.count, 0)
  return {
    ...summarize(rows, range),
    overdue: {
      total: overdueRows.reduce((sum, row) => sum + row.count, 0),
      enterpriseResponse: overdueOf('enterprise_response'),
      review: overdueOf('review'),
      mediation: overdueOf('mediation'),
    },
  }
}
