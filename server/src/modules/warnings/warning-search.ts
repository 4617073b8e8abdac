import { sql } from 'kysely'
import type { Segment } from '../../../../src/contract/warning'
import type { Db, Dialect } from '../../db/database'
import { likeContains } from '../enterprises/enterprises.repository'

export interface SearchMatch {
  id: string
  title: string
  published_at: string
}

/** FTS5's trigram tokenizer indexes 3-character sequences: a shorter term cannot use the index. */
const TRIGRAM = 3

/**
 * Published, due warnings whose title, summary or body text contains `term` (Latin letters
 * case-blind). The same substring rule on both databases: SQLite FTS5 trigram (or instr under three
 * characters), PostgreSQL lower(…) LIKE served by pg_trgm indexes. `%` and `_` are plain letters.
 */
export async function matchingWarnings(db: Db, dialect: Dialect, term: string, now: Date): Promise<SearchMatch[]> {
  const at = now.toISOString()
  if (dialect === 'postgres') {
    const pattern = likeContains(term.toLowerCase())
    const { rows } = await sql<SearchMatch>`
      select id, title, published_at from warnings
      where status = 'published' and published_at <= ${at}
        and (lower(title) like ${pattern} escape '\\' or lower(summary) like ${pattern} escape '\\' or lower(body_text) like ${pattern} escape '\\')`.execute(db)
    return rows
  }
  if ([...term].length >= TRIGRAM) {
    const phrase = `"${term.replace(/"/g, '""')}"`
    const { rows } = await sql<SearchMatch>`
      select w.id, w.title, w.published_at from warnings_fts f join warnings w on w.rowid = f.rowid
      where warnings_fts match ${phrase} and w.status = 'published' and w.published_at <= ${at}`.execute(db)
    return rows
  }
  const lowered = term.toLowerCase()
  const { rows } = await sql<SearchMatch>`
    select id, title, published_at from warnings
    where status = 'published' and published_at <= ${at}
      and (instr(lower(title), ${lowered}) > 0 or instr(lower(summary), ${lowered}) > 0 or instr(lower(body_text), ${lowered}) > 0)`.execute(db)
  return rows
}

const fold = (text: string) => text.toLowerCase()

export function containsTerm(text: string, term: string): boolean {
  return fold(text).includes(fold(term))
}

/** Title hits before body-only hits, then newest; computed here so both databases agree. */
export function rankMatches(matches: SearchMatch[], term: string): SearchMatch[] {
  const titleHit = new Map(matches.map((m) => [m.id, containsTerm(m.title, term)]))
  return [...matches].sort(
    (a, b) =>
      Number(titleHit.get(b.id)) - Number(titleHit.get(a.id)) ||
      b.published_at.localeCompare(a.published_at) ||
      a.id.localeCompare(b.id),
  )
}

/** `text` cut into plain and matching pieces, for highlighting without HTML. */
export function highlightSegments(text: string, term: string): Segment[] {
  const haystack = fold(text)
  const needle = fold(term)
  // Lower-casing a few letters changes their length; positions would then not line up, so no highlight.
  if (!needle || haystack.length !== text.length) return text ? [{ text, hit: false }] : []
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
