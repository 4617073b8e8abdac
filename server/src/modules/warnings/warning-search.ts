import { sql } from 'kysely'
import type { Segment } from '../../../../src/contract/warning'
import type { Db, Dialect } from '../../db/database'
import { coveringBigrams, foldLatin } from './warning-terms'

export interface SearchPage {
  /** Every public warning containing the term. */
  total: number
  /** The requested page's ids: title hits first, then newest, then id. */
  ids: string[]
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'

/** The column folded like foldLatin (PostgreSQL's lower() would also fold other scripts). */
function folded(dialect: Dialect, column: string) {
  return dialect === 'sqlite' ? sql`lower(${sql.ref(column)})` : sql`translate(${sql.ref(column)}, ${UPPER}, ${UPPER.toLowerCase()})`
}

function contains(dialect: Dialect, column: string, term: string) {
  return dialect === 'sqlite' ? sql<boolean>`instr(${folded(dialect, column)}, ${term}) > 0` : sql<boolean>`strpos(${folded(dialect, column)}, ${term}) > 0`
}

/**
 * Published, due warnings whose title, summary or body text contains `term` (2+ characters, Latin
 * letters case-blind), the same on both databases, always through warning_terms. A 2-character term
 * is one pair: its rows are the answer, already in rank order in warning_terms_rank (on SQLite: the table itself). A longer term
 * takes the warnings holding all of its covering pairs and checks those few for the whole term.
 */
export async function searchPage(db: Db, dialect: Dialect, term: string, now: Date, page: { offset: number; limit: number }): Promise<SearchPage> {
  const at = now.toISOString()
  const needle = foldLatin(term)
  if ([...needle].length === 2) {
    const [count, rows] = await Promise.all([pairHitCount(db, needle, at).executeTakeFirstOrThrow(), pairHitsPage(db, needle, at, page).execute()])
    return { total: Number(count.n), ids: rows.map((row) => row.warning_id) }
  }
  const rows = await longTermHits(db, dialect, term, at).execute()
  const ranked = rows.sort(
    (a, b) => Number(b.title_hit) - Number(a.title_hit) || (b.published_at ?? '').localeCompare(a.published_at ?? '') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
  return { total: ranked.length, ids: ranked.slice(page.offset, page.offset + page.limit).map((row) => row.id) }
}

export function pairHitCount(db: Db, pair: string, at: string) {
  return db
    .selectFrom('warning_terms')
    .where('term', '=', pair)
    .where('published_at', '<=', at)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
}

/** Warnings holding all covering pairs of a 3+ character term, checked for the whole term. */
export function longTermHits(db: Db, dialect: Dialect, term: string, at: string) {
  const needle = foldLatin(term)
  const candidates = coveringBigrams(term)
    .map((pair) => db.selectFrom('warning_terms').select('warning_id').where('term', '=', pair).where('published_at', '<=', at))
    .reduce((all, next) => all.intersect(next))
  // A cross join keeps SQLite's join order: the few candidates first, each warning then by its id.
  return db
    .selectFrom(candidates.as('c'))
    .crossJoin('warnings as w')
    .whereRef('w.id', '=', 'c.warning_id')
    .select(['w.id', 'w.published_at'])
    .select(sql<number>`case when ${contains(dialect, 'w.title', needle)} then 1 else 0 end`.as('title_hit'))
    .where('w.status', '=', 'published')
    .where(sql<boolean>`(${contains(dialect, 'w.title', needle)} or ${contains(dialect, 'w.summary', needle)} or ${contains(dialect, 'w.body_text', needle)})`)
}

/** One pair's hits in rank order, straight from the rank index. */
export function pairHitsPage(db: Db, pair: string, at: string, page: { offset: number; limit: number }) {
  return db
    .selectFrom('warning_terms')
    .select('warning_id')
    .where('term', '=', pair)
    .where('published_at', '<=', at)
    .orderBy('in_title', 'desc')
    .orderBy('published_at', 'desc')
    .orderBy('warning_id')
    .offset(page.offset)
    .limit(page.limit)
}

/** `text` cut into plain and matching pieces, for highlighting without HTML. */
export function highlightSegments(text: string, term: string): Segment[] {
  const haystack = foldLatin(text)
  const needle = foldLatin(term)
  if (!needle) return text ? [{ text, hit: false }] : []
  const segments: Segment[] = []
  let from = 0
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
    if (at > from) segments.push({ text: text.slice(from, at), hit: false })
    segments.push({ text: text.slice(at, at + needle.length), hit: true })
    from = at + needle.length
  }
  if (from < text.length) segments.push({ text: text.slice(from), hit: false })
  return segments
}
