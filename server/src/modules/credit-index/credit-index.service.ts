import { CREDIT_DEFINITIONS, type CreditIndex } from '../../../../src/contract/credit-index'
import { previousMonth } from '../../../../src/contract/credit-ranking'
import { FIGURES_MIN_COMPLAINTS } from '../../../../src/contract/enterprise-rules'
import type { AppContext } from '../../context'
import { notFound } from '../../errors'
import { countsByStatusQuery } from '../enterprises/enterprise-figures'
import { enterprisePerformanceQuery } from '../performance/performance.repository'
import { enterpriseMediationQuery, enterpriseMonthsQuery, placesOfEnterpriseQuery } from './credit-index.repository'
import { currentMonth, ensureMonthRanked } from './credit-rankings.service'

const round = (value: number) => Math.round(value * 1000) / 1000

/** The public index of one directory enterprise: monthly complaints, trend, mediation, performance and its place on last month's boards. */
export async function enterpriseCreditIndex(ctx: AppContext, enterpriseId: string): Promise<CreditIndex> {
  const enterprise = await ctx.db.selectFrom('enterprises').select('id').where('id', '=', enterpriseId).executeTakeFirst()
  if (!enterprise) throw notFound('没有找到这家企业')
  const thisMonth = currentMonth(ctx.now())
  const months = [thisMonth]
  while (months.length < 12) months.unshift(previousMonth(months[0]!))
  const counted = new Map<string, number>()
  for (const row of await enterpriseMonthsQuery(ctx.db, enterpriseId, months[0]!, thisMonth).execute()) {
    counted.set(row.period, (counted.get(row.period) ?? 0) + Number(row.n))
  }
  const monthly = months.map((month) => ({ month, received: counted.get(month) ?? 0 }))
  // The last 3 whole months against the 3 before them (the month under way is left out).
  const closed = monthly.slice(0, -1)
  const sum = (rows: typeof monthly) => rows.reduce((total, row) => total + row.received, 0)
  const recentRows = closed.slice(-3)

  const received = (await countsByStatusQuery(ctx.db, enterpriseId).execute()).reduce((total, row) => total + Number(row.n), 0)
  const enoughData = received >= FIGURES_MIN_COMPLAINTS

  const mediations = await enterpriseMediationQuery(ctx.db, enterpriseId).execute()
  const succeeded = Number(mediations.find((row) => row.mediation_result === 'succeeded')?.n ?? 0)
  const mediationEnded = mediations.reduce((total, row) => total + Number(row.n), 0)

  const follow = await enterprisePerformanceQuery(ctx.db, enterpriseId).execute()
  const countOf = (...states: string[]) => follow.filter((row) => states.includes(row.state)).reduce((total, row) => total + Number(row.n), 0)
  const performed = countOf('performed')
  const unperformed = countOf('unperformed', 'closed_unperformed')

  const rankingMonth = previousMonth(thisMonth)
  await ensureMonthRanked(ctx, rankingMonth)
  const places = await placesOfEnterpriseQuery(ctx.db, enterpriseId, rankingMonth).execute()

  return {
    enterpriseId,
    months: monthly,
    trend: { recent: sum(recentRows), previous: sum(closed.slice(-6, -3)), recentFrom: recentRows[0]!.month, recentTo: recentRows.at(-1)!.month },
    enoughData,
    mediation: { succeeded, ended: mediationEnded, rate: enoughData && mediationEnded ? round(succeeded / mediationEnded) : null },
    performance: { performed, unperformed, rate: enoughData && performed + unperformed ? round(performed / (performed + unperformed)) : null },
    ranking: {
      month: rankingMonth,
      places: places
        .map((row) => ({ board: row.board, place: Number(row.place), industry: row.industry, region: row.region }))
        .sort((a, b) => a.industry.length + a.region.length - (b.industry.length + b.region.length) || a.board.localeCompare(b.board)),
    },
    definitions: { ...CREDIT_DEFINITIONS },
  }
}
