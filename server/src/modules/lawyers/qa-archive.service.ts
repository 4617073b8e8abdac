import type { QaSearchResult } from '../../../../src/contract/lawyer-qa'
import { QA_SEARCH_MIN } from '../../../../src/contract/lawyer-qa-rules'
import type { Db } from '../../db/database'
import { AppError } from '../../errors'
import { highlightSegments } from '../warnings/warning-search'
import { toPublicAnswers } from './qa-dto'
import { searchPublishedQuestions } from './qa-search'

/** The public archive's search: published questions and answers containing the term, newest first. */
export async function searchArchive(db: Db, q: string): Promise<QaSearchResult> {
  const term = q.trim()
  if ([...term].length < QA_SEARCH_MIN) throw new AppError(400, 'VALIDATION_FAILED', `请至少输入 ${QA_SEARCH_MIN} 个字再搜索`)
  const ids = await searchPublishedQuestions(db, term)
  if (ids.length === 0) return { total: 0, items: [] }
  const rows = await db.selectFrom('qa_questions').selectAll().where('id', 'in', ids).where('published_at', 'is not', null).execute()
  const order = new Map(ids.map((id, index) => [id, index]))
  rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!)
  const sessions = await db.selectFrom('qa_sessions').selectAll().where('id', 'in', [...new Set(rows.map((row) => row.session_id))]).execute()
  const answers = await toPublicAnswers(db, rows, sessions)
  return { total: answers.length, items: answers.map((answer) => ({ ...answer, highlight: { question: highlightSegments(answer.question, term) } })) }
}
