// The figures as they were computed before 2026-12-03, in memory from every complaint: the reference
// the SQL-counted statistics, CSV and enterprise figures are compared with on the same data.
import { fenToYuan, INDUSTRY_LABELS, type Industry } from '../../../../src/contract/complaint-rules'
import { COMPLAINT_STATUS_LABELS, HANDLING_PATH_LABELS, isOpen, type ComplaintStatus, type HandlingPath } from '../../../../src/contract/complaint-status'
import type { EnterpriseFigures } from '../../../../src/contract/enterprise'
import { FIGURE_DEFINITIONS, FIGURES_MIN_COMPLAINTS, FIGURES_NOT_ENOUGH_NOTE } from '../../../../src/contract/enterprise-rules'
import { STATISTICS_CSV_COLUMNS, type EnterpriseCount, type StatisticsResponse } from '../../../../src/contract/statistics'
import { chinaDate as chinaDay } from '../../china-time'
import { csvCell } from '../../modules/statistics/statistics-csv'

export interface ReferenceRow {
  number: string
  status: ComplaintStatus
  path: HandlingPath
  industry: Industry
  enterprise_id: string | null
  enterprise_name: string | null
  business_name: string
  amount_fen: number | string
  recovered_amount_fen: number | string | null
  created_at: string
  closed_at: string | null
  rating: number | null
  first_response_at: string | null
  /** 已引导: the destination's name. */
  referred_to_name?: string | null
}

const chinaDate = (iso: string) => chinaDay(new Date(iso))
const RECOVERING: ReadonlySet<ComplaintStatus> = new Set(['mediated', 'closed'])

function monthsBetween(from: string, to: string): string[] {
  const months: string[] = []
  let [year, month] = from.split('-').map(Number) as [number, number]
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`
    if (key > to.slice(0, 7)) return months
    months.push(key)
    month += 1
    if (month > 12) {
      month = 1
      year += 1
    }
  }
}

/** `rows`: the complaints submitted in the range, oldest first. */
export function summarizeInMemory(rows: readonly ReferenceRow[], from: string, to: string) {
  const industries = new Map<Industry, { received: number; closed: number; referred: number }>()
  const months = new Map(monthsBetween(from, to).map((month) => [month, { received: 0, closed: 0, referred: 0 }]))
  const enterprises = new Map<string, EnterpriseCount>()
  const paths = { odr: 0, association: 0 }
  let closed = 0
  let referred = 0
  let recoveredFen = 0
  for (const row of rows) {
    // A referral (已引导) ends the case but is counted on its own, not as closed (issue #16).
    const sent = row.status === 'referred'
    const done = !isOpen(row.status) && !sent
    if (done) closed += 1
    if (sent) referred += 1
    if (RECOVERING.has(row.status) && row.recovered_amount_fen !== null) recoveredFen += Number(row.recovered_amount_fen)
    paths[row.path] += 1
    const industry = industries.get(row.industry) ?? { received: 0, closed: 0, referred: 0 }
    industry.received += 1
    if (done) industry.closed += 1
    if (sent) industry.referred += 1
    industries.set(row.industry, industry)
    const month = months.get(chinaDate(row.created_at).slice(0, 7))
    if (month) {
      month.received += 1
      if (done) month.closed += 1
      if (sent) month.referred += 1
    }
    const key = row.enterprise_id ?? `name:${row.business_name}`
    const enterprise = enterprises.get(key) ?? { enterpriseId: row.enterprise_id, name: row.enterprise_name ?? row.business_name, count: 0 }
    enterprise.count += 1
    enterprises.set(key, enterprise)
  }
  const byCountThenName = <T extends { name: string; count: number }>(a: T, b: T) => b.count - a.count || a.name.localeCompare(b.name, 'zh')
  return {
    from,
    to,
    received: rows.length,
    closed,
    referred,
    closeRate: rows.length > referred ? Math.round((closed / (rows.length - referred)) * 1000) / 1000 : null,
    recoveredFen,
    byIndustry: [...industries]
      .map(([industry, counts]) => ({ industry, label: INDUSTRY_LABELS[industry] ?? industry, ...counts }))
      .sort((a, b) => b.received - a.received || a.industry.localeCompare(b.industry)),
    byMonth: [...months].map(([month, counts]) => ({ month, ...counts })),
    topEnterprises: [...enterprises.values()].sort(byCountThenName).slice(0, 10),
    paths,
  } satisfies Partial<StatisticsResponse>
}

export function csvInMemory(rows: readonly ReferenceRow[]): string {
  const line = (cells: ReadonlyArray<string | number | null>) => cells.map(csvCell).join(',')
  const lines = [line(STATISTICS_CSV_COLUMNS)]
  for (const row of rows) {
    lines.push(
      line([
        row.number,
        chinaDate(row.created_at),
        COMPLAINT_STATUS_LABELS[row.status] ?? row.status,
        HANDLING_PATH_LABELS[row.path] ?? row.path,
        INDUSTRY_LABELS[row.industry] ?? row.industry,
        row.enterprise_name ?? row.business_name,
        fenToYuan(Number(row.amount_fen)),
        row.recovered_amount_fen === null ? null : fenToYuan(Number(row.recovered_amount_fen)),
        row.closed_at ? chinaDate(row.closed_at) : null,
        row.rating,
        row.referred_to_name ?? null,
      ]),
    )
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

const SETTLED: ReadonlySet<ComplaintStatus> = new Set(['resolved', 'mediated'])
const ENDED: ReadonlySet<ComplaintStatus> = new Set(['resolved', 'mediated', 'mediation_failed', 'rejected', 'closed'])

function median(values: number[]): number | null {
  if (!values.length) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const upper = sorted[middle]!
  return sorted.length % 2 ? upper : (sorted[middle - 1]! + upper) / 2
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits

export function figuresInMemory(facts: ReadonlyArray<Pick<ReferenceRow, 'status' | 'created_at' | 'first_response_at' | 'rating'>>): EnterpriseFigures {
  const responseHours = facts
    .filter((f) => f.first_response_at)
    .map((f) => (Date.parse(f.first_response_at!) - Date.parse(f.created_at)) / 3600_000)
    .filter((h) => Number.isFinite(h) && h >= 0)
  const ended = facts.filter((f) => ENDED.has(f.status))
  const settled = ended.filter((f) => SETTLED.has(f.status))
  const ratings = facts.map((f) => (f.rating === null ? null : Number(f.rating))).filter((r): r is number => typeof r === 'number')
  const enoughData = facts.length >= FIGURES_MIN_COMPLAINTS
  const medianHours = median(responseHours)
  return {
    complaintsReceived: facts.length,
    enoughData,
    note: enoughData ? null : FIGURES_NOT_ENOUGH_NOTE,
    medianFirstResponseHours: enoughData && medianHours !== null ? round(medianHours, 1) : null,
    settlementRate: enoughData && ended.length ? round(settled.length / ended.length, 3) : null,
    settledCount: settled.length,
    // The reference rows carry no performance follow-ups (履行回访): none confirmed either way.
    performedCount: 0,
    unperformedCount: 0,
    endedCount: ended.length,
    averageRating: enoughData && ratings.length ? round(ratings.reduce((a, b) => a + b, 0) / ratings.length, 1) : null,
    ratingCount: ratings.length,
    definitions: { ...FIGURE_DEFINITIONS },
  }
}
