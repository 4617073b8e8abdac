import { sql, type Selectable } from 'kysely'
import type { Industry } from '../../../../src/contract/complaint-rules'
import type { WarningKind, WarningStatus } from '../../../../src/contract/warning-kinds'
import type { Db } from '../../db/database'
import type { WarningTable } from '../../db/schema-warnings'
import { likeContains } from '../enterprises/enterprises.repository'

export type WarningRow = Selectable<WarningTable>

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
  return filteredPublic(db, now, filter)
    .selectAll()
    .where('urgent', '=', 1)
    .orderBy('published_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute()
}

export async function listPublic(db: Db, now: Date, filter: PublicWarningFilter, except: string[], page: { offset: number; limit: number }) {
  const base = () => {
    const query = filteredPublic(db, now, filter)
    return except.length > 0 ? query.where('id', 'not in', except) : query
  }
  const [rows, count] = await Promise.all([
    base().selectAll().orderBy('published_at', 'desc').orderBy('id').offset(page.offset).limit(page.limit).execute(),
    base()
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

/** Counts the view and returns the warning in one step; undefined when it is not public. */
export async function viewPublic(db: Db, id: string, now: Date): Promise<WarningRow | undefined> {
  const counted = await db
    .updateTable('warnings')
    .set({ view_count: sql<number>`view_count + 1` })
    .where('id', '=', id)
    .where('status', '=', 'published')
    .where('published_at', '<=', now.toISOString())
    .executeTakeFirst()
  if (Number(counted.numUpdatedRows) !== 1) return undefined
  return findWarning(db, id)
}

/** Same industry first, then same kind, newest first. */
export function relatedPublic(db: Db, warning: WarningRow, now: Date, limit: number) {
  return publicWarnings(db, now)
    .selectAll()
    .where('id', '!=', warning.id)
    .orderBy(sql`case when industry = ${warning.industry} then 0 else 1 end`)
    .orderBy(sql`case when kind = ${warning.kind} then 0 else 1 end`)
    .orderBy('published_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute()
}

export function findWarning(db: Db, id: string) {
  return db.selectFrom('warnings').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findWarningsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([])
  return db.selectFrom('warnings').selectAll().where('id', 'in', ids).execute()
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
