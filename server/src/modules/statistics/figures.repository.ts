import type { Db } from '../../db/database'
import type { PathRange, RollupSpan } from './statistics.repository'

/** The counted columns of org_figure_rollups (migration 2026-12-04T0032-organization-figures). */
export const FIGURE_COLUMNS = ['received', 'accepted', 'closed', 'referred', 'closed_on_time', 'mediation_ended', 'mediation_succeeded', 'recovered_fen'] as const
export type FigureColumn = (typeof FIGURE_COLUMNS)[number]
export type FigureSums = Record<FigureColumn, number | string>

/**
 * A subtree is a range of the primary key (grain, organization_path, …). The top organization (subtree
 * null) counts every path, complaints without an organization ('') included: no path range narrows
 * it, so it reads the span's range of org_figure_rollups_period (grain, period, …) instead of the grain.
 */
function figureRows(db: Db, span: RollupSpan, subtree: PathRange | null) {
  let query = db.selectFrom('org_figure_rollups').where('grain', '=', span.grain)
  if (subtree) query = query.where('organization_path', '>=', subtree.from).where('organization_path', '<', subtree.to)
  return query
    .where('period', '>=', span.from)
    .where('period', '<=', span.to)
    .select((eb) => FIGURE_COLUMNS.map((name) => eb.fn.sum<number | string>(name).as(name)))
}

/**
 * The subtree's figures in the span per period and industry (several rows of one period and industry
 * for a subtree, one per path, to be added up). A subtree's rows are grouped in the primary key's
 * order: grouped by period first, SQLite would rather walk the whole network's span in period order.
 */
export function figuresByPeriodAndIndustry(db: Db, span: RollupSpan, subtree: PathRange | null) {
  const query = figureRows(db, span, subtree).select(['period', 'industry'])
  return subtree ? query.groupBy(['organization_path', 'period', 'industry']) : query.groupBy(['period', 'industry'])
}

/** The subtree's figures in the span per holding organization's path, to be added up per child. */
export function figuresByOrganization(db: Db, span: RollupSpan, subtree: PathRange | null) {
  return figureRows(db, span, subtree).select('organization_path').groupBy('organization_path')
}

/** The organizations directly below one, by name (index organizations_parent). */
export function childOrganizations(db: Db, parentId: string) {
  return db.selectFrom('organizations').select(['id', 'name', 'path']).where('parent_id', '=', parentId).orderBy('name').limit(1000)
}
