import sanitizeHtml from 'sanitize-html'
import type { PublishRequest, Question } from '../../../../src/contract/lawyer-qa'
import { maskDigitRuns } from '../../../../src/contract/lawyer-qa-rules'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { staffScope } from '../organizations/organization-scope'
import { findQuestion, findSession } from './lawyers.repository'
import { syncQaTerms } from './qa-search'
import { viewQuestion } from './qa-questions.service'

/**
 * What the public may read of a text: no markup at all (tags removed with any script's content,
 * entities decoded back to the characters the app shows as plain text) and no long digit runs.
 */
export function publicText(text: string): string {
  const plain = sanitizeHtml(text, { allowedTags: [], allowedAttributes: {}, nonTextTags: ['script', 'style', 'textarea', 'noscript', 'iframe', 'template'] })
  const decoded = plain.replace(/&(lt|gt|quot|#39|amp);/g, (entity) => ({ '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' })[entity] ?? entity)
  // Decoded "<" and ">" stay as characters; the app renders text, never HTML.
  return maskDigitRuns(decoded.replace(/[<>]/g, '')).trim()
}

/**
 * Staff of the session's organization (or above) publish an answered question the asker allowed to
 * publish, with the texts they edited: markup stripped, long numbers masked, never the asker's name
 * or phone (the public shape has no field for them). Publishing again replaces the texts.
 */
export async function publishQuestion(ctx: AppContext, staff: AuthUser, id: string, request: PublishRequest): Promise<Question> {
  const row = await findQuestion(ctx.db, id)
  const session = row && (await findSession(ctx.db, row.session_id))
  const scope = await staffScope(ctx.db, staff.id)
  if (!row || !session || !session.organization_path.startsWith(scope.organization.path)) throw new AppError(404, 'QA_QUESTION_NOT_FOUND')
  if (row.status !== 'answered' || Number(row.allow_publish) !== 1) throw new AppError(409, 'QA_NOT_PUBLISHABLE')
  const question = publicText(request.question)
  const answer = publicText(request.answer)
  if ([...question].length < 5 || [...answer].length < 5) throw new AppError(400, 'VALIDATION_FAILED', '公开的问题和解答去掉格式后太短了，请补充')
  const at = ctx.now().toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    const texts = { published_question: question, published_answer: answer, updated_at: at }
    // The first publication counts once: of two at the same time, the second waits for the first's row lock and then edits.
    const first = await trx.updateTable('qa_questions').set({ ...texts, published_at: at }).where('id', '=', id).where('status', '=', 'answered').where('published_at', 'is', null).executeTakeFirst()
    if (Number(first.numUpdatedRows) === 1) {
      await trx.updateTable('qa_sessions').set((eb) => ({ published_count: eb('published_count', '+', 1) })).where('id', '=', row.session_id).execute()
    } else {
      const edited = await trx.updateTable('qa_questions').set(texts).where('id', '=', id).where('published_at', 'is not', null).executeTakeFirst()
      if (Number(edited.numUpdatedRows) !== 1) throw new AppError(409, 'QA_NOT_PUBLISHABLE')
    }
    const stored = await trx.selectFrom('qa_questions').select(['id', 'published_question', 'published_answer', 'published_at']).where('id', '=', id).executeTakeFirstOrThrow()
    await syncQaTerms(trx, stored)
  })
  return viewQuestion(ctx, staff, id)
}
