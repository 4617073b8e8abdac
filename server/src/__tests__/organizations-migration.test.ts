import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'
import { insertUser } from '../modules/users/user.repository'
import { withUnmigratedDatabase } from './support/migration-database'
import { TEST_DB } from './support/test-app'

describe(`a single-association deployment upgraded to the network (${TEST_DB})`, () => {
  test('its staff and complaints belong to the default (top) organization, with no configuration', async () => {
    await withUnmigratedDatabase(async (db, migrator) => {
      assert.equal((await migrator.migrateTo('2026-12-03T0020-rule-sets')).error, undefined)
      const staff = await insertUser(db, { phone: '13688000001', role: 'staff', displayName: '老工作人员' })
      const consumer = await insertUser(db, { phone: '13688000002', role: 'consumer', displayName: '老用户' })
      const now = new Date().toISOString()
      const id = randomUUID()
      await db
        .insertInto('complaints')
        .values({ id, number: 'WQ2026010100001', consumer_id: consumer.id, status: 'awaiting_review', path: 'association', enterprise_id: null, business_name: '老店', industry: 'food', incident_date: '2026-01-01', amount_fen: 500, description: '旧数据', demands: '[]', contact_phone: '13688000002', consent_at: now, idempotency_key: 'k', request_hash: 'h', created_at: now, updated_at: now } as never)
        .execute()
      const after = await migrator.migrateToLatest()
      assert.equal(after.error, undefined, String(after.error))

      const top = await db.selectFrom('organizations').selectAll().executeTakeFirstOrThrow()
      assert.deepEqual({ id: top.id, parent: top.parent_id, path: top.path, depth: Number(top.depth) }, { id: 'org-default', parent: null, path: '/org-default/', depth: 0 })
      const complaint = await db.selectFrom('complaints').select(['organization_id', 'organization_path']).where('id', '=', id).executeTakeFirstOrThrow()
      assert.deepEqual(complaint, { organization_id: 'org-default', organization_path: '/org-default/' })
      const membership = await db.selectFrom('staff_memberships').selectAll().where('user_id', '=', staff.id).executeTakeFirstOrThrow()
      assert.equal(membership.organization_id, 'org-default')
      assert.equal(Number(membership.can_manage), 1)
      assert.equal(await db.selectFrom('staff_memberships').select('user_id').where('user_id', '=', consumer.id).executeTakeFirst(), undefined)
    })
  })
})
