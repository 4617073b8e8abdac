import { sql } from 'kysely'
import type { Figure } from '../../../../src/contract/statistics-figures'
import type { Db } from '../../db/database'
import { subtreeEnd } from '../../modules/organizations/organization-scope'

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null)
const CLOSED = sql`status in ('resolved', 'rejected', 'withdrawn', 'closed')`

/** The figures counted straight from complaints (no rollups): what the rollups must add up to. */
async function countFigures(db: Db, fromIso: string, toIso: string, subtree: string | null, industry?: string): Promise<Figure> {
  let query = db.selectFrom('complaints').where('created_at', '>=', fromIso).where('created_at', '<', toIso)
  if (subtree) query = query.where('organization_path', '>=', subtree).where('organization_path', '<', subtreeEnd(subtree))
  if (industry) query = query.where('industry', '=', industry as never)
  const row = await query
    .select([
      sql<number>`count(*)`.as('received'),
      sql<number>`count(accepted_at)`.as('accepted'),
      sql<number>`coalesce(sum(case when ${CLOSED} then 1 else 0 end), 0)`.as('closed'),
      sql<number>`coalesce(sum(case when status = 'referred' then 1 else 0 end), 0)`.as('referred'),
      sql<number>`coalesce(sum(case when ${CLOSED} and late_at is null then 1 else 0 end), 0)`.as('on_time'),
      sql<number>`count(mediation_result)`.as('mediation_ended'),
      sql<number>`coalesce(sum(case when mediation_result = 'succeeded' then 1 else 0 end), 0)`.as('mediation_succeeded'),
      sql<number>`coalesce(sum(case when mediation_result = 'succeeded' then coalesce(recovered_amount_fen, 0) else 0 end), 0)`.as('mediated_fen'),
      sql<number>`coalesce(sum(case when mediation_result is null and status = 'resolved' then coalesce(proposal_amount_fen, 0) else 0 end), 0)`.as('settled_fen'),
      sql<number>`coalesce(sum(case when mediation_result = 'failed' and status = 'resolved' then coalesce(proposal_amount_fen, 0) else 0 end), 0)`.as('settled_after_failure_fen'),
    ])
    .executeTakeFirstOrThrow()
  const n = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as Record<keyof typeof row, number>
  return {
    received: n.received,
    accepted: n.accepted,
    closed: n.closed,
    referred: n.referred,
    closedOnTime: n.on_time,
    mediationEnded: n.mediation_ended,
    mediationSucceeded: n.mediation_succeeded,
    recoveredFen: n.mediated_fen + n.settled_fen + n.settled_after_failure_fen,
    closeRate: rate(n.closed, n.received - n.referred),
    onTimeRate: rate(n.on_time, n.closed),
    mediationSuccessRate: rate(n.mediation_succeeded, n.mediation_ended),
  }
}

const chinaMonth = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 7)
/** The UTC instant a China month starts. */
const monthStart = (month: string) => new Date(Date.parse(`${month}-01T00:00:00.000+08:00`)).toISOString()
const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7)
}

/** Total, per industry and per China month (months with complaints only), each by its own SQL count. */
export async function figuresBySql(db: Db, fromIso: string, toIso: string, subtree: string | null) {
  const total = await countFigures(db, fromIso, toIso, subtree)
  let industries = db.selectFrom('complaints').select('industry').distinct().where('created_at', '>=', fromIso).where('created_at', '<', toIso)
  if (subtree) industries = industries.where('organization_path', '>=', subtree).where('organization_path', '<', subtreeEnd(subtree))
  const byIndustry: Record<string, Figure> = {}
  for (const { industry } of await industries.execute()) byIndustry[industry] = await countFigures(db, fromIso, toIso, subtree, industry)
  const byMonth: Record<string, Figure> = {}
  for (let month = chinaMonth(fromIso); monthStart(month) < toIso; month = nextMonth(month)) {
    const from = monthStart(month) > fromIso ? monthStart(month) : fromIso
    const to = monthStart(nextMonth(month)) < toIso ? monthStart(nextMonth(month)) : toIso
    const figure = await countFigures(db, from, to, subtree)
    if (figure.received > 0) byMonth[month] = figure
  }
  return { total, byIndustry, byMonth }
}
