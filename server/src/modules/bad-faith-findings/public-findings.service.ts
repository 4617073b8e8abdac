import type { PublicFindingList } from '../../../../src/contract/bad-faith-finding'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import { enterpriseFindingsQuery, publicFindingsQuery } from './bad-faith-findings.repository'
import { findingState, toPublicFindings } from './finding-dto'

/** 失信认定公示: published findings still in their period, newest first (no login). */
export async function publicFindings(ctx: AppContext): Promise<PublicFindingList> {
  const rows = await publicFindingsQuery(ctx.db, ctx.now().toISOString()).execute()
  return { items: await toPublicFindings(ctx, rows) }
}

/** The findings shown on one enterprise's public page: published and not yet expired or lifted. */
export async function enterprisePublicFindings(ctx: AppContext, enterpriseId: string): Promise<PublicFindingList> {
  const enterprise = await ctx.db.selectFrom('enterprises').select('id').where('id', '=', enterpriseId).executeTakeFirst()
  if (!enterprise) throw new AppError(404, 'NOT_FOUND', '企业不存在')
  const now = ctx.now()
  const rows = (await enterpriseFindingsQuery(ctx.db, enterpriseId).execute()).filter((row) => findingState(row, now) === 'published')
  return { items: await toPublicFindings(ctx, rows) }
}
