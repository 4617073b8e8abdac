import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { CompiledQuery } from 'kysely'
import { countsByStatusQuery, responseTimesPage } from '../modules/enterprises/enterprise-figures'
import { lateAnswersQuery, unflaggedLateStepsQuery } from '../jobs/deadlines'
import { businessCountsIn, complaintCountsIn, complaintsCreatedPage, overdueBeforeTodayQuery, overdueTodayQuery, type RollupSpan } from '../modules/statistics/statistics.repository'
import { enterpriseQueueQuery, staffQueueQuery } from '../modules/workflow/workflow.repository'
import { accessRecordsQuery } from '../modules/privacy/access-log.repository'
import { countPublicQuery, listPublicPage, newestUrgentQuery, relatedSteps } from '../modules/warnings/warnings.repository'
import { longTermHits, pairHitCount, pairHitsPage } from '../modules/warnings/warning-search'
import { dueExportsQuery, latestExportQuery, oldestPendingExportQuery } from '../modules/data-export/data-export.repository'
import { deletionsDueQuery, latestDeletionQuery } from '../modules/privacy/account-deletion.repository'
import { latestVersionQuery, ruleSetInForceQuery } from '../modules/rules/rule-sets.repository'
import { mergeQuery, openRepeatQuery } from '../modules/complaints/repeat-complaints'
import { referralDestinationQuery, referralDestinationsQuery } from '../modules/referrals/referrals.repository'
import { createTestApp, type TestApp } from './support/test-app'
import { agreementByComplaintQuery, agreementByPdfHashQuery, signaturesQuery, versionsByHashQuery } from '../modules/mediation-agreements/mediation-agreements.repository'
import { complaintsVisibleTo, type StaffScope } from '../modules/organizations/organization-scope'
import { chosenRuleFamilyQuery, type OrganizationRow } from '../modules/organizations/organizations.repository'

// Every statistics, enterprise-figures and queue query is read from an index, never by scanning all
// complaints; queues also come out of the index in their order (no sort of every matching row).
// PostgreSQL prefers a sequential scan of a small table, so seq scans are switched off for the
// EXPLAIN (and bitmap scans and sorts with them): the question is whether an index CAN serve the query.
const organization = (id: string, path: string): OrganizationRow => ({ id, path, parent_id: 'org-default', level: 'city', region_code: '3301', name: id, depth: 1, rule_family: null, created_at: '' })
/** A county (no children): its queue is an equality on organization_id. A city: a range of organization_path. */
const COUNTY = complaintsVisibleTo({ organization: organization('o-county', '/org-default/o-city/o-county/'), leaf: true } as StaffScope)
const COUNTY_BY_PATH = complaintsVisibleTo({ organization: organization('o-county', '/org-default/o-city/o-county/'), leaf: true } as StaffScope, 'other')
const CITY = complaintsVisibleTo({ organization: organization('o-city', '/org-default/o-city/'), leaf: false } as StaffScope)
const AFTER = { rank: 0, due: '2026-06-01T00:00:00.000Z', createdAt: '2026-05-01T00:00:00.000Z', id: 'c-1' }

describe('query plans', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(() => t.close())

  async function plan(query: { compile(): CompiledQuery }): Promise<string> {
    const compiled = query.compile()
    if (t.ctx.dialect === 'sqlite') {
      const result = await t.ctx.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]))
      return result.rows.map((row) => row.detail).join('\n')
    }
    return t.ctx.db.transaction().execute(async (trx) => {
      // Nor does it walk an index in order over a few estimated rows when a bitmap scan and a sort are cheaper.
      for (const setting of ['enable_seqscan', 'enable_bitmapscan', 'enable_sort']) await trx.executeQuery(CompiledQuery.raw(`set local ${setting} = off`))
      const result = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]))
      return result.rows.map((row) => row['QUERY PLAN']).join('\n')
    })
  }

  function assertIndexed(text: string, index: string) {
    assert.doesNotMatch(text, /SCAN complaints(?! USING (COVERING )?INDEX)/, text)
    assert.doesNotMatch(text, /Seq Scan on complaints/, text)
    assert.match(text, new RegExp(`(USING (COVERING )?INDEX|Index (Only )?Scan using) ${index}\\b`), text)
  }

  function assertInOrder(text: string) {
    assert.doesNotMatch(text, /TEMP B-TREE FOR ORDER BY/, text)
    assert.doesNotMatch(text, /Sort Key/, text)
  }

  const queues = {
    'staff queue: every open complaint': ['complaints_open_queue', (t: TestApp) => staffQueueQuery(t.ctx.db, {}, null, 21)],
    'staff queue: next page': ['complaints_open_queue', (t: TestApp) => staffQueueQuery(t.ctx.db, {}, AFTER, 21)],
    'staff queue: mine': ['complaints_open_assigned_queue', (t: TestApp) => staffQueueQuery(t.ctx.db, { assignedTo: 'u-1' }, AFTER, 21)],
    'staff queue: one status': ['complaints_status_queue', (t: TestApp) => staffQueueQuery(t.ctx.db, { status: 'closed' }, AFTER, 21)],
    'staff queue: one status, mine': ['complaints_assigned_status_queue', (t: TestApp) => staffQueueQuery(t.ctx.db, { status: 'closed', assignedTo: 'u-1' }, null, 21)],
    'staff queue of a county': ['complaints_org_open_queue', (t: TestApp) => staffQueueQuery(t.ctx.db, { visible: COUNTY }, AFTER, 21)],
    'staff queue of a county: one status': ['complaints_org_status_queue', (t: TestApp) => staffQueueQuery(t.ctx.db, { status: 'closed', visible: COUNTY }, AFTER, 21)],
    'staff queue of a city (its subtree)': ['complaints_open_queue', (t: TestApp) => staffQueueQuery(t.ctx.db, { visible: CITY }, AFTER, 21)],
    'staff queue of a city: one status': ['complaints_status_queue', (t: TestApp) => staffQueueQuery(t.ctx.db, { status: 'closed', visible: CITY }, null, 21)],
    'staff queue of a county: mine': ['complaints_open_assigned_queue', (t: TestApp) => staffQueueQuery(t.ctx.db, { assignedTo: 'u-1', visible: COUNTY }, AFTER, 21)],
    'enterprise inbox': ['complaints_enterprise_queue', (t: TestApp) => enterpriseQueueQuery(t.ctx.db, 'e-1', null, 21)],
    'enterprise inbox: next page': ['complaints_enterprise_queue', (t: TestApp) => enterpriseQueueQuery(t.ctx.db, 'e-1', AFTER, 21)],
  } as const
  for (const [name, [index, build]] of Object.entries(queues)) {
    test(`${name} reads ${index} in queue order`, async () => {
      const text = await plan(build(t))
      assertIndexed(text, index)
      assertInOrder(text)
    })
  }

  /** A range of one rollup table's primary key (grain and period), never a scan of the table or of complaints. */
  function assertRollupRange(text: string, table: string) {
    assert.doesNotMatch(text, /SCAN |Seq Scan|complaints/, text)
    assert.match(text, new RegExp(`SEARCH ${table} USING (COVERING )?INDEX sqlite_autoindex_${table}_1 \\(grain=\\? AND period>\\? AND period<\\?\\)|Index (Only )?Scan using ${table}_pk on ${table}[^]*Index Cond: \\(\\(grain = [^)]+\\) AND \\(period >= [^)]+\\) AND \\(period <= [^)]+\\)\\)`), text)
  }

  const spans: RollupSpan[] = [
    { grain: 'day', from: '2026-05-03', to: '2026-05-31' },
    { grain: 'month', from: '2025-06', to: '2026-05' },
  ]
  for (const span of spans) {
    test(`statistics add up the ${span.grain} rollups of a range from their primary keys`, async () => {
      assertRollupRange(await plan(complaintCountsIn(t.ctx.db, span)), 'complaint_rollups')
      assertRollupRange(await plan(businessCountsIn(t.ctx.db, span)), 'business_rollups')
    })
  }

  test('statistics count overdue complaints from open_due_rollups before today, from complaints_open_queue today', async () => {
    const before = await plan(overdueBeforeTodayQuery(t.ctx.db, '2026-05-31T16:00:00.000Z'))
    assert.doesNotMatch(before, /SCAN |Seq Scan|complaints/, before)
    assert.match(before, /SEARCH open_due_rollups USING (COVERING )?INDEX sqlite_autoindex_open_due_rollups_1 \(due_day<\?\)|Index (Only )?Scan using open_due_rollups_pk on open_due_rollups[^]*Index Cond: \(due_day < [^)]+\)/, before)
    assertIndexed(await plan(overdueTodayQuery(t.ctx.db, '2026-05-31T16:00:00.000Z')), 'complaints_open_queue')
  })

  // An organization below the top: the range of its subtree's paths in the org_* rollups (grain, then path, in the key).
  const subtree = { from: '/root/city/', to: '/root/city0' }
  for (const span of spans) {
    test(`an organization's statistics add up its subtree's ${span.grain} rollups from their primary keys`, async () => {
      for (const [query, table] of [
        [complaintCountsIn(t.ctx.db, span, subtree), 'org_complaint_rollups'],
        [businessCountsIn(t.ctx.db, span, subtree), 'org_business_rollups'],
      ] as const) {
        const text = await plan(query)
        assert.doesNotMatch(text, /SCAN org|Seq Scan|complaints/, text)
        assert.match(text, new RegExp(`SEARCH ${table} USING (COVERING )?INDEX sqlite_autoindex_${table}_1 \\(grain=\\? AND organization_path>\\? AND organization_path<\\?\\)|Index (Only )?Scan using ${table}_pk on ${table}[^]*Index Cond: \\(\\(grain = [^)]+\\) AND \\(organization_path >= [^)]+\\) AND \\(organization_path < [^)]+\\) AND \\(period >= [^)]+\\) AND \\(period <= [^)]+\\)\\)`), text)
      }
    })
  }

  test("an organization's overdue count reads its subtree's org_open_due_rollups before today, complaints_open_queue today", async () => {
    const before = await plan(overdueBeforeTodayQuery(t.ctx.db, '2026-05-31T16:00:00.000Z', subtree))
    assert.doesNotMatch(before, /SCAN |Seq Scan|complaints/, before)
    assert.match(before, /SEARCH org_open_due_rollups USING (COVERING )?INDEX sqlite_autoindex_org_open_due_rollups_1 \(organization_path>\? AND organization_path<\?\)|Index (Only )?Scan using org_open_due_rollups_pk on org_open_due_rollups[^]*Index Cond: \(\(organization_path >= [^)]+\) AND \(organization_path < [^)]+\) AND \(due_day < [^)]+\)\)/, before)
    const today = await plan(overdueTodayQuery(t.ctx.db, '2026-05-31T16:00:00.000Z', subtree))
    assertIndexed(today, 'complaints_open_queue')
  })

  test('filing finds the rules in force through rule_sets_in_force, newest first; publishing finds the latest version by (code, version)', async () => {
    const inForce = await plan(ruleSetInForceQuery(t.ctx.db, 'samr', '2026-04-15'))
    assert.doesNotMatch(inForce, /SCAN rule_sets(?! USING (COVERING )?INDEX)|Seq Scan on rule_sets/, inForce)
    assert.match(inForce, /(USING (COVERING )?INDEX|Index Scan( Backward)? using) rule_sets_in_force\b/, inForce)
    assertInOrder(inForce)
    const latest = await plan(latestVersionQuery(t.ctx.db, 'samr-2026'))
    assert.doesNotMatch(latest, /SCAN rule_sets(?! USING (COVERING )?INDEX)|Seq Scan on rule_sets/, latest)
    assertInOrder(latest)
  })

  test("an organization's rule family is found among its ancestors by primary key, not by scanning organizations", async () => {
    const chosen = await plan(chosenRuleFamilyQuery(t.ctx.db, '/org-default/o-city/o-county/'))
    assert.doesNotMatch(chosen, /SCAN organizations(?! USING (COVERING )?INDEX)|Seq Scan on organizations/, chosen)
    assert.match(chosen, /USING (COVERING )?INDEX sqlite_autoindex_organizations_1|USING PRIMARY KEY|Index Scan using organizations_pkey/, chosen)
  })

  test('filing looks up a repeated complaint in complaints_open_repeat and a merged retry by complaint_merges key', async () => {
    assertIndexed(await plan(openRepeatQuery(t.ctx.db, 'u-1', 'k'.repeat(64))), 'complaints_open_repeat')
    const merged = await plan(mergeQuery(t.ctx.db, 'u-1', 'key'))
    assert.doesNotMatch(merged, /SCAN complaint_merges(?! USING)|Seq Scan on complaint_merges/, merged)
    assert.match(merged, /sqlite_autoindex_complaint_merges|complaint_merges_pk/, merged)
  })

  test('referral destinations are read in order from referral_destinations_position, one by its primary key', async () => {
    const list = await plan(referralDestinationsQuery(t.ctx.db))
    assert.doesNotMatch(list, /Seq Scan on referral_destinations/, list)
    assert.match(list, /(USING (COVERING )?INDEX|Index Scan using) referral_destinations_position\b/, list)
    assertInOrder(list)
    const one = await plan(referralDestinationQuery(t.ctx.db, 'telecom_appeal'))
    assert.match(one, /SEARCH referral_destinations USING INDEX sqlite_autoindex_referral_destinations_1 \(code=\?\)|Index Scan using referral_destinations_pkey on referral_destinations/, one)
  })

  test('the CSV export of a county (its complaints only) still pages in order through complaints_csv_export', async () => {
    const text = await plan(complaintsCreatedPage(t.ctx.db, '2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', { createdAt: AFTER.createdAt, number: 'WQ1' }, 1000, COUNTY_BY_PATH))
    assertIndexed(text, 'complaints_csv_export')
    assertInOrder(text)
  })

  test('the CSV export pages through complaints_csv_export in its order, never reading the table itself', async () => {
    for (const after of [null, { createdAt: AFTER.createdAt, number: 'WQ1' }]) {
      const text = await plan(complaintsCreatedPage(t.ctx.db, '2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', after, 250))
      assertIndexed(text, 'complaints_csv_export')
      assertInOrder(text)
      assert.match(text, /USING COVERING INDEX complaints_csv_export|Index Only Scan using complaints_csv_export/, text)
      // 引导至: each row's destination by its primary key.
      assert.doesNotMatch(text, /SCAN referral_destinations(?! USING)|Seq Scan on referral_destinations/, text)
    }
  })

  test('the deadline check finds late steps from the first unflagged or late one, in deadline order', async () => {
    const at = '2026-05-31T16:00:00.000Z'
    for (const [index, query] of [
      ['complaints_status_due', lateAnswersQuery(t.ctx.db, at, 10)],
      ['complaints_unflagged_due', unflaggedLateStepsQuery(t.ctx.db, at, 10)],
    ] as const) {
      const text = await plan(query)
      assertIndexed(text, index)
      assertInOrder(text)
    }
  })

  test('an enterprise page reads only its own rollup rows, response times in key order', async () => {
    const counts = await plan(countsByStatusQuery(t.ctx.db, 'e-1'))
    assert.doesNotMatch(counts, /SCAN |Seq Scan|complaints/, counts)
    assert.match(counts, /SEARCH enterprise_figure_rollups USING INDEX sqlite_autoindex_enterprise_figure_rollups_1 \(enterprise_id=\?\)|Index Scan using enterprise_figure_rollups_pk on enterprise_figure_rollups[^]*Index Cond: \(enterprise_id = [^)]+\)/, counts)
    const times = await plan(responseTimesPage(t.ctx.db, 'e-1', 3_600_000, 2000))
    assert.doesNotMatch(times, /SCAN |Seq Scan|complaints|TEMP B-TREE|Sort Key/, times)
    assert.match(times, /SEARCH enterprise_response_rollups USING (COVERING )?INDEX sqlite_autoindex_enterprise_response_rollups_1 \(enterprise_id=\? AND response_ms>\?\)|Index Scan using enterprise_response_rollups_pk on enterprise_response_rollups[^]*Index Cond: \(\(enterprise_id = [^)]+\) AND \(response_ms > [^)]+\)\)/, times)
  })

  // The staff access log (who read personal details), for one case or all, newest first.
  const accessLog = {
    'access log: one complaint': ['access_records_complaint', (t: TestApp) => accessRecordsQuery(t.ctx.db, { complaintId: 'c-1', after: null, limit: 21 })],
    'access log: one complaint, next page': ['access_records_complaint', (t: TestApp) => accessRecordsQuery(t.ctx.db, { complaintId: 'c-1', after: { createdAt: AFTER.createdAt, id: AFTER.id }, limit: 21 })],
    'access log: everything': ['access_records_created', (t: TestApp) => accessRecordsQuery(t.ctx.db, { after: null, limit: 21 })],
    'access log: one reader': ['access_records_actor', (t: TestApp) => accessRecordsQuery(t.ctx.db, { actorId: 'u-1', after: null, limit: 21 })],
    'access log: one reader, next page': ['access_records_actor', (t: TestApp) => accessRecordsQuery(t.ctx.db, { actorId: 'u-1', after: { createdAt: AFTER.createdAt, id: AFTER.id }, limit: 21 })],
    'access log: a few days': [
      'access_records_created',
      (t: TestApp) => accessRecordsQuery(t.ctx.db, { since: '2026-04-30T16:00:00.000Z', before: '2026-05-02T16:00:00.000Z', after: null, limit: 21 }),
    ],
  } as const
  for (const [name, [index, build]] of Object.entries(accessLog)) {
    test(`${name} reads ${index} newest first`, async () => {
      const text = await plan(build(t))
      assert.doesNotMatch(text, /SCAN access_records(?! USING (COVERING )?INDEX)/, text)
      assert.doesNotMatch(text, /Seq Scan on access_records/, text)
      assert.match(text, new RegExp(`(USING (COVERING )?INDEX|Index (Only )?Scan( Backward)? using) ${index}\\b`), text)
      assertInOrder(text)
    })
  }

  // Public warnings: the list, its count, the pinned urgent ones and a detail's related warnings each
  // read one index newest first; search reads the bigram index (warning_terms) and never the bodies of
  // every warning. On SQLite warning_terms is a WITHOUT ROWID table keyed in rank order.
  function assertWarningsIndexed(text: string, index: string) {
    assert.doesNotMatch(text, /SCAN (warnings|warning_terms)(?! USING (COVERING )?INDEX| USING PRIMARY KEY)/, text)
    assert.doesNotMatch(text, /Seq Scan on warning/, text)
    assert.match(text, new RegExp(`(USING (COVERING )?INDEX|Index (Only )?Scan( Backward)? using) ${index}\\b`), text)
  }
  const NOW = new Date('2026-12-01T00:00:00.000Z')
  const AT = NOW.toISOString()
  const PAGE = { offset: 40, limit: 20 }
  const SELF = { id: 'w-1', industry: 'prepaid', kind: 'warning' } as const
  const warnings = {
    'warnings list': ['warnings_public_newest', (t: TestApp) => listPublicPage(t.ctx.db, NOW, {}, ['w-1', 'w-2'], PAGE)],
    'warnings list: one kind': ['warnings_public_kind', (t: TestApp) => listPublicPage(t.ctx.db, NOW, { kind: 'tip' }, [], PAGE)],
    'warnings list: one industry': ['warnings_public_industry', (t: TestApp) => listPublicPage(t.ctx.db, NOW, { industry: 'prepaid' }, [], PAGE)],
    'warnings list: industry and kind': ['warnings_public_industry_kind', (t: TestApp) => listPublicPage(t.ctx.db, NOW, { industry: 'prepaid', kind: 'tip' }, [], PAGE)],
    'warnings list: pinned urgent ones': ['warnings_public_urgent', (t: TestApp) => newestUrgentQuery(t.ctx.db, NOW, {}, 5)],
    'related: same industry and kind': ['warnings_public_industry_kind', (t: TestApp) => relatedSteps(t.ctx.db, SELF, NOW)[0]!.limit(4)],
    'related: same industry': ['warnings_public_industry', (t: TestApp) => relatedSteps(t.ctx.db, SELF, NOW)[1]!.limit(4)],
    'related: same kind': ['warnings_public_kind', (t: TestApp) => relatedSteps(t.ctx.db, SELF, NOW)[2]!.limit(4)],
    'related: the rest': ['warnings_public_newest', (t: TestApp) => relatedSteps(t.ctx.db, SELF, NOW)[3]!.limit(4)],
  } as const
  for (const [name, [index, build]] of Object.entries(warnings)) {
    test(`${name} reads ${index} newest first`, async () => {
      const text = await plan(build(t))
      assertWarningsIndexed(text, index)
      assertInOrder(text)
    })
  }

  test('the warnings count reads an index only', async () => {
    for (const filter of [{}, { kind: 'tip' as const }, { industry: 'prepaid' as const }]) {
      const text = await plan(countPublicQuery(t.ctx.db, NOW, filter))
      assert.doesNotMatch(text, /SCAN warnings(?! USING COVERING INDEX)|Seq Scan on warnings|Index Scan using/, text)
      assert.match(text, /USING COVERING INDEX warnings_public_|Index Only Scan using warnings_public_/, text)
    }
  })

  test('a 2-character search counts and pages from the bigram index, in rank order', async () => {
    for (const text of [await plan(pairHitsPage(t.ctx.db, '退款', AT, PAGE)), await plan(pairHitCount(t.ctx.db, '退款', AT))]) {
      assert.doesNotMatch(text, /SCAN warnings|Seq Scan on warning/, text)
      assert.match(text, t.ctx.dialect === 'sqlite' ? /SEARCH warning_terms USING (COVERING INDEX|PRIMARY KEY)/ : /Index Only Scan using warning_terms_rank/, text)
      assertInOrder(text)
    }
  })

  test('a longer search intersects its pairs in the bigram index and reads only those warnings', async () => {
    const text = await plan(longTermHits(t.ctx.db, t.ctx.dialect, '预付卡退款', AT))
    assert.doesNotMatch(text, /SCAN (warnings|warning_terms)\b|Seq Scan on warning/, text)
    assert.match(text, t.ctx.dialect === 'sqlite' ? /SEARCH warning_terms USING (COVERING INDEX|PRIMARY KEY)/ : /Index Only Scan using warning_terms_rank/, text)
    // SQLite keeps the written join order (candidates, then each warning by id); PostgreSQL picks its
    // order from statistics, which an empty test table does not have.
    if (t.ctx.dialect === 'sqlite') assert.match(text, /SCAN c\n.*SEARCH w USING INDEX sqlite_autoindex_warnings_1 \(id=\?\)/, text)
  })
  // Data exports: the person's latest, the worker's queue and the retention job's due files.
  const exports = {
    "a person's latest export": ['data_exports_user', (t: TestApp) => latestExportQuery(t.ctx.db, 'u-1')],
    'the oldest waiting export': ['data_exports_queue', (t: TestApp) => oldestPendingExportQuery(t.ctx.db)],
    'exports past their download period': ['data_exports_expiry', (t: TestApp) => dueExportsQuery(t.ctx.db, AFTER.createdAt, 200)],
  } as const
  for (const [name, [index, build]] of Object.entries(exports)) {
    test(`${name} reads ${index} in order`, async () => {
      const text = await plan(build(t))
      assert.doesNotMatch(text, /SCAN data_exports(?! USING (COVERING )?INDEX)/, text)
      assert.doesNotMatch(text, /Seq Scan on data_exports/, text)
      assert.match(text, new RegExp(`(USING (COVERING )?INDEX|Index (Only )?Scan( Backward)? using) ${index}\\b`), text)
      assertInOrder(text)
    })
  }
  // Account deletion: the job's scan for ended cool-offs, and a person's latest request (every login looks).
  const deletions = {
    'account deletions due': ['account_deletions_due', (t: TestApp) => deletionsDueQuery(t.ctx.db, '2026-06-01T00:00:00.000Z', 50)],
    "a person's latest deletion request": ['account_deletions_user', (t: TestApp) => latestDeletionQuery(t.ctx.db, 'u-1')],
  } as const
  for (const [name, [index, build]] of Object.entries(deletions)) {
    test(`${name} reads ${index} in order`, async () => {
      const text = await plan(build(t))
      assert.doesNotMatch(text, /SCAN account_deletions(?! USING (COVERING )?INDEX)/, text)
      assert.doesNotMatch(text, /Seq Scan on account_deletions/, text)
      assert.match(text, new RegExp(`(USING (COVERING )?INDEX|Index (Only )?Scan( Backward)? using) ${index}\\b`), text)
      assertInOrder(text)
    })
  }
  // Mediation agreements: a case's agreement and its signatures, and the public check of a hash.
  const agreements = {
    "a case's agreement": ['mediation_agreements', 'mediation_agreements_complaint', (t: TestApp) => agreementByComplaintQuery(t.ctx.db, 'c-1')],
    "an agreement's signatures": ['mediation_agreement_signatures', 'mediation_agreement_signatures_once', (t: TestApp) => signaturesQuery(t.ctx.db, 'a-1')],
    'a PDF hash checked': ['mediation_agreements', 'mediation_agreements_pdf', (t: TestApp) => agreementByPdfHashQuery(t.ctx.db, 'f'.repeat(64))],
    'a text hash checked': ['mediation_agreement_versions', 'mediation_agreement_versions_hash', (t: TestApp) => versionsByHashQuery(t.ctx.db, 'f'.repeat(64))],
  } as const
  for (const [name, [table, index, build]] of Object.entries(agreements)) {
    test(`${name} reads ${index}`, async () => {
      const text = await plan(build(t))
      assert.doesNotMatch(text, new RegExp(`SCAN ${table}(?! USING (COVERING )?INDEX)`), text)
      assert.doesNotMatch(text, new RegExp(`Seq Scan on ${table}`), text)
      assert.match(text, new RegExp(`(USING (COVERING )?INDEX|Index (Only )?Scan( Backward)? using) ${index}\\b`), text)
    })
  }
})
