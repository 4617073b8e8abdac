import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import Fastify from 'fastify'
import { Migrator, sql } from 'kysely'
import { openDatabase } from '../db/database'
import { migrations } from '../db/migrations'
import { insertUser } from '../modules/users/user.repository'
import { RULES as FIRST_RULES } from '../db/migrations/2026-12-03T0007-numeric-checks'
import { RULES as COUNTER_RULES } from '../db/migrations/2026-12-03T0010-notification-seq'
import { RULES as EVIDENCE_RULES } from '../db/migrations/2026-12-03T0012-evidence-provenance'
import { RULES as WARNING_TERM_RULES } from '../db/migrations/2026-12-03T0018-warning-search-index'
import { RULES as EXPORT_RULES } from '../db/migrations/2026-12-03T0016-data-export'
import { RULES as ROLLUP_RULES } from '../db/migrations/2026-12-03T0017-daily-rollups'
import { RULES as JOB_CLAIM_RULES } from '../db/migrations/2026-12-03T0019-job-claims'
import { RULES as RULE_SET_RULES } from '../db/migrations/2026-12-03T0020-rule-sets'
import { RULES as ORGANIZATION_RULES } from '../db/migrations/2026-12-04T0021-organizations'
import { RULES as REFERRAL_RULES } from '../db/migrations/2026-12-04T0022-referrals'
import { RULES as ORG_ROLLUP_RULES } from '../db/migrations/2026-12-04T0026-org-rollups'
import { RULES as STATION_RULES } from '../db/migrations/2026-12-04T0029-stations'
import { RULES as WALK_IN_RULES } from '../db/migrations/2026-12-04T0030-walk-in-filing'
import { RULES as GROUP_RULES } from '../db/migrations/2026-12-04T0031-complaint-groups'
import { RULES as FIGURE_RULES } from '../db/migrations/2026-12-04T0032-organization-figures'
import { RULES as MEDIATION_RULES } from '../db/migrations/2026-12-04T0034-mediation-room'
import { RULES as CHAIN_RULES } from '../db/migrations/2026-12-04T0036-event-hash-chain'
import { RULES as AGREEMENT_RULES } from '../db/migrations/2026-12-04T0035-mediation-agreements'
import { RULES as GROUP_ACTION_RULES } from '../db/migrations/2026-12-04T0037-group-actions'
import { RULES as FINDING_RULES } from '../db/migrations/2026-12-04T0039-alliance-findings'
import { RULES as LAWYER_RULES } from '../db/migrations/2026-12-04T0042-lawyers-qa'
import { RULES as LEGAL_AID_RULES } from '../db/migrations/2026-12-05T0045-legal-aid'
import { RULES as QA_PRIVACY_RULES } from '../db/migrations/2026-12-05T0046-qa-privacy'
import { RULES as CREDIT_RULES } from '../db/migrations/2026-12-05T0047-credit-rankings'
import { RULES as PUBLISHED_CASE_RULES } from '../db/migrations/2026-12-05T0048-published-cases'
import { RULES as RETURN_COMMITMENT_RULES } from '../db/migrations/2026-12-05T0049-return-commitments'
import { RULES as BAD_FAITH_RULES } from '../db/migrations/2026-12-05T0050-bad-faith-findings'
import { ask, inviteLawyer, scheduleSession } from './support/lawyers'
import { createStation } from '../modules/stations/stations.service'
import { agreementApi, mediatingCase } from './support/agreements'

const RULES = [
  ...[...FIRST_RULES, ...COUNTER_RULES, ...EVIDENCE_RULES, ...WARNING_TERM_RULES, ...EXPORT_RULES, ...ROLLUP_RULES, ...JOB_CLAIM_RULES, ...RULE_SET_RULES],
  ...[...ORGANIZATION_RULES, ...REFERRAL_RULES, ...ORG_ROLLUP_RULES, ...STATION_RULES, ...WALK_IN_RULES, ...GROUP_RULES, ...FIGURE_RULES, ...MEDIATION_RULES, ...AGREEMENT_RULES, ...CHAIN_RULES, ...GROUP_ACTION_RULES, ...FINDING_RULES, ...LAWYER_RULES, ...LEGAL_AID_RULES, ...QA_PRIVACY_RULES, ...CREDIT_RULES, ...PUBLISHED_CASE_RULES, ...RETURN_COMMITMENT_RULES, ...BAD_FAITH_RULES],
]
import { errorHandler } from '../plugins/error-handler'
import { insertComplaintAbout } from './support/enterprises'
import { bearer, createTestApp, TEST_DB, type TestApp } from './support/test-app'
import { chinaToday } from '../../../src/contract/complaint-rules'
import { act, createCast, fileOdrComplaint, PROPOSAL, type Cast } from './support/workflow'
import { fileReport, makeVolunteer } from './support/volunteers'
import { insertEvidenceRows } from './support/evidence-rows'
import { addTestStation } from './support/walk-ins'

describe(`the database itself refuses bad numbers (${TEST_DB})`, () => {
  let t: TestApp
  let cast: Cast
  before(async () => {
    t = await createTestApp()
    cast = await createCast(t, '84')
    // One row in every table that has a numeric column, through the real routes where there is one.
    const filed = await fileOdrComplaint(t, cast)
    await act(t, cast.liaison.token, filed.id, 'propose', PROPOSAL)
    await act(t, cast.consumer.token, filed.id, 'accept_proposal')
    await act(t, cast.consumer.token, filed.id, 'rate', { stars: 4 })
    await t.ctx.db.updateTable('complaints').set({ recovered_amount_fen: 100 }).execute()
    const volunteer = await makeVolunteer(t, '13684000001', { ...cast.staff, phone: '' })
    await fileReport(t, volunteer)
    await insertEvidenceRows(t, cast.consumer.id, 1)
    await createStation(t.ctx.db, { organizationId: 'org-default', name: '数字检查服务站', hostKind: 'other', address: '某地某路 1 号', latitude: 30, longitude: 120, openingHours: '每天', services: ['consult'] }, t.ctx.now(), null)
    const exported = await t.app.inject({ method: 'POST', url: '/api/me/data-exports', headers: { authorization: `Bearer ${cast.consumer.token}` } })
    assert.equal(exported.statusCode, 202, exported.body)
    const now = t.ctx.now().toISOString()
    const notification = await t.ctx.db.selectFrom('notifications').select(['id', 'recipient_id']).executeTakeFirstOrThrow()
    await t.ctx.db
      .insertInto('notification_deliveries')
      .values({ id: randomUUID(), notification_id: notification.id, recipient_id: notification.recipient_id, channel: 'sms', idempotency_key: randomUUID(), status: 'pending', attempts: 0, next_attempt_at: now, lease_until: null, lease_owner: null, last_error: null, template_id: null, created_at: now, updated_at: now, sent_at: null })
      .execute()
    await t.ctx.db.insertInto('notification_preferences').values({ user_id: cast.consumer.id, type: 'complaint_status', channel: 'wechat', enabled: 1, updated_at: now }).onConflict((oc) => oc.doNothing()).execute()
    await t.ctx.db.insertInto('subscribe_quotas').values({ user_id: cast.consumer.id, template_id: 'tpl', remaining: 1, updated_at: now }).execute()
    const imageId = randomUUID()
    await t.ctx.db.insertInto('warning_images').values({ id: imageId, sha256: 'x', storage_key: 'k', width: 10, height: 10, created_by: null, created_at: now }).execute()
    const warningId = randomUUID()
    await t.ctx.db
      .insertInto('warnings')
      .values({ id: warningId, kind: 'warning', title: '标题标题', summary: '摘要摘要摘要摘要摘要', body_html: '<p>x</p>', body_text: 'x', industry: 'food', regions: '[]', cover_image_id: imageId, issuer: '消协', status: 'draft', published_at: null, urgent_notified_at: null, created_by: null, source_report_id: null, created_at: now, updated_at: now })
      .execute()
    await t.ctx.db.insertInto('warning_terms').values({ term: '标题', warning_id: warningId, in_title: 1, published_at: now }).execute()
    await t.ctx.db.insertInto('mediation_rooms').values({ complaint_id: filed.id, last_seq: 1, created_at: now }).execute()
    await t.ctx.db.insertInto('mediation_messages').values({ id: randomUUID(), complaint_id: filed.id, seq: 1, thread: 'shared', party: 'consumer', author_id: cast.consumer.id, text: '你好', created_at: now }).execute()
    await t.ctx.db.insertInto('mediation_reads').values({ complaint_id: filed.id, user_id: cast.consumer.id, thread: 'shared', party: 'consumer', last_read_seq: 1, updated_at: now }).execute()
    await t.ctx.db.insertInto('warning_fanouts').values({ warning_id: warningId, total: 1, created_at: now, updated_at: now, finished_at: null }).execute()
    const station = await addTestStation(t, 'org-default')
    await t.ctx.db.insertInto('station_month_rollups').values({ station_id: station.id, month: now.slice(0, 7), n: 1 }).execute()
    await t.ctx.db
      .insertInto('complaint_groups')
      .values({ id: randomUUID(), business_key: 'n:1|x', business_name: 'x', enterprise_id: null, organization_id: 'org-default', organization_path: '/org-default/', status: 'open', member_count: 5, amount_fen: 100, threshold: 5, window_days: 30, formed_at: now, closed_at: null, updated_at: now })
      .execute()
    await t.ctx.db.insertInto('alliances').values({ id: 'numeric-alliance', name: '数字检查联盟', created_at: now }).execute()
    await t.ctx.db
      .insertInto('alliance_findings')
      .values({ id: randomUUID(), alliance_id: 'numeric-alliance', organization_id: 'org-default', author_id: cast.staff.id, business_key: 'n:1|x', business_name: 'x', enterprise_id: null, region: null, pattern: '跑路', group_id: null, warning_id: null, complaint_count: 3, amount_fen: 100, created_at: now })
      .execute()
    const mediated = await mediatingCase(t, cast.consumer.token, cast.staff.token, cast.enterpriseId)
    const drafted = await agreementApi(t, mediated).draft(cast.staff.token)
    assert.equal(drafted.statusCode, 201, drafted.body)
    const agreement = drafted.json().agreement as { id: string; textSha256: string }
    await t.ctx.db
      .insertInto('mediation_agreement_signatures')
      .values({ id: randomUUID(), agreement_id: agreement.id, version: 1, party: 'consumer', signer_id: cast.consumer.id, signer_name: '王', ip: '10.0.0.1', text_sha256: agreement.textSha256, signed_at: now, voided_at: null })
      .execute()
    // Lawyer Q&A: a session with a question and its photo.
    const lawyer = await inviteLawyer(t, { ...cast.staff, phone: '' }, '13684000009')
    const [photo] = await insertEvidenceRows(t, cast.consumer.id, 1)
    const asked = await ask(t, { ...cast.consumer, phone: '' }, await scheduleSession(t, { ...cast.staff, phone: '' }, [lawyer], 1), '预付卡不给退怎么办？', { photoIds: [photo!] })
    assert.equal(asked.statusCode, 201, asked.body)
    // Legal aid: a request on the consumer's case.
    const aid = await t.app.inject({
      method: 'POST',
      url: `/api/complaints/${filed.id}/legal-aid`,
      headers: { authorization: `Bearer ${cast.consumer.token}` },
      payload: { kind: 'consultation', description: '想咨询能不能要求赔偿', consent: true },
    })
    assert.equal(aid.statusCode, 201, aid.body)
    // Monthly rankings: a ranked month with one input and one place.
    await t.ctx.db.insertInto('credit_ranking_months').values({ month: '2026-01', method_version: 1, computed_at: now }).execute()
    await t.ctx.db.insertInto('credit_ranking_inputs').values({ month: '2026-01', enterprise_id: cast.enterpriseId, name: 'x', industry: 'food', region: '', received: 5, responded: 5, settled: 5, unanswered: 0 }).execute()
    await t.ctx.db.insertInto('credit_rankings').values({ month: '2026-01', industry: '', region: '', board: 'red', place: 1, enterprise_id: cast.enterpriseId, name: 'x', score_tenths: 1000 }).execute()
    // No-reason-return stores: a signed store (with its location) and a month of returns.
    const store = { storeName: '数字检查门店', storeAddress: '西湖区文三路 1 号', region: '浙江省/杭州市/西湖区', latitude: 30.2, longitude: 120.1, days: 7, conditions: '商品完好', exclusions: [], startsOn: chinaToday(t.ctx.now()), confirmed: true }
    const signed = await t.app.inject({ method: 'POST', url: '/api/enterprise/return-commitments', headers: bearer(cast.liaison.token), payload: store })
    assert.equal(signed.statusCode, 201, signed.body)
    const month = await t.app.inject({ method: 'PUT', url: `/api/enterprise/return-commitments/${signed.json().id}/returns`, headers: bearer(cast.liaison.token), payload: { month: chinaToday(t.ctx.now()).slice(0, 7), returnsCount: 2, amountFen: 100 } })
    assert.equal(month.statusCode, 200, month.body)
    // Bad-faith findings: one finding with an appeal photo.
    const [appealPhoto] = await insertEvidenceRows(t, cast.consumer.id, 1)
    await t.ctx.db
      .insertInto('bad_faith_findings')
      .values({
        id: 'numeric-finding', enterprise_id: cast.enterpriseId, organization_id: 'org-default', organization_path: '/org-default/', proposed_by: cast.staff.id, basis_code: 'cpl-37-expose',
        facts: '数字检查用的认定事实', months: 6, status: 'appeal_open', appeal_due_at: now, appeal_text: null, appeal_by: null, appeal_at: null, decided_by: null, decided_at: null,
        decision_reasons: null, published_at: null, expires_at: null, lift_requested_by: null, lift_reason: null, lift_requested_at: null, lifted_by: null, lifted_at: null, created_at: now, updated_at: now,
      })
      .execute()
    await t.ctx.db.insertInto('bad_faith_finding_photos').values({ evidence_id: appealPhoto!, finding_id: 'numeric-finding', position: 0 }).execute()
    // Published cases: a consent at filing, a proposed publication with one reviewed photo.
    await t.ctx.db.insertInto('publication_consents').values({ id: 'numeric-consent', complaint_id: filed.id, consumer_id: cast.consumer.id, stage: 'filing', publish: 1, photos: 1, text_version: 'v1', created_at: now }).execute()
    await t.ctx.db
      .insertInto('published_cases')
      .values({
        id: 'numeric-case', complaint_id: filed.id, enterprise_id: cast.enterpriseId, business_name: 'x', industry: 'food', organization_path: '/org-default/', status: 'proposed', summary: '数字检查',
        proposed_by: cast.staff.id, notified_at: now, reply_window_ends_at: now, published_by: null, published_at: null, withdrawn_at: null, created_at: now, updated_at: now,
      })
      .execute()
    const [casePhoto] = await insertEvidenceRows(t, cast.consumer.id, 1)
    await t.ctx.db.insertInto('published_case_photos').values({ published_case_id: 'numeric-case', evidence_id: casePhoto!, position: 0, reviewed_by: cast.staff.id }).execute()
  })
  after(() => t.close())

  async function refuses(write: Promise<unknown>, what: string) {
    await assert.rejects(write, Error, `${what} was stored`)
  }

  test('every numeric column of every table refuses Infinity, −Infinity, fractions and values out of range', async () => {
    let checked = 0
    for (const [table, column, kind, min, max] of RULES) {
      const rows = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(t.ctx.db)
      assert.ok(Number(rows.rows[0]!.n) > 0, `no ${table} row to test ${column} on`)
      const bad = [Infinity, -Infinity, min - 1, max + 1, ...(kind === 'integer' ? [min + 0.5] : [])]
      for (const value of bad) {
        await refuses(sql`update ${sql.table(table)} set ${sql.ref(column)} = ${value}`.execute(t.ctx.db), `${table}.${column} = ${value}`)
        checked += 1
      }
    }
    assert.ok(checked >= RULES.length * 4)
  })

  test('no numeric column is left without a rule (a migration that adds one must add its check)', async () => {
    const numeric =
      TEST_DB === 'sqlite'
        ? await sql<{ table_name: string; column_name: string }>`
            select m.name as table_name, c.name as column_name from sqlite_master m join pragma_table_info(m.name) c
            where m.type = 'table' and m.name not like 'sqlite_%' and m.name not like 'kysely_%' and m.name not like '%_fts%'
              and (upper(c.type) like '%INT%' or upper(c.type) like '%REAL%' or upper(c.type) like '%DOUB%' or upper(c.type) like '%NUM%')`.execute(t.ctx.db)
        : await sql<{ table_name: string; column_name: string }>`
            select table_name, column_name from information_schema.columns
            where table_schema = current_schema() and table_name not like 'kysely_%'
              and data_type in ('smallint', 'integer', 'bigint', 'real', 'double precision', 'numeric')`.execute(t.ctx.db)
    const ruled = new Set(RULES.map(([table, column]) => `${table}.${column}`))
    const missing = numeric.rows.map((r) => `${r.table_name}.${r.column_name}`).filter((name) => !ruled.has(name))
    assert.deepEqual(missing, [], `numeric columns without a CHECK rule: ${missing.join(', ')}`)
  })

  test('new rows are checked too: a complaint of Infinity fen, a rating of 6, a report at latitude 91 or Infinity metres accurate', async () => {
    await refuses(insertComplaintAbout(t, cast.enterpriseId, { status: 'submitted', createdAt: t.ctx.now().toISOString(), columns: { amount_fen: Infinity } }), 'amount Infinity')
    await refuses(insertComplaintAbout(t, cast.enterpriseId, { status: 'submitted', createdAt: t.ctx.now().toISOString(), columns: { amount_fen: -1 } }), 'amount −1')
    await refuses(insertComplaintAbout(t, cast.enterpriseId, { status: 'resolved', createdAt: t.ctx.now().toISOString(), rating: 6 }), 'rating 6')
    const report = await t.ctx.db.selectFrom('field_reports').selectAll().executeTakeFirstOrThrow()
    await refuses(t.ctx.db.insertInto('field_reports').values({ ...report, id: randomUUID(), client_id: randomUUID(), accuracy: Infinity }).execute(), 'accuracy Infinity')
    await refuses(t.ctx.db.insertInto('field_reports').values({ ...report, id: randomUUID(), client_id: randomUUID(), latitude: 91 }).execute(), 'latitude 91')
    const good = await insertComplaintAbout(t, cast.enterpriseId, { status: 'submitted', createdAt: t.ctx.now().toISOString(), columns: { amount_fen: 1_000_000_000 } })
    assert.ok(good)
  })

  test('a value the database refuses reaches the caller as 400 {code, message}, without SQL', async () => {
    const app = Fastify()
    await app.register(errorHandler)
    app.post('/rate-nine', async () => {
      await t.ctx.db.transaction().execute((trx) => trx.updateTable('complaints').set({ rating: 9 }).execute())
      return { ok: true }
    })
    const response = await app.inject({ method: 'POST', url: '/rate-nine' })
    await app.close()
    assert.equal(response.statusCode, 400, response.body)
    const body = response.json() as { code: string; message: string }
    assert.equal(body.code, 'VALIDATION_FAILED')
    assert.match(body.message, /[\u4e00-\u9fa5]/)
    assert.doesNotMatch(response.body, /numeric_|constraint|CHECK|complaints/i)
  })
})

describe(`the migration on a database that already holds bad numbers (${TEST_DB})`, () => {
  test('out-of-range coordinates, ratings and recovered amounts become unknown (null); the migration succeeds and other values stay', async () => {
    const schema = TEST_DB === 'postgres' ? `t_${randomUUID().replace(/-/g, '').slice(0, 16)}` : undefined
    const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'
    if (schema) {
      const admin = openDatabase({ databaseUrl: url })
      await sql`create schema ${sql.id(schema)}`.execute(admin.db)
      await admin.close()
    }
    const { db, close } = schema ? openDatabase({ databaseUrl: url, pgSchema: schema }) : openDatabase({ sqliteFile: ':memory:' })
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(schema ? { migrationTableSchema: schema } : {}) })
      const before = await migrator.migrateTo('2026-11-24T0006-volunteers')
      assert.equal(before.error, undefined)
      const user = await insertUser(db, { phone: '13687000001', role: 'consumer', displayName: '老用户' })
      const now = new Date().toISOString()
      const complaintId = randomUUID()
      await db
        .insertInto('complaints')
        .values({ id: complaintId, number: 'WQ2026010100001', consumer_id: user.id, status: 'resolved', path: 'association', enterprise_id: null, business_name: '老店', industry: 'food', incident_date: '2026-01-01', amount_fen: 500, description: '旧数据', demands: '[]', contact_phone: '13687000001', consent_at: now, idempotency_key: 'k', request_hash: 'h', created_at: now, updated_at: now, rating: TEST_DB === 'sqlite' ? Infinity : 9, rated_at: now, recovered_amount_fen: -5 } as never)
        .execute()
      const reportId = randomUUID()
      await db
        .insertInto('field_reports')
        .values({ id: reportId, volunteer_id: user.id, client_id: 'c', request_hash: 'h', category: 'other', status: 'submitted', business_name: '老店', latitude: 1e300, longitude: 116.4, accuracy: Infinity, observed_at: now, created_at: now, updated_at: now } as never)
        .execute()
      const after = await migrator.migrateToLatest()
      assert.equal(after.error, undefined, String(after.error))
      const complaint = await db.selectFrom('complaints').select(['rating', 'recovered_amount_fen', 'amount_fen']).where('id', '=', complaintId).executeTakeFirstOrThrow()
      assert.deepEqual({ ...complaint, amount_fen: Number(complaint.amount_fen) }, { rating: null, recovered_amount_fen: null, amount_fen: 500 })
      const report = await db.selectFrom('field_reports').select(['latitude', 'longitude', 'accuracy']).where('id', '=', reportId).executeTakeFirstOrThrow()
      assert.deepEqual(report, { latitude: null, longitude: 116.4, accuracy: null })
      await assert.rejects(db.updateTable('field_reports').set({ accuracy: Infinity }).execute(), Error)
    } finally {
      await close()
      if (schema) {
        const admin = openDatabase({ databaseUrl: url })
        await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.db)
        await admin.close()
      }
    }
  })
})
