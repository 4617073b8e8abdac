import { randomUUID } from 'node:crypto'
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely'
import type { Db } from '../../db/database'
import type { EnterpriseTable } from '../../db/schema'
import type { Industry } from '../../../../src/contract/complaint-rules'

export type EnterpriseRow = Selectable<EnterpriseTable>

export interface EnterpriseFilter {
  q?: string
  province?: string
  city?: string
  industry?: Industry
  odr?: boolean
}

/** `%` and `_` typed by a user are letters, not wildcards. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/**
 * Name search is a plain LIKE '%term%': it finds Chinese substrings of any length (健身, 超) on both
 * SQLite and PostgreSQL, and a directory of a few thousand names scans in well under a millisecond.
 * lower() on both sides makes Latin letters case-blind (SQLite's LIKE already is, PostgreSQL's is not).
 */
function filtered(db: Db, filter: EnterpriseFilter) {
  let query = db.selectFrom('enterprises')
  const q = filter.q?.trim()
  if (q) query = query.where(sql<boolean>`lower(name) like ${likeContains(q.toLowerCase())} escape '\\'`)
  if (filter.province) query = query.where('province', '=', filter.province)
  if (filter.city) query = query.where('city', '=', filter.city)
  if (filter.industry) query = query.where('industry', '=', filter.industry)
  if (filter.odr !== undefined) query = query.where('odr', '=', filter.odr ? 1 : 0)
  return query
}

/** ODR members first (a consumer looking for a business gets the faster path on top), then by name, then id. */
export async function searchEnterprises(db: Db, filter: EnterpriseFilter, page: { offset: number; limit: number }) {
  const [rows, count] = await Promise.all([
    filtered(db, filter).selectAll().orderBy('odr', 'desc').orderBy('name').orderBy('id').offset(page.offset).limit(page.limit).execute(),
    filtered(db, filter)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

export function findEnterprise(db: Db, id: string) {
  return db.selectFrom('enterprises').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findEnterpriseNamed(db: Db, name: string) {
  return db.selectFrom('enterprises').selectAll().where('name', '=', name).executeTakeFirst()
}

export async function createEnterprise(db: Db, values: Omit<Insertable<EnterpriseTable>, 'id'>): Promise<EnterpriseRow> {
  const id = randomUUID()
  await db.insertInto('enterprises').values({ ...values, id }).execute()
  return (await findEnterprise(db, id))!
}

export async function updateEnterprise(db: Db, id: string, values: Updateable<EnterpriseTable>) {
  await db.updateTable('enterprises').set(values).where('id', '=', id).execute()
}
