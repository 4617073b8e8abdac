import { sql, type Selectable } from 'kysely'
import type { Industry } from '../../../../src/contract/complaint-rules'
import type { WarningKind, WarningStatus } from '../../../../src/contract/warning-kinds'
import type { Db } from '../../db/database'
import type { WarningTable } from '../../db/schema-warnings'
import { likeContains } from '../enterprises/enterprises.repository'

export type WarningRow = Selectable<WarningTable>

/** What a list entry shows: never the body. */
export const SUMMARY_COLUMNS = [
  'id',
  'kind',
  'title',
  'summary',
  'industry',
  'regions',
  'urgent',
  'cover_image_id',
  'issuer',
  'published_at',
  'created_at',
  'view_count',
] as const satisfies ReadonlyArray<keyof WarningTable>
export type WarningSummaryRow = Pick<WarningRow, (typeof SUMMARY_COLUMNS)[number]>

export interface PublicWarningFilter {
  kind?: WarningKind
  industry?: Industry
  region?: string
}

/** Published and due: a published warning whose time has not come yet is still invisible. */
export function publicWarnings(db: Db, now: Date) {
  return db.selectFrom('warnings').where('status', '=', 'published').where('published_at', '<=', now.toISOString())
}

function filteredPublic(db: Db, now: Date, filter: PublicWarningFilter) {
  let query = publicWarnings(db, now)
  if (filter.kind) query = query.where('kind', '=', filter.kind)
  if (filter.industry) query = query.where('industry', '=', filter.industry)
  // Regions are a JSON array of names such as "浙江省杭州市": 浙江省 finds those, and 全国 ([]) ones always apply.
  if (filter.region) {
    const region = filter.region
    query = query.where((eb) =>
      eb.or([eb('regions', '=', '[]'), eb(sql<string>`regions`, 'like', sql<string>`${likeContains(`"${region}`)} escape '\\'`)]),
    )
  }
  return query
}

export function newestUrgent(db: Db, now: Date, filter: PublicWarningFilter, limit: number) {
  return newestUrgentQuery(db, now, filter, limit).execute()
}

export function newestUrgentQuery(db: Db, now: Date, filter: PublicWarningFilter, limit: number) {
  return filteredPublic(db, now, filter).select(SUMMARY_COLUMNS).where('urgent', '=', 1).orderBy('published_at', 'desc').orderBy('id').limit(limit)
}

/**
 * One page of the list without the pinned ones, and how many there are: the count reads an index
 * only (the pinned ones match the filter too, so they are subtracted rather than excluded).
 */
export async function listPublic(db: Db, now: Date, filter: PublicWarningFilter, pinned: string[], page: { offset: number; limit: number }) {
  const [rows, count] = await Promise.all([
    listPublicPage(db, now, filter, pinned, page).execute(),
    countPublicQuery(db, now, filter).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Math.max(0, Number(count.n) - pinned.length) }
}

export function countPublicQuery(db: Db, now: Date, filter: PublicWarningFilter) {
  return filteredPublic(db, now, filter).select((eb) => eb.fn.countAll<number | string>().as('n'))
}

export function listPublicPage(db: Db, now: Date, filter: PublicWarningFilter, except: string[], page: { offset: number; limit: number }) {
  const query = filteredPublic(db, now, filter)
  return (except.length > 0 ? query.where('id', 'not in', except) : query)
    .select(SUMMARY_COLUMNS)
    .orderBy('published_at', 'desc')
    .orderBy('id')
    .offset(page.offset)
    .limit(page.limit)
}

/** The warning when it is public (published and due), else undefined. */
export function findPublic(db: Db, id: string, now: Date) {
  return publicWarnings(db, now)
    .select([...SUMMARY_COLUMNS, 'body_html'])
    .where('id', '=', id)
    .executeTakeFirst()
}

/**
 * Same industry first, then same kind, newest first: one step per group, each read newest first
 * from its own index and stopping once enough are found. A later step only runs when the earlier
 * ones found fewer than `limit`, so the rows it skips (those of earlier groups) are fewer than `limit`.
 */
export async function relatedPublic(db: Db, warning: Pick<WarningRow, 'id' | 'industry' | 'kind'>, now: Date, limit: number) {
  const found: WarningSummaryRow[] = []
  for (const step of relatedSteps(db, warning, now)) {
    if (found.length >= limit) break
    found.push(...(await step.limit(limit - found.length).execute()))
  }
  return found
}

export function relatedSteps(db: Db, warning: Pick<WarningRow, 'id' | 'industry' | 'kind'>, now: Date) {
  const newest = () => publicWarnings(db, now).select(SUMMARY_COLUMNS).where('id', '!=', warning.id).orderBy('published_at', 'desc').orderBy('id')
  return [
    newest().where('industry', '=', warning.industry).where('kind', '=', warning.kind),
    newest().where('industry', '=', warning.industry).where('kind', '!=', warning.kind),
    newest().where('kind', '=', warning.kind).where('industry', '!=', warning.industry),
    newest().where('industry', '!=', warning.industry).where('kind', '!=', warning.kind),
  ]
}

/** Adds views counted elsewhere (in memory); ids sorted so that concurrent flushes lock rows in one order. */
export async function addViews(db: Db, views: Map<string, number>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const id of [...views.keys()].sort()) {
      await trx
        .updateTable('warnings')
        .set({ view_count: sql<number>`view_count + ${views.get(id)!}` })
        .where('id', '=', id)
        .execute()
    }
  })
}

export function findWarning(db: Db, id: string) {
  return db.selectFrom('warnings').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findSummariesByIds(db: Db, ids: string[]): Promise<WarningSummaryRow[]> {
  if (ids.length === 0) return Promise.resolve([])
  return db.selectFrom('warnings').select(SUMMARY_COLUMNS).where('id', 'in', ids).execute()
}

export interface StaffWarningFilter {
  status?: WarningStatus
  q?: string
}

export async function listForStaff(db: Db, filter: StaffWarningFilter, page: { offset: number; limit: number }) {
  const base = () => {
    let query = db.selectFrom('warnings')
    if (filter.status) query = query.where('status', '=', filter.status)
    const q = filter.q?.trim()
    if (q) query = query.where(sql<boolean>`lower(title) like ${likeContains(q.toLowerCase())} escape '\\'`)
    return query
  }
  const [rows, count] = await Promise.all([
    base().selectAll().orderBy('updated_at', 'desc').orderBy('id').offset(page.offset).limit(page.limit).execute(),
    base()
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}
