import type { Selectable } from 'kysely'
import type { Db } from '../../db/database'
import type { BadFaithFindingTable } from '../../db/schema-bad-faith-findings'
import { subtreeEnd } from '../organizations/organization-scope'

export type FindingRow = Selectable<BadFaithFindingTable>

const LIST_MAX = 50

export function findFinding(db: Db, id: string) {
  return db.selectFrom('bad_faith_findings').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Staff: the findings proposed in an organization and those below it, newest first (bad_faith_findings_organization). */
export function organizationFindingsQuery(db: Db, path: string) {
  return db
    .selectFrom('bad_faith_findings')
    .selectAll()
    .where('organization_path', '>=', path)
    .where('organization_path', '<', subtreeEnd(path))
    // A subtree's findings are few: sorted after the index finds them.
    .orderBy('created_at', 'desc')
    .limit(LIST_MAX)
}

/** An enterprise's findings, newest first (bad_faith_findings_enterprise): its liaisons see all, the public the published. */
export function enterpriseFindingsQuery(db: Db, enterpriseId: string) {
  return db.selectFrom('bad_faith_findings').selectAll().where('enterprise_id', '=', enterpriseId).orderBy('created_at', 'desc').limit(LIST_MAX)
}

/** The public list: published and not yet expired, newest first (bad_faith_findings_public). */
export function publicFindingsQuery(db: Db, now: string) {
  return db
    .selectFrom('bad_faith_findings')
    .selectAll()
    .where('status', '=', 'published')
    .where('expires_at', '>', now)
    .orderBy('status')
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(LIST_MAX)
}

/** Complaints about the enterprise, newest first (complaints_enterprise_created); the caller keeps those its organization holds. */
export function enterpriseCasesQuery(db: Db, enterpriseId: string, path: string | null) {
  let query = db.selectFrom('complaints').select(['id', 'number', 'status', 'created_at', 'organization_path']).where('enterprise_id', '=', enterpriseId)
  if (path !== null) query = query.where('organization_path', '>=', path).where('organization_path', '<', subtreeEnd(path))
  return query.orderBy('created_at', 'desc').limit(LIST_MAX)
}

export function casesOfFindings(db: Db, findingIds: readonly string[]) {
  if (findingIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('bad_faith_finding_cases as fc')
    .innerJoin('complaints as c', 'c.id', 'fc.complaint_id')
    .select(['fc.finding_id', 'c.id', 'c.number', 'c.status', 'c.created_at'])
    .where('fc.finding_id', 'in', [...findingIds])
    .execute()
}

export function photosOfFindings(db: Db, findingIds: readonly string[]) {
  if (findingIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('bad_faith_finding_photos as p')
    .innerJoin('evidence as e', 'e.id', 'p.evidence_id')
    .selectAll('e')
    .select(['p.finding_id', 'p.position as photo_position'])
    .where('p.finding_id', 'in', [...findingIds])
    .execute()
}

/** Display names of users, by id (one query for a whole list). */
export async function userNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', unique).execute()
  return new Map(rows.map((row) => [row.id, row.display_name]))
}

export async function enterpriseNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const rows = await db.selectFrom('enterprises').select(['id', 'name']).where('id', 'in', unique).execute()
  return new Map(rows.map((row) => [row.id, row.name]))
}

export async function organizationNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const rows = await db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', unique).execute()
  return new Map(rows.map((row) => [row.id, row.name]))
}
