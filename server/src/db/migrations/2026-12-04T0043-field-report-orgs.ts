import { sql, type Kysely } from 'kysely'
import { coveringCodes, regionCodeOf } from '../../modules/organizations/regions'

// Frozen in time once shipped: add a new migration instead of editing.
// Field reports belong to an organization, as complaints do (issue #15): the one covering the
// business's region (the most specific: a county before its city before its province), else the
// top. Its staff and those above it review the report; a sibling never sees it.
// The region lookup is the GB/T 2260 table (pure data); the organization query is written out here.

const DEFAULT_ORGANIZATION_ID = 'org-default'

async function organizationOf(db: Kysely<any>, region: string | null): Promise<{ id: string; path: string } | undefined> {
  const code = regionCodeOf(region)
  if (!code) return undefined
  return db
    .selectFrom('organizations')
    .select(['id', 'path'])
    .where('region_code', 'in', coveringCodes(code))
    .orderBy((eb) => eb.fn('length', ['region_code']), 'desc')
    .orderBy('depth', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst()
}

export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter.constructor.name.startsWith('Sqlite')
  // Compared as byte strings, like complaints.organization_path (a subtree is a range of paths).
  const bytewise = sqlite ? sql`` : sql`collate "C"`
  await db.schema.alterTable('field_reports').addColumn('organization_id', 'text', (c) => c.references('organizations.id')).execute()
  await db.schema.alterTable('field_reports').addColumn('organization_path', 'text', (c) => c.modifyEnd(bytewise)).execute()
  // An organization without children (a county) lists its reports newest first from this index.
  await db.schema.createIndex('field_reports_org_created').on('field_reports').columns(['organization_id', 'created_at', 'id']).execute()

  // Existing reports go where a new one from the same region would go: one update per distinct region.
  const regions = await db.selectFrom('field_reports').select('region').distinct().where('region', 'is not', null).execute()
  for (const { region } of regions as Array<{ region: string }>) {
    const organization = await organizationOf(db, region)
    if (!organization) continue
    await db.updateTable('field_reports').set({ organization_id: organization.id, organization_path: organization.path }).where('region', '=', region).execute()
  }
  const top = await db.selectFrom('organizations').select('path').where('id', '=', DEFAULT_ORGANIZATION_ID).executeTakeFirstOrThrow()
  await db
    .updateTable('field_reports')
    .set({ organization_id: DEFAULT_ORGANIZATION_ID, organization_path: top.path })
    .where('organization_id', 'is', null)
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('field_reports_org_created').execute()
  await db.schema.alterTable('field_reports').dropColumn('organization_path').execute()
  await db.schema.alterTable('field_reports').dropColumn('organization_id').execute()
}
