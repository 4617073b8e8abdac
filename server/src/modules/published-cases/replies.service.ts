import type { EnterpriseCaseList, ReplyRequest } from '../../../../src/contract/published-case'
import type { AppContext } from '../../context'
import { isUniqueViolation } from '../../db/database'
import { AppError } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { assertNoPii } from './publication.service'
import { casesForEnterpriseQuery, findPublication, repliesOf } from './published-cases.repository'

const notFound = () => new AppError(404, 'PUBLICATION_NOT_FOUND')

/** The liaison's enterprise's proposed and published cases, with its reply to each. */
export async function casesOfMyEnterprise(ctx: AppContext, liaison: AuthUser): Promise<EnterpriseCaseList> {
  if (liaison.role !== 'enterprise' || !liaison.enterpriseId) throw new AppError(403, 'FORBIDDEN')
  const rows = await casesForEnterpriseQuery(ctx.db, liaison.enterpriseId).execute()
  const replies = new Map((await repliesOf(ctx.db, rows.map((row) => row.id))).map((reply) => [reply.published_case_id, reply]))
  rows.sort((a, b) => b.created_at.localeCompare(a.created_at))
  return {
    items: rows.map((row) => {
      const reply = replies.get(row.id)
      return {
        id: row.id,
        businessName: row.business_name,
        summary: row.summary,
        status: row.status,
        replyWindowEndsAt: row.reply_window_ends_at,
        reply: reply ? { text: reply.text, status: reply.status, createdAt: reply.created_at } : null,
      }
    }),
  }
}

/**
 * The enterprise's one reply to a case about it (proposed or published), shown beside it once staff
 * approve it. Another enterprise's case is answered as not found; a second reply is refused.
 */
export async function replyToCase(ctx: AppContext, liaison: AuthUser, id: string, request: ReplyRequest): Promise<EnterpriseCaseList> {
  if (liaison.role !== 'enterprise' || !liaison.enterpriseId) throw new AppError(403, 'FORBIDDEN')
  const publication = await findPublication(ctx.db, id)
  if (!publication || publication.enterprise_id !== liaison.enterpriseId || publication.status === 'withdrawn') throw notFound()
  const text = request.text.trim()
  assertNoPii(text, [])
  try {
    await ctx.db
      .insertInto('published_case_replies')
      .values({
        published_case_id: publication.id,
        enterprise_id: liaison.enterpriseId,
        author_id: liaison.id,
        text,
        status: 'pending',
        organization_path: publication.organization_path,
        moderated_by: null,
        moderated_at: null,
        created_at: ctx.now().toISOString(),
      })
      .execute()
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'PUBLICATION_REPLY_EXISTS')
    throw error
  }
  return casesOfMyEnterprise(ctx, liaison)
}
