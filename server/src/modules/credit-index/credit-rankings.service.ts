import { rankMonth, RANKING_BOARD_SIZE, RANKING_METHOD_VERSION, previousMonth, type RankingInput } from '../../../../src/contract/credit-ranking'
import type { RankingExport, RankingQuery, RankingResponse } from '../../../../src/contract/credit-index'
import { chinaDate, chinaMidnight } from '../../china-time'
import type { AppContext } from '../../context'
import type { Db } from '../../db/database'
import { badRequest } from '../../errors'
import { boardQuery, claimMonth, enterprisesByIdQuery, insertMonthRows, monthComplaintCountsQuery, monthEscalationsQuery, monthInputsQuery, monthRegionsQuery, rankedMonthQuery } from './credit-index.repository'

/** How far back a month can be asked for: an older one would only be a new, empty snapshot. */
export const RANKING_MONTHS_BACK = 24

/** The China month under way (YYYY-MM). */
export const currentMonth = (now: Date) => chinaDate(now).slice(0, 7)

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

/** The closed months that can be ranked, newest first. */
export function closedMonths(now: Date): string[] {
  const months: string[] = []
  let month = previousMonth(currentMonth(now))
  for (let i = 0; i < RANKING_MONTHS_BACK; i += 1, month = previousMonth(month)) months.push(month)
  return months
}

// Plain VALIDATION_FAILED with its own words: every code in the shared table ships in the
// mini-program's main package, which has no room to spare, and the app never asks for such a month.
export const MONTH_NOT_CLOSED = '这个月还没有结束，月度排名在下个月初公布'
export const MONTH_TOO_OLD = `只能查看最近 ${RANKING_MONTHS_BACK} 个月的排名`

/** Refuses the month under way, a future one and one too old to rank. */
export function assertRankableMonth(month: string, now: Date): void {
  if (month >= currentMonth(now)) throw badRequest('VALIDATION_FAILED', MONTH_NOT_CLOSED)
  if (!closedMonths(now).includes(month)) throw badRequest('VALIDATION_FAILED', MONTH_TOO_OLD)
}

/** Each enterprise's counts for the month, read from the indexes (never the whole complaints table). */
export async function gatherMonthInputs(db: Db, month: string): Promise<RankingInput[]> {
  const from = chinaMidnight(`${month}-01`).toISOString()
  const to = chinaMidnight(`${nextMonth(month)}-01`).toISOString()
  const counts = await monthComplaintCountsQuery(db, from, to).execute()
  const escalations = await monthEscalationsQuery(db, from, to).execute()
  const byEnterprise = new Map<string, { received: number; responded: number; settled: number; unanswered: number }>()
  const entry = (id: string) => byEnterprise.get(id) ?? byEnterprise.set(id, { received: 0, responded: 0, settled: 0, unanswered: 0 }).get(id)!
  for (const row of counts) Object.assign(entry(row.enterprise_id!), { received: Number(row.received), responded: Number(row.responded), settled: Number(row.settled ?? 0) })
  for (const row of escalations) entry(row.enterprise_id!).unanswered = Number(row.unanswered)
  const ids = [...byEnterprise.keys()].sort()
  const inputs: RankingInput[] = []
  for (let i = 0; i < ids.length; i += 500) {
    const enterprises = await enterprisesByIdQuery(db, ids.slice(i, i + 500)).execute()
    for (const enterprise of enterprises) {
      inputs.push({ enterpriseId: enterprise.id, name: enterprise.name, industry: enterprise.industry, region: enterprise.city ?? enterprise.province ?? '', ...byEnterprise.get(enterprise.id)! })
    }
  }
  return inputs.sort((a, b) => (a.enterpriseId < b.enterpriseId ? -1 : 1))
}

/**
 * Ranks a closed month once. The month's row is inserted first in the same transaction: a second
 * instance asking at once waits on that key (PostgreSQL) or on the one connection (SQLite), then
 * finds the month claimed and reads what the first stored.
 */
export async function ensureMonthRanked(ctx: AppContext, month: string): Promise<{ computed_at: string; method_version: number }> {
  const ranked = await rankedMonthQuery(ctx.db, month).executeTakeFirst()
  if (ranked) return ranked
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await claimMonth(trx, month, RANKING_METHOD_VERSION, ctx.now().toISOString()))) return
    const inputs = await gatherMonthInputs(trx, month)
    await insertMonthRows(trx, month, inputs, rankMonth(inputs))
  })
  return rankedMonthQuery(ctx.db, month).executeTakeFirstOrThrow()
}

/** 红榜 and 黑榜 of a closed month (the last one by default), for all or one industry / region. */
export async function monthRanking(ctx: AppContext, query: RankingQuery): Promise<RankingResponse> {
  const now = ctx.now()
  const month = query.month ?? previousMonth(currentMonth(now))
  assertRankableMonth(month, now)
  const ranked = await ensureMonthRanked(ctx, month)
  const industry = query.industry ?? ''
  const region = query.region ?? ''
  const board = async (name: 'red' | 'black') =>
    (await boardQuery(ctx.db, month, industry, region, name).limit(RANKING_BOARD_SIZE).execute()).map((row) => ({
      place: Number(row.place),
      enterpriseId: row.enterprise_id,
      name: row.name,
      score: Number(row.score_tenths) / 10,
    }))
  return {
    month,
    industry,
    region,
    computedAt: ranked.computed_at,
    methodVersion: Number(ranked.method_version),
    red: await board('red'),
    black: await board('black'),
    regions: (await monthRegionsQuery(ctx.db, month).execute()).map((row) => row.region),
    months: closedMonths(now),
  }
}

/** The month's inputs as the method read them: enterprise names and counts only, nothing about any person. */
export async function monthExport(ctx: AppContext, month: string): Promise<RankingExport> {
  assertRankableMonth(month, ctx.now())
  const ranked = await ensureMonthRanked(ctx, month)
  const rows = await monthInputsQuery(ctx.db, month).execute()
  return {
    month,
    methodVersion: Number(ranked.method_version),
    computedAt: ranked.computed_at,
    inputs: rows.map((row) => ({
      enterpriseId: row.enterprise_id,
      name: row.name,
      industry: row.industry,
      region: row.region,
      received: Number(row.received),
      responded: Number(row.responded),
      settled: Number(row.settled),
      unanswered: Number(row.unanswered),
    })),
  }
}
