import type { Db } from '../../db/database'
import { bigrams, coveringBigrams, foldLatin } from '../warnings/warning-terms'

const BATCH = 500

/**
 * A published question's 2-character pairs (question and answer as published), as warnings keep
 * theirs; an unpublished one has none. Call in the transaction that published it.
 */
export async function syncQaTerms(trx: Db, row: { id: string; published_question: string | null; published_answer: string | null; published_at: string | null }): Promise<void> {
  await trx.deleteFrom('qa_terms').where('question_id', '=', row.id).execute()
  if (row.published_at === null) return
  const terms = [...new Set([...bigrams(row.published_question ?? ''), ...bigrams(row.published_answer ?? '')])]
  const rows = terms.map((term) => ({ term, question_id: row.id, published_at: row.published_at! }))
  for (let i = 0; i < rows.length; i += BATCH) await trx.insertInto('qa_terms').values(rows.slice(i, i + BATCH)).execute()
}

/** One pair's published questions, newest first, straight from qa_terms_rank. */
export function qaPairHitsQuery(db: Db, pair: string, limit: number) {
  return db.selectFrom('qa_terms').select('question_id').where('term', '=', pair).orderBy('term').orderBy('published_at', 'desc').orderBy('question_id', 'desc').limit(limit)
}

/** Questions holding every covering pair of a longer term (each pair from the index), to be checked for the whole term. */
export function qaCandidatesQuery(db: Db, term: string) {
  return coveringBigrams(term)
    .map((pair) => db.selectFrom('qa_terms').select('question_id').where('term', '=', pair))
    .reduce((all, next) => all.intersect(next))
}

const MAX_HITS = 50

/**
 * Published questions containing `term` (2+ characters, Latin letters case-blind) in the published
 * question or answer, newest first, at most 50: the same pairs index as warnings.
 */
export async function searchPublishedQuestions(db: Db, term: string): Promise<string[]> {
  const needle = foldLatin(term)
  if ([...needle].length === 2) return (await qaPairHitsQuery(db, needle, MAX_HITS).execute()).map((row) => row.question_id)
  const candidates = (await qaCandidatesQuery(db, term).execute()).map((row) => row.question_id)
  if (candidates.length === 0) return []
  const rows = await db
    .selectFrom('qa_questions')
    .select(['id', 'published_question', 'published_answer', 'published_at'])
    .where('id', 'in', candidates.slice(0, 1000))
    .where('published_at', 'is not', null)
    .execute()
  return rows
    .filter((row) => foldLatin(`${row.published_question}\n${row.published_answer}`).includes(needle))
    .sort((a, b) => (b.published_at ?? '').localeCompare(a.published_at ?? '') || (a.id < b.id ? 1 : -1))
    .slice(0, MAX_HITS)
    .map((row) => row.id)
}
