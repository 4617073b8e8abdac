import { chinaMidnight, DAY_MS } from '../../china-time'
import { chinaToday, INDUSTRY_LABELS, type Industry } from '../../../../src/contract/complaint-rules'
import { isOpen, type ComplaintStatus } from '../../../../src/contract/complaint-status'
import { STATISTICS_DEFINITIONS, type EnterpriseCount, type StatisticsQuery, type StatisticsResponse } from '../../../../src/contract/statistics'
import type { AppContext } from '../../context'
import { badRequest } from '../../errors'
import type { Dialect } from '../../db/database'
import { letOthersIn } from '../../db/loop-turn'
import { businessCountsIn, complaintCountsIn, countOverdueByKind, enterpriseNames, type PathRange, type RollupSpan } from './statistics.repository'
import { subtreeEnd, type StaffScope } from '../organizations/organization-scope'

const TOP_ENTERPRISES = 10
/** A statistics range longer than this is refused. */
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
export function monthsBetween(from: string, to: string): string[] {
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

/** Ended by the association; a referral (已引导) ended too, but is counted on its own. */
export const isClosed = (status: ComplaintStatus) => !isOpen(status) && status !== 'referred'

const monthAfter = (month: string) => {
  const [year, m] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(year, m, 1)).toISOString().slice(0, 7)
}
const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00.000Z`) - DAY_MS).toISOString().slice(0, 10)

/**
 * The range as rollup spans: the whole months inside it from the month rows, the days before the
 * first and after the last whole month from the day rows. A year is 12 month rows per key plus at
 * most two partial months of days, however many complaints there are.
 */
export function rollupSpans(range: Pick<StatisticsRange, 'from' | 'to'>): RollupSpan[] {
  const firstWhole = range.from.endsWith('-01') ? range.from.slice(0, 7) : monthAfter(range.from.slice(0, 7))
  const lastWhole = dayBefore(`${monthAfter(range.to.slice(0, 7))}-01`) === range.to ? range.to.slice(0, 7) : dayBefore(`${range.to.slice(0, 7)}-01`).slice(0, 7)
  if (firstWhole > lastWhole) return [{ grain: 'day', from: range.from, to: range.to }]
  const spans: RollupSpan[] = []
  if (range.from < `${firstWhole}-01`) spans.push({ grain: 'day', from: range.from, to: dayBefore(`${firstWhole}-01`) })
  spans.push({ grain: 'month', from: firstWhole, to: lastWhole })
  const afterWhole = `${monthAfter(lastWhole)}-01`
  if (afterWhole <= range.to) spans.push({ grain: 'day', from: afterWhole, to: range.to })
  return spans
}

/** One query per slice, one at a time, with a turn of the event loop after each on SQLite. */
export async function perSlice<S, R>(dialect: Dialect, slices: readonly S[], run: (slice: S) => Promise<R>): Promise<R[]> {
  const results: R[] = []
  for (const slice of slices) {
    results.push(await run(slice))
    await letOthersIn(dialect)
  }
  return results
}

const byCountThenName = <T extends { name: string; count: number }>(a: T, b: T) => b.count - a.count || a.name.localeCompare(b.name, 'zh')

/** The most complained-about businesses; ties at the cut are ordered by name as people read it. */
async function topEnterprises(ctx: AppContext, spans: readonly RollupSpan[], subtree: PathRange | null): Promise<EnterpriseCount[]> {
  const perSpan = await perSlice(ctx.dialect, spans, (span) => businessCountsIn(ctx.db, span, subtree).execute())
  const counts = new Map<string, { enterpriseId: string | null; unlistedName: string | null; count: number }>()
  for (const row of perSpan.flat()) {
    const enterpriseId = row.enterprise_id || null
    const key = enterpriseId ?? `name:${row.unlisted_name}`
    const entry = counts.get(key) ?? { enterpriseId, unlistedName: enterpriseId ? null : row.unlisted_name, count: 0 }
    entry.count += Number(row.n)
    counts.set(key, entry)
  }
  for (const [key, entry] of counts) if (entry.count <= 0) counts.delete(key)
  const byCount = [...counts.values()].sort((a, b) => b.count - a.count)
  const cut = byCount[TOP_ENTERPRISES - 1]?.count ?? 0
  const candidates = byCount.filter((entry) => entry.count >= cut)
  const ids = candidates.flatMap((entry) => (entry.enterpriseId ? [entry.enterpriseId] : []))
  const names = new Map((await enterpriseNames(ctx.db, ids)).map((row) => [row.id, row.name]))
  return candidates
    .map((entry) => ({
      enterpriseId: entry.enterpriseId,
      name: (entry.enterpriseId ? names.get(entry.enterpriseId) : entry.unlistedName) ?? entry.unlistedName ?? '',
      count: entry.count,
    }))
    .sort(byCountThenName)
    .slice(0, TOP_ENTERPRISES)
}

/** The organization's subtree as a range of paths; null for the top, which counts the whole network (complaints without an organization included). */
export function subtreeOf(scope: StaffScope | null): PathRange | null {
  if (!scope || scope.organization.parent_id === null) return null
  return { from: scope.organization.path, to: subtreeEnd(scope.organization.path) }
}

/** Added up from the rollups (by China day or month, status, path and industry) that the database keeps current. */
export async function summarize(ctx: AppContext, range: StatisticsRange, subtree: PathRange | null = null): Promise<Omit<StatisticsResponse, 'overdue' | 'scope'>> {
  const spans = rollupSpans(range)
  const perSpanRows = await perSlice(ctx.dialect, spans, (span) => complaintCountsIn(ctx.db, span, subtree).execute())
  const industries = new Map<Industry, { received: number; closed: number; referred: number }>()
  const months = new Map(monthsBetween(range.from, range.to).map((month) => [month, { received: 0, closed: 0, referred: 0 }]))
  const paths = { odr: 0, association: 0 }
  let received = 0
  let closed = 0
  let referred = 0
  let recoveredFen = 0

  for (const row of perSpanRows.flat()) {
    const n = Number(row.n)
    const done = isClosed(row.status)
    const month = months.get(row.period.slice(0, 7))
    received += n
    if (month) month.received += n
    const sent = row.status === 'referred'
    if (done) {
      closed += n
      if (month) month.closed += n
    }
    if (sent) {
      referred += n
      if (month) month.referred += n
    }
    if (RECOVERING.has(row.status)) recoveredFen += Number(row.recovered_fen)
    paths[row.path] += n
    const industry = industries.get(row.industry) ?? { received: 0, closed: 0, referred: 0 }
    industry.received += n
    if (done) industry.closed += n
    if (sent) industry.referred += n
    industries.set(row.industry, industry)
  }

  return {
    from: range.from,
    to: range.to,
    received,
    closed,
    referred,
    closeRate: received > referred ? Math.round((closed / (received - referred)) * 1000) / 1000 : null,
    recoveredFen,
    byIndustry: [...industries]
      .map(([industry, counts]) => ({ industry, label: INDUSTRY_LABELS[industry] ?? industry, ...counts }))
      .sort((a, b) => b.received - a.received || a.industry.localeCompare(b.industry)),
    byMonth: [...months].map(([month, counts]) => ({ month, ...counts })),
    topEnterprises: await topEnterprises(ctx, spans, subtree),
    paths,
    definitions: { ...STATISTICS_DEFINITIONS },
  }
}

/** The figures of the caller's organization and every organization below it; the top organization's are the whole network's. */
export async function complaintStatistics(ctx: AppContext, query: StatisticsQuery, scope: StaffScope): Promise<StatisticsResponse> {
  const range = resolveRange(query, ctx.now())
  const subtree = subtreeOf(scope)
  const summary = await summarize(ctx, range, subtree)
  const overdueRows = await countOverdueByKind(ctx.db, ctx.now().toISOString(), subtree)
  const overdueOf = (kind: string) => overdueRows.filter((row) => row.dueKind === kind).reduce((sum, row) => sum + row.count, 0)
  return {
    ...summary,
    scope: { organizationName: scope.organization.name, includesBelow: !scope.leaf },
    overdue: {
      total: overdueRows.reduce((sum, row) => sum + row.count, 0),
      enterpriseResponse: overdueOf('enterprise_response'),
      review: overdueOf('review'),
      mediation: overdueOf('mediation'),
    },
  }
}
