import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { test } from 'node:test'
import { Migrator, sql } from 'kysely'
import { openDatabase } from '../db/database'
import { migrations } from '../db/migrations'
import { insertUser } from '../modules/users/user.repository'
import { rollupsFromScratch, rollupsInDatabase } from './support/rollups-from-scratch'
import { TEST_DB } from './support/test-app'

// Complaints filed before migration 0017 are counted by its backfill, and changes after it by the triggers.
test(`the rollup migration counts the complaints already there (${TEST_DB})`, async () => {
  const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'
  const schema = TEST_DB === 'postgres' ? `t_${randomUUID().replace(/-/g, '').slice(0, 16)}` : undefined
  if (schema) {
    const admin = openDatabase({ databaseUrl: url })
    await sql`create schema ${sql.id(schema)}`.execute(admin.db)
    await admin.close()
  }
  const { db, close } = schema ? openDatabase({ databaseUrl: url, pgSchema: schema }) : openDatabase({ sqliteFile: ':memory:' })
  try {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(schema ? { migrationTableSchema: schema } : {}) })
    assert.equal((await migrator.migrateTo('2026-12-03T0014-retention-access-log')).error, undefined)
    const user = await insertUser(db, { phone: '13687000011', role: 'consumer', displayName: '老用户' })
    const enterpriseId = randomUUID()
    await db.insertInto('enterprises').values({ id: enterpriseId, name: '老企业', credit_code: null, created_at: new Date().toISOString() }).execute()
    const statuses = ['submitted', 'accepted', 'mediated', 'closed', 'resolved'] as const
    for (let i = 0; i < 60; i++) {
      const created = new Date(Date.parse('2026-01-31T15:00:00.000Z') + i * 7 * 3600_000).toISOString()
      await db
        .insertInto('complaints')
        .values({ id: randomUUID(), number: `WQ${i}`, consumer_id: user.id, status: statuses[i % 5]!, path: i % 2 ? 'odr' : 'association', enterprise_id: i % 3 ? enterpriseId : null, business_name: `店${i % 4}`, industry: i % 2 ? 'food' : 'travel', incident_date: '2026-01-01', amount_fen: 500, description: '旧数据', demands: '[]', contact_phone: '13687000011', consent_at: created, idempotency_key: `k${i}`, request_hash: 'h', created_at: created, updated_at: created, recovered_amount_fen: i % 4 ? 100 * i : null, rating: i % 5 === 4 ? 1 + (i % 5) : null, first_response_at: i % 2 ? new Date(Date.parse(created) + i * 60_000).toISOString() : null, due_at: i % 5 < 2 ? created : null, due_kind: i % 5 < 2 ? 'review' : null } as never)
        .execute()
    }
    const all = () => db.selectFrom('complaints').selectAll().execute()
    assert.equal((await migrator.migrateToLatest()).error, undefined)
    const counted = await rollupsInDatabase(db)
    assert.ok(counted.complaint.length > 0 && counted.figures.length > 0 && counted.responses.length > 0 && counted.due.length > 0)
    assert.deepEqual(counted, rollupsFromScratch(await all()))
    await db.updateTable('complaints').set({ status: 'closed', due_at: null, due_kind: null }).where('status', '=', 'accepted').execute()
    await db.deleteFrom('complaints').where('number', '=', 'WQ7').execute()
    assert.deepEqual(await rollupsInDatabase(db), rollupsFromScratch(await all()))
    // 已引导 (migration 2026-12-04T0022): a status of its own in the rollups, out of the open deadlines.
    await db.updateTable('complaints').set({ status: 'referred', referred_to: 'telecom_appeal', due_at: null, due_kind: null }).where('status', '=', 'submitted').execute()
    const afterReferral = await rollupsInDatabase(db)
    assert.ok(afterReferral.complaint.some((line) => line.includes('|referred|')))
    assert.deepEqual(afterReferral, rollupsFromScratch(await all()))
  } finally {
    await close()
    if (schema) {
      const admin = openDatabase({ databaseUrl: url })
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.db)
      await admin.close()
    }
  }
})
