import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { test } from 'node:test'
import { Migrator, sql } from 'kysely'
import { openDatabase, type Db } from '../db/database'
import { migrations } from '../db/migrations'
import { insertUser } from '../modules/users/user.repository'
import { rollupsFromScratch, rollupsInDatabase } from './support/rollups-from-scratch'
import { TEST_DB } from './support/test-app'

/** A fresh in-memory SQLite or PostgreSQL schema, with a migrator over every migration; dropped afterwards. */
async function withScratchDatabase(run: (db: Db, migrator: Migrator) => Promise<void>): Promise<void> {
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
    await run(db, migrator)
  } finally {
    await close()
    if (schema) {
      const admin = openDatabase({ databaseUrl: url })
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.db)
      await admin.close()
    }
  }
}

// Complaints filed before migration 0017 are counted by its backfill, and changes after it by the triggers.
test(`the rollup migration counts the complaints already there (${TEST_DB})`, () =>
  withScratchDatabase(async (db, migrator) => {
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
    // Per organization path: complaints, recovered amounts, complaints per business, open ones with a deadline.
    const perOrganizationInRollups = async () => {
      const sums = await sql<{ p: string; k: string; v: number | string }>`
        select organization_path as p, 'complaints' as k, sum(n) as v from org_complaint_rollups where grain = 'day' group by organization_path
        union all select organization_path, 'months', sum(n) from org_complaint_rollups where grain = 'month' group by organization_path
        union all select organization_path, 'recovered', sum(recovered_fen) from org_complaint_rollups where grain = 'month' group by organization_path
        union all select organization_path, 'businesses', sum(n) from org_business_rollups where grain = 'month' group by organization_path
        union all select organization_path, 'due', sum(n) from org_open_due_rollups group by organization_path`.execute(db)
      return sums.rows.map((row) => [row.p, row.k, Number(row.v)] as const).filter((row) => row[2] > 0).sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`))
    }
    const perOrganizationFromScratch = async () => {
      const counts = new Map<string, number>()
      const add = (p: string, k: string, v: number) => counts.set(`${p}\t${k}`, (counts.get(`${p}\t${k}`) ?? 0) + v)
      for (const row of await all()) {
        const p = row.organization_path ?? ''
        for (const k of ['complaints', 'months', 'businesses']) add(p, k, 1)
        add(p, 'recovered', Number(row.recovered_amount_fen ?? 0))
        if (row.due_at && ['submitted', 'enterprise_handling', 'enterprise_proposed', 'awaiting_review', 'accepted', 'mediating', 'mediated', 'mediation_failed'].includes(row.status)) add(p, 'due', 1)
      }
      return [...counts].map(([key, v]) => [...(key.split('\t') as [string, string]), v] as const).filter((row) => row[2] > 0).sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`))
    }
    assert.equal((await migrator.migrateToLatest()).error, undefined)
    const counted = await rollupsInDatabase(db)
    assert.ok(counted.complaint.length > 0 && counted.figures.length > 0 && counted.responses.length > 0 && counted.due.length > 0)
    assert.deepEqual(counted, rollupsFromScratch(await all()))
    assert.deepEqual(await perOrganizationInRollups(), await perOrganizationFromScratch())
    await db.updateTable('complaints').set({ status: 'closed', due_at: null, due_kind: null }).where('status', '=', 'accepted').execute()
    await db.deleteFrom('complaints').where('number', '=', 'WQ7').execute()
    // As a transfer does: the case moves to another organization's path, and its counts with it.
    await db.updateTable('complaints').set({ organization_path: '/elsewhere/' }).where('number', 'in', ['WQ1', 'WQ2', 'WQ5']).execute()
    assert.deepEqual(await rollupsInDatabase(db), rollupsFromScratch(await all()))
    // 已引导 (migration 2026-12-04T0022): a status of its own in the rollups, out of the open deadlines.
    await db.updateTable('complaints').set({ status: 'referred', referred_to: 'telecom_appeal', due_at: null, due_kind: null }).where('status', '=', 'submitted').execute()
    const afterReferral = await rollupsInDatabase(db)
    assert.ok(afterReferral.complaint.some((line) => line.includes('|referred|')))
    assert.deepEqual(afterReferral, rollupsFromScratch(await all()))
    const moved = await perOrganizationInRollups()
    assert.deepEqual(moved, await perOrganizationFromScratch())
    assert.equal(moved.filter((row) => row[0] === '/elsewhere/' && row[1] === 'complaints').reduce((sum, row) => sum + row[2], 0), 3)
  }))

// Migration 0032: the mediation outcome and the first late step come from the timeline, and the figure rollups count what was there.
test(`the figures migration counts the complaints already there (${TEST_DB})`, () =>
  withScratchDatabase(async (db, migrator) => {
    assert.equal((await migrator.migrateTo('2026-12-04T0027-organization-rule-family')).error, undefined)
    const user = await insertUser(db, { phone: '13687000012', role: 'consumer', displayName: '老用户' })
    const statuses = ['closed', 'closed', 'resolved', 'accepted', 'rejected', 'referred'] as const
    for (let i = 0; i < 36; i++) {
      const created = new Date(Date.parse('2026-01-31T15:00:00.000Z') + i * 11 * 3600_000).toISOString()
      const id = randomUUID()
      const status = statuses[i % 6]!
      await db
        .insertInto('complaints')
        .values({ id, number: `WQF${i}`, consumer_id: user.id, status, path: 'association', enterprise_id: null, business_name: '店', industry: i % 2 ? 'food' : 'travel', incident_date: '2026-01-01', amount_fen: 500, description: '旧数据', demands: '[]', contact_phone: '13687000012', consent_at: created, idempotency_key: `f${i}`, request_hash: 'h', created_at: created, updated_at: created, accepted_at: i % 3 ? created : null, recovered_amount_fen: i % 6 === 0 ? 1000 + i : null, proposal_amount_fen: i % 6 === 2 ? 300 : null, organization_path: i % 4 ? '/org-default/' : '/org-default/x/' } as never)
        .execute()
      const event = (type: string) => ({ id: randomUUID(), complaint_id: id, type, actor_id: null, actor_role: 'staff', note: null, from_status: 'mediating', to_status: 'mediated', created_at: created, data: null })
      if (i % 6 === 0) await db.insertInto('complaint_events').values(event('mediation_succeeded') as never).execute()
      if (i % 6 === 1) await db.insertInto('complaint_events').values(event('mediation_failed') as never).execute()
      if (i % 5 === 0) await db.insertInto('complaint_events').values(event('overdue') as never).execute()
    }
    assert.equal((await migrator.migrateToLatest()).error, undefined)
    const rows = await db.selectFrom('complaints').select(['number', 'status', 'mediation_result', 'late_at', 'accepted_at', 'recovered_amount_fen', 'proposal_amount_fen', 'organization_path']).execute()
    const n = (i: number) => rows.find((row) => row.number === `WQF${i}`)!
    assert.deepEqual([n(0).mediation_result, n(1).mediation_result, n(2).mediation_result], ['succeeded', 'failed', null])
    assert.ok(n(5).late_at && !n(1).late_at)
    const inRollups = await sql<{ p: string; received: string; accepted: string; closed: string; on_time: string; mediated: string; ended: string; fen: string }>`
      select organization_path as p, sum(received) as received, sum(accepted) as accepted, sum(closed) as closed, sum(closed_on_time) as on_time,
        sum(mediation_succeeded) as mediated, sum(mediation_ended) as ended, sum(recovered_fen) as fen
      from org_figure_rollups where grain = 'day' group by organization_path order by organization_path`.execute(db)
    const expected = ['/org-default/', '/org-default/x/'].map((p) => {
      const of = rows.filter((row) => row.organization_path === p)
      const closed = of.filter((row) => ['resolved', 'rejected', 'withdrawn', 'closed'].includes(row.status))
      return {
        p,
        received: of.length,
        accepted: of.filter((row) => row.accepted_at).length,
        closed: closed.length,
        on_time: closed.filter((row) => !row.late_at).length,
        mediated: of.filter((row) => row.mediation_result === 'succeeded').length,
        ended: of.filter((row) => row.mediation_result).length,
        fen: of.reduce((sum, row) => sum + (row.mediation_result === 'succeeded' ? Number(row.recovered_amount_fen ?? 0) : row.status === 'resolved' ? Number(row.proposal_amount_fen ?? 0) : 0), 0),
      }
    })
    assert.deepEqual(inRollups.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, k === 'p' ? v : Number(v)]))), expected)
    assert.equal((await migrator.migrateDown()).error, undefined)
  }))
