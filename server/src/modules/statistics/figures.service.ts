import { chinaToday, INDUSTRY_LABELS, type Industry } from '../../../../src/contract/complaint-rules'
import type { StatisticsQuery } from '../../../../src/contract/statistics'
import { FIGURE_DEFINITIONS, type Figure, type OrganizationFigures } from '../../../../src/contract/statistics-figures'
import type { AppContext } from '../../context'
import type { StaffScope } from '../organizations/organization-scope'
import { stationCountsByMonth } from '../walk-ins/station-figures'
import { childOrganizations, FIGURE_COLUMNS, figuresByOrganization, figuresByPeriodAndIndustry, type FigureColumn, type FigureSums } from './figures.repository'
import { monthsBetween, perSlice, resolveRange, rollupSpans, subtreeOf, type StatisticsRange } from './statistics.service'

type Counts = Record<FigureColumn, number>

const zero = (): Counts => Object.fromEntries(FIGURE_COLUMNS.map((name) => [name, 0])) as Counts

function add(into: Counts, row: FigureSums): void {
  for (const name of FIGURE_COLUMNS) into[name] += Number(row[name] ?? 0)
}

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null)

/** The counts as the API names them, with the three rates. */
export function toFigure(c: Counts): Figure {
  return {
    received: c.received,
    accepted: c.accepted,
    closed: c.closed,
    referred: c.referred,
    closedOnTime: c.closed_on_time,
    mediationEnded: c.mediation_ended,
    mediationSucceeded: c.mediation_succeeded,
    recoveredFen: c.recovered_fen,
    closeRate: rate(c.closed, c.received - c.referred),
    onTimeRate: rate(c.closed_on_time, c.closed),
    mediationSuccessRate: rate(c.mediation_succeeded, c.mediation_ended),
  }
}

/**
 * Whether the range is whole months as station_month_rollups counts them (it counts a month at a time):
 * from a 1st to a month's last day, or to today (nothing is filed after today).
 */
export function coversWholeMonths(range: Pick<StatisticsRange, 'from' | 'to'>, now: Date): boolean {
  const last = rollupSpans(range).at(-1)!
  return range.from.endsWith('-01') && (last.grain === 'month' || range.to >= chinaToday(now))
}

/**
 * The figures an organization reports upward, for its whole subtree: totals, by month and industry,
 * and each organization directly below it side by side with its own subtree's totals. Read from
 * org_figure_rollups only (a few rows per organization, day or month and industry).
 */
export async function organizationFigures(ctx: AppContext, query: StatisticsQuery, scope: StaffScope): Promise<OrganizationFigures> {
  const range = resolveRange(query, ctx.now())
  const subtree = subtreeOf(scope)
  const spans = rollupSpans(range)
  const periodRows = (await perSlice(ctx.dialect, spans, (span) => figuresByPeriodAndIndustry(ctx.db, span, subtree).execute())).flat()
  const total = zero()
  const months = new Map(monthsBetween(range.from, range.to).map((month) => [month, zero()]))
  const industries = new Map<Industry, Counts>()
  for (const row of periodRows) {
    add(total, row)
    const month = months.get(row.period.slice(0, 7))
    if (month) add(month, row)
    const industry = industries.get(row.industry) ?? zero()
    add(industry, row)
    industries.set(row.industry, industry)
  }

  const children = scope.leaf ? [] : await childOrganizations(ctx.db, scope.organization.id).execute()
  const perChild = new Map(children.map((child) => [child.path, zero()]))
  const own = zero()
  if (children.length) {
    const orgRows = (await perSlice(ctx.dialect, spans, (span) => figuresByOrganization(ctx.db, span, subtree).execute())).flat()
    for (const row of orgRows) {
      const child = children.find((c) => row.organization_path.startsWith(c.path))
      add(child ? perChild.get(child.path)! : own, row)
    }
  }

  const byStation = await stationCountsByMonth(ctx, scope, [...months.keys()])

  return {
    from: range.from,
    to: range.to,
    organizationName: scope.organization.name,
    includesBelow: !scope.leaf,
    total: toFigure(total),
    byMonth: [...months].map(([month, counts]) => ({ month, ...toFigure(counts) })),
    byIndustry: [...industries]
      .filter(([, counts]) => counts.received > 0)
      .map(([industry, counts]) => ({ industry, label: INDUSTRY_LABELS[industry] ?? industry, ...toFigure(counts) }))
      .sort((a, b) => b.received - a.received || a.industry.localeCompare(b.industry)),
    own: scope.leaf ? null : toFigure(own),
    children: children.map((child) => ({ organizationId: child.id, name: child.name, ...toFigure(perChild.get(child.path)!) })),
    byStation: { ...byStation, wholeMonths: coversWholeMonths(range, ctx.now()) },
    definitions: { ...FIGURE_DEFINITIONS },
  }
}
