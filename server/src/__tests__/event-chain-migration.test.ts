import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'
import { CHAIN_START, chainedEvent, chainHash } from '../modules/evidence-package/event-chain'
import { insertUser } from '../modules/users/user.repository'
import { withUnmigratedDatabase } from './support/migration-database'
import { TEST_DB } from './support/test-app'

describe(`events written before the hash chain are chained by the migration (${TEST_DB})`, () => {
  test('in timeline order, with the same hashes the live code computes (the migration keeps a frozen copy)', async () => {
    await withUnmigratedDatabase(async (db, migrator) => {
      assert.equal((await migrator.migrateTo('2026-12-04T0027-organization-rule-family')).error, undefined)
      const consumer = await insertUser(db, { phone: '13688000002', role: 'consumer', displayName: '老用户' })
      const id = randomUUID()
      const at = (minute: number) => `2026-11-30T08:${String(minute).padStart(2, '0')}:00.000Z`
      await db
        .insertInto('complaints')
        .values({ id, number: 'WQ2026113000001', consumer_id: consumer.id, status: 'accepted', path: 'association', enterprise_id: null, business_name: '老店', industry: 'food', incident_date: '2026-11-01', amount_fen: 500, description: '旧数据', demands: '[]', contact_phone: '13688000002', consent_at: at(0), idempotency_key: 'k', request_hash: 'h', created_at: at(0), updated_at: at(2) } as never)
        .execute()
      // Written out of order, two in the same millisecond: the chain follows (created_at, id).
      const events = [
        { id: 'e-3', type: 'accept', actor_role: 'staff', note: '予以受理', from_status: 'awaiting_review', to_status: 'accepted', created_at: at(2), data: null },
        { id: 'e-1', type: 'submitted', actor_role: 'consumer', note: null, from_status: null, to_status: 'awaiting_review', created_at: at(0), data: null },
        { id: 'e-2b', type: 'message', actor_role: 'consumer', note: '补充：发票在这里', from_status: 'awaiting_review', to_status: 'awaiting_review', created_at: at(1), data: '{"a":1}' },
        { id: 'e-2a', type: 'message', actor_role: 'consumer', note: '第一句', from_status: 'awaiting_review', to_status: 'awaiting_review', created_at: at(1), data: null },
      ]
      for (const event of events) {
        await db.insertInto('complaint_events').values({ ...event, complaint_id: id, actor_id: event.actor_role === 'consumer' ? consumer.id : null } as never).execute()
      }
      const migrated = await migrator.migrateToLatest()
      assert.equal(migrated.error, undefined, String(migrated.error))

      const rows = await db.selectFrom('complaint_events').selectAll().where('complaint_id', '=', id).orderBy('seq').execute()
      assert.deepEqual(rows.map((row) => [row.id, Number(row.seq)]), [['e-1', 1], ['e-2a', 2], ['e-2b', 3], ['e-3', 4]])
      let previous = CHAIN_START
      for (const row of rows) {
        previous = chainHash(previous, chainedEvent(row, Number(row.seq)))
        assert.equal(row.chain_hash, previous, row.id)
      }
    })
  })
})
