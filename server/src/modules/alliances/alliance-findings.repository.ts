import type { Insertable } from 'kysely'
import type { Db } from '../../db/database'
import type { AllianceFindingTable } from '../../db/schema-organizations'
import type { TimePosition } from '../../time-cursor'

export async function insertFinding(db: Db, row: Insertable<AllianceFindingTable>): Promise<void> {
  await db.insertInto('alliance_findings').values(row).execute()
}

function findingsWithRefs(db: Db) {
  return db
    .selectFrom('alliance_findings as f')
    .innerJoin('alliances as a', 'a.id', 'f.alliance_id')
    .innerJoin('organizations as o', 'o.id', 'f.organization_id')
    .leftJoin('complaint_groups as g', 'g.id', 'f.group_id')
    .leftJoin('warnings as w', (join) => join.onRef('w.id', '=', 'f.warning_id').on('w.status', '=', 'published'))
    .select([
      'f.id',
      'f.alliance_id',
      'a.name as alliance_name',
      'f.organization_id',
      'o.name as organization_name',
      'f.business_name',
      'f.enterprise_id',
      'f.region',
      'f.pattern',
      'f.complaint_count',
      'f.amount_fen',
      'f.created_at',
      'g.id as group_id',
      'g.status as group_status',
      'g.member_count as group_member_count',
      'w.id as warning_id',
      'w.title as warning_title',
    ])
}
export type FindingRow = Awaited<ReturnType<ReturnType<typeof findingsWithRefs>['execute']>>[number]

/** One page of the alliance's findings, newest first (index alliance_findings_feed). */
export function findingFeedQuery(db: Db, allianceId: string, after: TimePosition | null, limit: number) {
  let query = findingsWithRefs(db).where('f.alliance_id', '=', allianceId)
  if (after) {
    query = query.where((eb) => eb.or([eb('f.created_at', '<', after.createdAt), eb.and([eb('f.created_at', '=', after.createdAt), eb('f.id', '<', after.id)])]))
  }
  return query.orderBy('f.created_at', 'desc').orderBy('f.id', 'desc').limit(limit)
}

/** The findings about one business in these alliances, newest first (index alliance_findings_business). */
export function findingsAboutQuery(db: Db, businessKey: string, allianceIds: readonly string[], limit: number) {
  return findingsWithRefs(db).where('f.business_key', '=', businessKey).where('f.alliance_id', 'in', [...allianceIds]).orderBy('f.created_at', 'desc').limit(limit)
}

export function findFindingById(db: Db, id: string) {
  return findingsWithRefs(db).where('f.id', '=', id).executeTakeFirst()
}
