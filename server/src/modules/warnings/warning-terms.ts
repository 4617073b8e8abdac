import type { Db } from '../../db/database'
import type { WarningRow } from './warnings.repository'

/** Latin A–Z lower-cased, nothing else: the same fold as SQLite's lower() and the SQL in warning-search. */
export const foldLatin = (text: string) => text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase())

/** The distinct 2-character sequences of `text`, by code point (a CJK character is one). */
export function bigrams(text: string): Set<string> {
  const chars = [...foldLatin(text)]
  const pairs = new Set<string>()
  for (let i = 0; i + 1 < chars.length; i++) pairs.add(chars[i]! + chars[i + 1]!)
  return pairs
}

/**
 * Enough of a term's pairs to find every warning containing it: non-overlapping pairs, plus the last
 * one when the length is odd. Candidates still need checking (the pairs may sit apart).
 */
export function coveringBigrams(term: string): string[] {
  const chars = [...foldLatin(term)]
  const pairs = new Set<string>()
  for (let i = 0; i + 1 < chars.length; i += 2) pairs.add(chars[i]! + chars[i + 1]!)
  if (chars.length % 2 === 1 && chars.length > 1) pairs.add(chars.at(-2)! + chars.at(-1)!)
  return [...pairs]
}

type Indexed = Pick<WarningRow, 'id' | 'title' | 'summary' | 'body_text' | 'status' | 'published_at'>

const BATCH = 500

/**
 * Brings a warning's search terms in line with the row as it now is: published ones are indexed,
 * others have none. Call inside the transaction that changed the row, after the row's UPDATE (on
 * PostgreSQL its row lock keeps two edits of one warning from interleaving here).
 */
export async function syncWarningTerms(trx: Db, row: Indexed): Promise<void> {
  await trx.deleteFrom('warning_terms').where('warning_id', '=', row.id).execute()
  if (row.status !== 'published' || row.published_at === null) return
  const inTitle = bigrams(row.title)
  const all = new Set([...inTitle, ...bigrams(row.summary), ...bigrams(row.body_text)])
  const rows = [...all].map((term) => ({ term, warning_id: row.id, in_title: inTitle.has(term) ? 1 : 0, published_at: row.published_at! }))
  for (let i = 0; i < rows.length; i += BATCH) await trx.insertInto('warning_terms').values(rows.slice(i, i + BATCH)).execute()
}
