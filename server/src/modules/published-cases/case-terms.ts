import type { Db } from '../../db/database'
import { bigrams, coveringBigrams, foldLatin } from '../warnings/warning-terms'

const BATCH = 500
const MAX_HITS = 50

/** A published case's 2-character pairs (business name and summary), as warnings keep theirs; others have none. */
export async function syncCaseTerms(trx: Db, row: { id: string; business_name: string; summary: string; status: string; published_at: string | null }): Promise<void> {
  await trx.deleteFrom('published_case_terms').where('published_case_id', '=', row.id).execute()
  if (row.status !== 'published' || row.published_at === null) return
  const terms = [...new Set([...bigrams(row.business_name), ...bigrams(row.summary)])]
  const rows = terms.map((term) => ({ term, published_case_id: row.id, published_at: row.published_at! }))
  for (let i = 0; i < rows.length; i += BATCH) await trx.insertInto('published_case_terms').values(rows.slice(i, i + BATCH)).execute()
}

/** Takes a case off the public list at once (the consumer withdrew consent): no terms, no photos, status withdrawn. */
export async function unpublish(trx: Db, complaintId: string, at: string): Promise<void> {
  const row = await trx.selectFrom('published_cases').select('id').where('complaint_id', '=', complaintId).executeTakeFirst()
  if (!row) return
  await trx.updateTable('published_cases').set({ status: 'withdrawn', withdrawn_at: at, updated_at: at }).where('id', '=', row.id).execute()
  await trx.deleteFrom('published_case_terms').where('published_case_id', '=', row.id).execute()
  await trx.deleteFrom('published_case_photos').where('published_case_id', '=', row.id).execute()
}

/** One pair's published cases, newest first, straight from published_case_terms_rank. */
export function casePairHitsQuery(db: Db, pair: string, limit: number) {
  return db
    .selectFrom('published_case_terms')
    .select('published_case_id')
    .where('term', '=', pair)
    .orderBy('term')
    .orderBy('published_at', 'desc')
    .orderBy('published_case_id', 'desc')
    .limit(limit)
}

/** Cases holding every covering pair of a longer term, to be checked for the whole term. */
export function caseCandidatesQuery(db: Db, term: string) {
  return coveringBigrams(term)
    .map((pair) => db.selectFrom('published_case_terms').select('published_case_id').where('term', '=', pair))
    .reduce((all, next) => all.intersect(next))
}

/** Published cases whose business name or summary contains `term` (2+ characters), newest first, at most 50. */
export async function searchPublishedCases(db: Db, term: string): Promise<string[]> {
  const needle = foldLatin(term)
  if ([...needle].length === 2) return (await casePairHitsQuery(db, needle, MAX_HITS).execute()).map((row) => row.published_case_id)
  const candidates = (await caseCandidatesQuery(db, term).execute()).map((row) => row.published_case_id)
  if (candidates.length === 0) return []
  const rows = await db
    .selectFrom('published_cases')
    .select(['id', 'business_name', 'summary', 'published_at'])
    .where('id', 'in', candidates.slice(0, 1000))
    .where('status', '=', 'published')
    .execute()
  return rows
    .filter((row) => foldLatin(`${row.business_name}\n${row.summary}`).includes(needle))
    .sort((a, b) => (b.published_at ?? '').localeCompare(a.published_at ?? '') || (a.id < b.id ? 1 : -1))
    .slice(0, MAX_HITS)
    .map((row) => row.id)
}
