import { sql, type Kysely } from 'kysely'

// Frozen in time once shipped: add a new migration instead of editing.
// Named alliances of organizations across regions (issue #15, e.g. 环太湖毗邻城市消费维权联盟).
// Migration 0021 kept alliances as symmetric pairs (organization_alliances); an alliance has a name
// and any number of members, which pairs cannot say without n² rows and no name, and nothing used
// the pairs yet: each stored pair becomes a two-member alliance and the pair table goes. No numeric
// columns here, so no CHECK rules.

export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter.constructor.name.startsWith('Sqlite')
  const bytewise = sqlite ? sql`` : sql`collate "C"`

  await db.schema
    .createTable('alliances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('alliance_members')
    .addColumn('alliance_id', 'text', (c) => c.notNull().references('alliances.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('alliance_members_pk', ['alliance_id', 'organization_id'])
    .execute()
  // "Which alliances is this organization in": by organization.
  await db.schema.createIndex('alliance_members_organization').on('alliance_members').columns(['organization_id', 'alliance_id']).execute()

  // Every case moved across an alliance (联盟移送): the per-alliance list, newest first.
  await db.schema
    .createTable('alliance_transfers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alliance_id', 'text', (c) => c.notNull().references('alliances.id'))
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('from_organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('to_organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('alliance_transfers_list').on('alliance_transfers').columns(['alliance_id', 'created_at', 'id']).execute()

  // The path of the organization that last sent the case across an alliance: it (and those above it)
  // keep reading the case the partner now holds. Null for a case that never crossed; the partial
  // index stays as small as the cases that did.
  await db.schema.alterTable('complaints').addColumn('alliance_sender_path', 'text', (c) => c.modifyEnd(bytewise)).execute()
  await sql`create index complaints_alliance_sender on complaints (alliance_sender_path) where alliance_sender_path is not null`.execute(db)

  const pairs = await db.selectFrom('organization_alliances as a').innerJoin('organizations as o', 'o.id', 'a.organization_id').innerJoin('organizations as p', 'p.id', 'a.partner_id').select(['a.organization_id', 'a.partner_id', 'a.created_at', 'o.name as oname', 'p.name as pname']).execute()
  for (const pair of pairs) {
    const id = `alliance-${pair.organization_id}-${pair.partner_id}`
    await db.insertInto('alliances').values({ id, name: `${pair.oname}、${pair.pname}联盟`, created_at: pair.created_at }).execute()
    for (const member of [pair.organization_id, pair.partner_id]) await db.insertInto('alliance_members').values({ alliance_id: id, organization_id: member, created_at: pair.created_at }).execute()
  }
  await db.schema.dropTable('organization_alliances').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organization_alliances')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('organization_alliances_pk', ['organization_id', 'partner_id'])
    .execute()
  await db.schema.createIndex('organization_alliances_partner').on('organization_alliances').columns(['partner_id', 'organization_id']).execute()
  await db.schema.dropIndex('complaints_alliance_sender').execute()
  await db.schema.alterTable('complaints').dropColumn('alliance_sender_path').execute()
  await db.schema.dropTable('alliance_transfers').execute()
  await db.schema.dropTable('alliance_members').execute()
  await db.schema.dropTable('alliances').execute()
}
