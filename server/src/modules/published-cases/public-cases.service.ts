import type { PublicCase, PublicCaseList, PublicCaseQuery } from '../../../../src/contract/published-case'
import { INDUSTRY_LABELS, type Industry } from '../../../../src/contract/complaint-rules'
import { PUBLISHED_SEARCH_MIN } from '../../../../src/contract/published-case-rules'
import type { AppContext } from '../../context'
import type { Db } from '../../db/database'
import { AppError } from '../../errors'
import { EVIDENCE_URL_TTL_SECONDS } from '../evidence/evidence.service'
import { searchPublishedCases } from './case-terms'
import { findPublication, findReply, publishedOfEnterpriseQuery, publishedPageQuery, publishedPhotos, repliesOf } from './published-cases.repository'

const PAGE = 50
const EXCERPT = 90

type Row = Awaited<ReturnType<ReturnType<typeof publishedPageQuery>['execute']>>[number]

async function toItems(db: Db, rows: Row[]): Promise<PublicCaseList> {
  const approved = new Set((await repliesOf(db, rows.map((row) => row.id))).filter((reply) => reply.status === 'approved').map((reply) => reply.published_case_id))
  return {
    total: rows.length,
    items: rows.map((row) => ({
      id: row.id,
      businessName: row.business_name,
      enterpriseId: row.enterprise_id,
      excerpt: [...row.summary.replace(/\s+/g, ' ')].slice(0, EXCERPT).join('') + ([...row.summary].length > EXCERPT ? '…' : ''),
      publishedAt: row.published_at!,
      hasReply: approved.has(row.id),
    })),
  }
}

/** The public list (no login): newest first, one enterprise's, or those containing a 2+ character term. */
export async function listPublishedCases(db: Db, query: PublicCaseQuery): Promise<PublicCaseList> {
  const term = query.q?.trim() ?? ''
  if (query.q !== undefined && [...term].length < PUBLISHED_SEARCH_MIN) throw new AppError(400, 'VALIDATION_FAILED', `请至少输入 ${PUBLISHED_SEARCH_MIN} 个字再搜索`)
  if (!term) return toItems(db, await (query.enterpriseId ? publishedOfEnterpriseQuery(db, query.enterpriseId, PAGE) : publishedPageQuery(db, PAGE)).execute())
  const ids = await searchPublishedCases(db, term)
  if (ids.length === 0) return { total: 0, items: [] }
  let rows = await db.selectFrom('published_cases').selectAll().where('id', 'in', ids).where('status', '=', 'published').execute()
  if (query.enterpriseId) rows = rows.filter((row) => row.enterprise_id === query.enterpriseId)
  const order = new Map(ids.map((id, index) => [id, index]))
  rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!)
  return toItems(db, rows)
}

/** One published case with the enterprise's approved reply beside it and the photos staff reviewed. */
export async function publicCase(ctx: AppContext, id: string): Promise<PublicCase> {
  const row = await findPublication(ctx.db, id)
  if (!row || row.status !== 'published' || !row.published_at) throw new AppError(404, 'PUBLICATION_NOT_FOUND')
  const reply = await findReply(ctx.db, row.id)
  const photos = await publishedPhotos(ctx.db, row.id)
  return {
    id: row.id,
    businessName: row.business_name,
    enterpriseId: row.enterprise_id,
    industry: INDUSTRY_LABELS[row.industry as Industry] ?? row.industry,
    summary: row.summary,
    publishedAt: row.published_at,
    photos: await Promise.all(photos.map(async (photo) => ({ url: await ctx.storage.signedUrl(photo.display_key, EVIDENCE_URL_TTL_SECONDS) }))),
    reply: reply?.status === 'approved' ? { text: reply.text, at: reply.moderated_at ?? reply.created_at } : null,
  }
}
