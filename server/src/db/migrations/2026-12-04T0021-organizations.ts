import { sql, type Kysely } from 'kysely'
import { addNumericChecks, dropNumericChecks, type NumericRule } from './2026-12-03T0007-numeric-checks'

// Frozen in time once shipped: add a new migration instead of editing.
// The association network (issue #15): organizations in a tree, stations, alliances, staff
// memberships, and the organization holding each complaint. A deployment that had one association
// keeps working: the default organization below is the top of the tree and holds all its data.

export const RULES: NumericRule[] = [
  ['organizations', 'depth', 'integer', 0, 16],
  ['staff_memberships', 'can_manage', 'integer', 0, 1],
  ['staff_memberships', 'can_mediate', 'integer', 0, 1],
]

export const DEFAULT_ORGANIZATION_ID = 'org-default'
const DEFAULT_PATH = `/${DEFAULT_ORGANIZATION_ID}/`

const OPEN_LIST = `('submitted', 'enterprise_handling', 'enterprise_proposed', 'awaiting_review', 'accepted', 'mediating', 'mediated', 'mediation_failed')`
const DUE = sql.raw(`coalesce(due_at, '9999-12-31T23:59:59.999Z')`)
const RANK = sql.raw(`case when status in ${OPEN_LIST} then 0 else 1 end`)

export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter.constructor.name.startsWith('Sqlite')
  // Paths are compared as byte strings ('/a/b/' ≤ x < '/a/b0' is the subtree of /a/b/): PostgreSQL
  // must not sort them by a language collation that ignores the slashes.
  const bytewise = sqlite ? sql`` : sql`collate "C"`

  await db.schema
    .createTable('organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parent_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('level', 'text', (c) => c.notNull())
    // GB/T 2260: province 2 digits, city 4, county 6; null for the default organization until set.
    .addColumn('region_code', 'text')
    .addColumn('name', 'text', (c) => c.notNull().unique())
    // '/<root id>/<child id>/…/<own id>/': "this organization and everything below" is a path range.
    .addColumn('path', 'text', (c) => c.notNull().unique().modifyEnd(bytewise))
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('organizations_parent').on('organizations').columns(['parent_id', 'name']).execute()
  // Jurisdiction: the organizations whose code is one of a business's 2/4/6-digit prefixes.
  await db.schema.createIndex('organizations_region').on('organizations').columns(['region_code', 'depth']).execute()

  await db.schema
    .createTable('organization_stations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('organization_stations_name', ['organization_id', 'name'])
    .execute()

  // Alliances are symmetric; each pair is stored once with the smaller id first.
  await db.schema
    .createTable('organization_alliances')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('organization_alliances_pk', ['organization_id', 'partner_id'])
    .execute()
  await db.schema.createIndex('organization_alliances_partner').on('organization_alliances').columns(['partner_id', 'organization_id']).execute()

  // A staff member belongs to exactly one organization (optionally working at one of its stations).
  await db.schema
    .createTable('staff_memberships')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('station_id', 'text', (c) => c.references('organization_stations.id'))
    .addColumn('can_manage', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('can_mediate', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('staff_memberships_organization').on('staff_memberships').columns(['organization_id', 'user_id']).execute()

  await db.schema.alterTable('complaints').addColumn('organization_id', 'text', (c) => c.references('organizations.id')).execute()
  // The holding organization's path, copied so that a subtree is a range on the complaint itself.
  await db.schema.alterTable('complaints').addColumn('organization_path', 'text', (c) => c.modifyEnd(bytewise)).execute()
  // An organization without children (a county) reads its queue from these, in queue order.
  await sql`create index complaints_org_open_queue on complaints (organization_id, (${RANK}), ${DUE}, created_at, id)`.execute(db)
  await sql`create index complaints_org_status_queue on complaints (organization_id, status, ${DUE}, created_at, id)`.execute(db)

  await addNumericChecks(db, RULES)

  const at = '2026-12-04T00:21:00.000Z'
  await db
    .insertInto('organizations')
    .values({ id: DEFAULT_ORGANIZATION_ID, parent_id: null, level: 'province', region_code: null, name: '消费者协会', path: DEFAULT_PATH, depth: 0, created_at: at })
    .execute()
  await sql`update complaints set organization_id = ${DEFAULT_ORGANIZATION_ID}, organization_path = ${DEFAULT_PATH}`.execute(db)
  await sql`
    insert into staff_memberships (user_id, organization_id, station_id, can_manage, can_mediate, created_at)
    select id, ${DEFAULT_ORGANIZATION_ID}, null, 1, 1, ${at} from users where role = 'staff'`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropNumericChecks(db, RULES)
  await db.schema.dropIndex('complaints_org_status_queue').execute()
  await db.schema.dropIndex('complaints_org_open_queue').execute()
  await db.schema.alterTable('complaints').dropColumn('organization_path').execute()
  await db.schema.alterTable('complaints').dropColumn('organization_id').execute()
  await db.schema.dropTable('staff_memberships').execute()
  await db.schema.dropTable('organization_alliances').execute()
  await db.schema.dropTable('organization_stations').execute()
  await db.schema.dropTable('organizations').execute()
}
