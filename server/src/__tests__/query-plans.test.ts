import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { CompiledQuery } from 'kysely'
import { countsByStatusQuery, responseTimesPage } from '../modules/enterprises/enterprise-figures'
import { lateAnswersQuery, unflaggedLateStepsQuery } from '../jobs/deadlines'
import { childOrganizations, figuresByOrganization, figuresByPeriodAndIndustry } from '../modules/statistics/figures.repository'
import { businessCountsIn, complaintCountsIn, complaintsCreatedPage, overdueBeforeTodayQuery, overdueTodayQuery, type RollupSpan } from '../modules/statistics/statistics.repository'
import { enterpriseQueueQuery, priorityLaneQuery, staffQueueQuery } from '../modules/workflow/workflow.repository'
import { enterpriseCommitmentsQuery, latestOfStoreQuery, monthsOfQuery, refusalsOfQuery, regionStoresQuery, upheldSinceQuery } from '../modules/return-commitments/return-commitments.repository'
import { accessRecordsQuery } from '../modules/privacy/access-log.repository'
import { countPublicQuery, listPublicPage, newestUrgentQuery, relatedSteps } from '../modules/warnings/warnings.repository'
import { longTermHits, pairHitCount, pairHitsPage } from '../modules/warnings/warning-search'
import { dueExportsQuery, latestExportQuery, oldestPendingExportQuery } from '../modules/data-export/data-export.repository'
import { deletionsDueQuery, latestDeletionQuery } from '../modules/privacy/account-deletion.repository'
import { latestVersionQuery, ruleSetInForceQuery } from '../modules/rules/rule-sets.repository'
import { mergeQuery, openRepeatQuery } from '../modules/complaints/repeat-complaints'
import { enterpriseRepliesQuery, groupEventsQuery, groupsVisibleTo, memberCasesQuery, membersQuery as groupMembersQuery, openGroupQuery, ungroupedSinceQuery, visibleGroupsQuery } from '../modules/groups/groups.repository'
import { referralDestinationQuery, referralDestinationsQuery } from '../modules/referrals/referrals.repository'
import { eventLogPageQuery, lastChainLinkQuery } from '../modules/complaints/complaint-events.repository'
import { createTestApp, type TestApp } from './support/test-app'
import { complaintsHeldBy, complaintsVisibleTo, sentAcrossQuery, type StaffScope } from '../modules/organizations/organization-scope'
import { allianceTransfersQuery } from '../modules/alliances/alliances.repository'
import { membersQuery } from '../modules/memberships/memberships.repository'
import { currentSessionQuery, latestSeqQuery, threadPageQuery } from '../modules/mediation/mediation.repository'
import { dueSessionsQuery } from '../jobs/mediation-reminders'
import { SESSION_REMINDERS } from '../../../src/contract/mediation'
import { managedStationsQuery, regionStationsQuery, stationsInBoxQuery, subtreeOrganizationsQuery } from '../modules/stations/stations.repository'
import { boxAround, CANDIDATE_CAP } from '../modules/stations/nearby'
import { createStation } from '../modules/stations/stations.service'
import { agreementByComplaintQuery, agreementByPdfHashQuery, signaturesQuery, versionsByHashQuery } from '../modules/mediation-agreements/mediation-agreements.repository'
import { dueQuestionsQuery, enterprisePerformanceQuery, lateUnperformedQuery, unansweredQuery, unperformedCasesQuery } from '../modules/performance/performance.repository'
import { chosenRuleFamilyQuery, type OrganizationRow } from '../modules/organizations/organizations.repository'
import { stationComplaintsQuery, stationMonthCountsQuery } from '../modules/walk-ins/walk-ins.repository'
import { reportOfPhotoQuery, staffReportsQuery } from '../modules/field-reports/field-reports.repository'
import { fieldReportsVisibleTo } from '../modules/field-reports/field-report-scope'
import { letterQuery, referralQuery } from '../modules/court/court.repository'
import { unfinishedFilingsOfPhoneQuery, unfinishedFilingsQuery } from '../modules/walk-ins/walk-in-erasure'
import { findingFeedQuery, findingsAboutQuery } from '../modules/alliances/alliance-findings.repository'
import { lawyersOfOrganizationQuery, publishedOfSessionQuery, questionsOfAskerQuery, sessionQuestionsQuery, sessionsOfLawyerQuery, sessionsOfOrganizationQuery, sessionsPageQuery } from '../modules/lawyers/lawyers.repository'
import { qaCandidatesQuery, qaPairHitsQuery } from '../modules/lawyers/qa-search'
import { followUpsOfLawyerQuery } from '../modules/lawyers/qa-follow-up.repository'
import { aidByStatusQuery, aidOfComplaintQuery, aidOfLawyerQuery } from '../modules/legal-aid/legal-aid.repository'
import { unansweredQuestionsQuery } from '../modules/lawyers/qa-erasure'
import { boardQuery, enterpriseMediationQuery, enterpriseMonthsQuery, monthComplaintCountsQuery, monthEscalationsQuery, monthInputsQuery, monthRegionsQuery, placesOfEnterpriseQuery } from '../modules/credit-index/credit-index.repository'
import { caseCandidatesQuery, casePairHitsQuery } from '../modules/published-cases/case-terms'
import { casesForEnterpriseQuery, latestConsentQuery, pendingRepliesQuery, publishedOfEnterpriseQuery, publishedPageQuery } from '../modules/published-cases/published-cases.repository'
import { enterpriseCasesQuery, enterpriseFindingsQuery, organizationFindingsQuery, publicFindingsQuery } from '../modules/bad-faith-findings/bad-faith-findings.repository'

// Every statistics, enterprise-figures and queue query is read from an index, never by scanning all
// complaints; queues also come out of the index in their order (no sort of every matching row).
// PostgreSQL prefers a sequential scan of a small table, so seq scans are switched off for the
// EXPLAIN (and bitmap scans and sorts with them): the question is whether an index CAN serve the query.
const organization = (id: string, path: string): OrganizationRow => ({ id, path, parent_id: 'org-default', level: 'city', region_code: '3301', name: id, depth: 1, rule_family: null, group_threshold: null, group_window_days: null, created_at: '' })
/** A county (no children): its queue is an equality on organization_id. A city: a range of organization_path. */
const COUNTY = complaintsHeldBy({ organization: organization('o-county', '/org-default/o-city/o-county/'), leaf: true } as StaffScope)
const COUNTY_BY_PATH = complaintsHeldBy({ organization: organization('o-county', '/org-default/o-city/o-county/'), leaf: true } as StaffScope, 'other')
const CITY = complaintsHeldBy({ organization: organization('o-city', '/org-default/o-city/'), leaf: false } as StaffScope)
/** An organization that sent cases across an alliance sees its holdings OR what it sent (complaints.alliance_sender_path). */
const COUNTY_SENDER = complaintsVisibleTo({ organization: organization('o-county', '/org-default/o-city/o-county/'), leaf: true, sentAcross: true } as StaffScope)
const CITY_SENDER = complaintsVisibleTo({ organization: organization('o-city', '/org-default/o-city/'), leaf: false, sentAcross: true } as StaffScope)
/** A station operator (no mediation, no management): what was filed at the station. */
const STATION = complaintsHeldBy({ organization: organization('o-county', '/org-default/o-city/o-county/'), leaf: true, stationId: 's-1', canMediate: false, canManage: false })
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
    // Refused returns at committed stores lead the first page of the staff queue (线下无理由退货承诺).
    'staff queue: the refused-returns lane': ['complaints_priority_queue', (t: TestApp) => priorityLaneQuery(t.ctx.db, {})],
    'staff queue of a county: the refused-returns lane': ['complaints_priority_queue', (t: TestApp) => priorityLaneQuery(t.ctx.db, { visible: COUNTY })],
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

  // Roll-up figures (#15): an organization's subtree is a range of org_figure_rollups' key. The top, which no
  // path range narrows, is the period's range of org_figure_rollups_period, not every row of the grain.
  let figuresSpread = false
  /** PostgreSQL weighs the two indexes of an empty table alike: give it three years of figures of 20 organizations. */
  async function spreadFigures() {
    if (figuresSpread || t.ctx.dialect === 'sqlite') return
    figuresSpread = true
    await t.ctx.db.executeQuery(
      CompiledQuery.raw(`insert into org_figure_rollups (grain, organization_path, period, industry, received)
        select g.grain, '/org-default/p' || p || '/', to_char(date '2024-01-01' + d, case when g.grain = 'day' then 'YYYY-MM-DD' else 'YYYY-MM' end), 'food', 1
        from (values ('day'), ('month')) g(grain), generate_series(1, 20) p, generate_series(0, 1094) d
        on conflict do nothing`),
    )
    await t.ctx.db.executeQuery(CompiledQuery.raw('analyze org_figure_rollups'))
  }
  for (const span of spans) {
    test(`roll-up figures of a subtree read its range of org_figure_rollups' primary key (${span.grain} rows)`, async () => {
      await spreadFigures()
      for (const query of [figuresByPeriodAndIndustry(t.ctx.db, span, subtree), figuresByOrganization(t.ctx.db, span, subtree)]) {
        const text = await plan(query)
        assert.doesNotMatch(text, /SCAN org|Seq Scan|complaints/, text)
        assert.match(text, /SEARCH org_figure_rollups USING INDEX sqlite_autoindex_org_figure_rollups_1 \(grain=\? AND organization_path>\? AND organization_path<\?\)|Index Scan using org_figure_rollups_pk on org_figure_rollups[^]*Index Cond: \(\(grain = [^)]+\) AND \(organization_path >= [^)]+\) AND \(organization_path < [^)]+\) AND \(period >= [^)]+\) AND \(period <= [^)]+\)\)/, text)
      }
    })
    test(`roll-up figures of the top organization read the span's range of org_figure_rollups_period, not the whole grain (${span.grain} rows)`, async () => {
      await spreadFigures()
      for (const query of [figuresByPeriodAndIndustry(t.ctx.db, span, null), figuresByOrganization(t.ctx.db, span, null)]) {
        const text = await plan(query)
        assert.doesNotMatch(text, /SCAN org|Seq Scan|complaints/, text)
        assert.match(text, /SEARCH org_figure_rollups USING INDEX org_figure_rollups_period \(grain=\? AND period>\? AND period<\?\)|Index Scan using org_figure_rollups_period on org_figure_rollups[^]*Index Cond: \(\(grain = [^)]+\) AND \(period >= [^)]+\) AND \(period <= [^)]+\)\)/, text)
        assert.doesNotMatch(text, /org_figure_rollups_pk|sqlite_autoindex_org_figure_rollups_1/, text)
      }
    })
  }

  test('roll-up figures find the organizations directly below by organizations_parent', async () => {
    const text = await plan(childOrganizations(t.ctx.db, 'o-city'))
    assert.match(text, /(USING (COVERING )?INDEX|Index (Only )?Scan using) organizations_parent\b/, text)
    assert.doesNotMatch(text, /TEMP B-TREE|Sort Key/, text)
  })

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

  test("an event finds its predecessor in the chain, and the evidence package pages the log, through complaint_events_chain in order", async () => {
    for (const query of [lastChainLinkQuery(t.ctx.db, 'c-1'), eventLogPageQuery(t.ctx.db, 'c-1', 10, 500)]) {
      const text = await plan(query)
      assert.doesNotMatch(text, /SCAN complaint_events(?! USING)|Seq Scan on complaint_events/, text)
      assert.match(text, /(USING (COVERING )?INDEX|Index Scan( Backward)? using) complaint_events_chain\b/, text)
      assertInOrder(text)
    }
  })

  test('filing looks up a repeated complaint in complaints_open_repeat and a merged retry by complaint_merges key', async () => {
    assertIndexed(await plan(openRepeatQuery(t.ctx.db, 'u-1', 'k'.repeat(64))), 'complaints_open_repeat')
    const merged = await plan(mergeQuery(t.ctx.db, 'u-1', 'key'))
    assert.doesNotMatch(merged, /SCAN complaint_merges(?! USING)|Seq Scan on complaint_merges/, merged)
    assert.match(merged, /sqlite_autoindex_complaint_merges|complaint_merges_pk/, merged)
  })

  test('group complaints: counting a business in the window, its open group, members and the 重点督办 lists are index reads', async () => {
    const since = '2026-05-01T00:00:00.000Z'
    const counted = await plan(ungroupedSinceQuery(t.ctx.db, 'e:e-1', since).select((eb) => eb.fn.countAll().as('n')))
    assertIndexed(counted, 'complaints_group_key')
    assertIndexed(await plan(ungroupedSinceQuery(t.ctx.db, 'e:e-1', since, '2026-06-01T00:00:00.000Z').select('id')), 'complaints_group_key')
    assertIndexed(await plan(groupMembersQuery(t.ctx.db, 'g-1')), 'complaints_group')
    assertIndexed(await plan(memberCasesQuery(t.ctx.db, 'g-1')), 'complaints_group')
    const groupIndex = (text: string, index: string) => {
      assert.doesNotMatch(text, /SCAN complaint_groups(?! USING (COVERING )?INDEX)|Seq Scan on complaint_groups/, text)
      assert.match(text, new RegExp(`(USING (COVERING )?INDEX|Index (Only )?Scan( Backward)? using) ${index}\\b`), text)
    }
    groupIndex(await plan(openGroupQuery(t.ctx.db, 'e:e-1')), 'complaint_groups_open_business')
    const city = groupsVisibleTo({ organization: organization('o-city', '/org-default/o-city/'), leaf: false } as StaffScope)
    // A subtree: a range of complaint_groups_org (then sorted), or complaint_groups_formed in order, filtered by path.
    groupIndex(await plan(visibleGroupsQuery(t.ctx.db, city)), '(complaint_groups_org|complaint_groups_formed)')
    const top = await plan(visibleGroupsQuery(t.ctx.db, null))
    groupIndex(top, 'complaint_groups_formed')
    assertInOrder(top)
    const events = await plan(groupEventsQuery(t.ctx.db, 'g-1'))
    assert.match(events, /complaint_group_events_group/, events)
    const replies = await plan(enterpriseRepliesQuery(t.ctx.db, ['c-1', 'c-2']))
    assert.doesNotMatch(replies, /SCAN complaint_events(?! USING)|Seq Scan on complaint_events/, replies)
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
  // Service stations: nearest first is a latitude band of organization_stations_nearby (longitude
  // checked in the index), never the whole table; region and managers' lists come out of their index in order.
  const stationLists = {
    'stations in a 10 km box around West Lake': ['organization_stations_nearby', false, (t: TestApp) => stationsInBoxQuery(t.ctx.db, boxAround(30.259, 120.152, 10_000), CANDIDATE_CAP)],
    "a region's stations": ['organization_stations_region', true, (t: TestApp) => regionStationsQuery(t.ctx.db, '/org-default/o-city/', null, 51)],
    "a region's stations: next page": ['organization_stations_region', true, (t: TestApp) => regionStationsQuery(t.ctx.db, '/org-default/o-city/', { path: '/org-default/o-city/o-county/', name: '某站', id: 's-1' }, 51)],
    "a manager's stations": ['organization_stations_subtree', true, (t: TestApp) => managedStationsQuery(t.ctx.db, '/org-default/o-city/', 500)],
  } as const
  let stationsSpread = false
  /** PostgreSQL weighs two partial indexes of an empty table alike: give it stations across China and their statistics. */
  async function spreadStations() {
    if (stationsSpread || t.ctx.dialect === 'sqlite') return
    stationsSpread = true
    for (let i = 0; i < 400; i++) {
      await createStation(t.ctx.db, { organizationId: 'org-default', name: `计划服务站${i}`, hostKind: 'other', address: '某地某路 1 号', latitude: 20 + (i % 25), longitude: 100 + ((i * 7) % 25), openingHours: '每天', services: ['consult'] }, t.ctx.now(), null)
    }
    await t.ctx.db.executeQuery(CompiledQuery.raw('analyze organization_stations'))
  }
  for (const [name, [index, ordered, build]] of Object.entries(stationLists)) {
    test(`${name} reads ${index}${ordered ? ' in order' : ''}`, async () => {
      await spreadStations()
      const text = await plan(build(t))
      assert.doesNotMatch(text, /SCAN organization_stations(?! USING (COVERING )?INDEX)|Seq Scan on organization_stations/, text)
      assert.match(text, new RegExp(`(USING (COVERING )?INDEX|Index (Only )?Scan using) ${index}\\b`), text)
      assert.doesNotMatch(text, /SCAN organizations\b(?! USING)|Seq Scan on organizations/, text)
      if (ordered) assertInOrder(text)
    })
  }
  test("a manager's organizations (for a new station) are a range of the organizations.path index", async () => {
    const text = await plan(subtreeOrganizationsQuery(t.ctx.db, '/org-default/o-city/'))
    assert.doesNotMatch(text, /SCAN organizations(?! USING)|Seq Scan on organizations/, text)
    assertInOrder(text)
  })
  // Walk-in filing (代办): a station's records, an operator's queue, and the station figures (a rollup).
  test("an alliance's findings and the retention job's walk-in filings come out of their index in order", async () => {
    assertInOrder(await plan(findingFeedQuery(t.ctx.db, 'a-1', AFTER, 21)))
    assertInOrder(await plan(unfinishedFilingsQuery(t.ctx.db, AFTER.due, 200)))
  })
  test("a station's walk-in records read complaints_station_filed newest first", async () => {
    const text = await plan(stationComplaintsQuery(t.ctx.db, 's-1', AFTER, 21))
    assert.doesNotMatch(text, /SCAN complaints(?! USING (COVERING )?INDEX)|Seq Scan on complaints/, text)
    assert.match(text, /(USING INDEX|Index Scan( Backward)? using) complaints_station_filed\b/, text)
    assertInOrder(text)
  })
  test("a station operator's queue reads complaints_station_queue in queue order", async () => {
    const text = await plan(staffQueueQuery(t.ctx.db, { visible: STATION }, AFTER, 21))
    assertIndexed(text, 'complaints_station_queue')
    assertInOrder(text)
  })
  test('station figures read stations by organization and their counts by key, never complaints', async () => {
    for (const scope of [{ path: '/org-default/o-city/', stationId: null }, { path: null, stationId: 's-1' }]) {
      const text = await plan(stationMonthCountsQuery(t.ctx.db, scope, '2026-07', '2026-12'))
      assert.doesNotMatch(text, /complaints/, text)
      assert.doesNotMatch(text, /SCAN (r|station_month_rollups)(?! USING)|Seq Scan on station_month_rollups/, text)
      assert.doesNotMatch(text, /SCAN organization_stations(?! USING)|Seq Scan on organization_stations/, text)
    }
  })

  // Alliances (#15): a case its organization sent across is opened by id, the OR-ed range beside the primary key.
  test('a case a sender reads is found by primary key, whatever the OR-ed alliance range', async () => {
    for (const visible of [COUNTY_SENDER, CITY_SENDER]) {
      const text = await plan(t.ctx.db.selectFrom('complaints').select('id').where('id', '=', 'c-1').where(visible!))
      assert.doesNotMatch(text, /SCAN complaints(?! USING (COVERING )?INDEX)|Seq Scan on complaints/, text)
      assert.match(text, /USING (COVERING )?INDEX sqlite_autoindex_complaints_1|USING INTEGER PRIMARY KEY|USING PRIMARY KEY|Index Scan using complaints_pkey/, text)
    }
  })
  const alliances = {
    'whether an organization sent cases across (one probe)': ['complaints', 'complaints_alliance_sender', () => sentAcrossQuery(t.ctx.db, '/org-default/o-city/')],
    "an alliance's transfers, newest first": ['alliance_transfers', 'alliance_transfers_list', () => allianceTransfersQuery(t.ctx.db, 'a-1', 100)],
    "an organization's members": ['staff_memberships', 'staff_memberships_organization', () => membersQuery(t.ctx.db, 'o-county')],
    "an alliance's findings, newest first": ['alliance_findings', 'alliance_findings_feed', () => findingFeedQuery(t.ctx.db, 'a-1', AFTER, 21)],
    'the findings about a business in my alliances': ['alliance_findings', 'alliance_findings_business', () => findingsAboutQuery(t.ctx.db, 'e:e-1', ['a-1', 'a-2'], 20)],
    'walk-in filings never filed, oldest first (retention)': ['walk_in_filings', 'walk_in_filings_unfinished', () => unfinishedFilingsQuery(t.ctx.db, AFTER.due, 200)],
    'walk-in filings never filed naming a phone (account deletion)': ['walk_in_filings', 'walk_in_filings_unfinished_phone', () => unfinishedFilingsOfPhoneQuery(t.ctx.db, '13800000001')],
  } as const
  for (const [name, [table, index, build]] of Object.entries(alliances)) {
    test(`${name} reads ${index}`, async () => {
      const text = await plan(build() as { compile(): CompiledQuery })
      assert.doesNotMatch(text, new RegExp(`SCAN ${table}(?! USING (COVERING )?INDEX)|Seq Scan on ${table}`), text)
      assert.match(text, new RegExp(`(USING (COVERING )?INDEX|Index (Only )?Scan( Backward)? using) ${index}\\b`), text)
    })
  }

  // The mediation room: a thread's pages and its newest seq, the room's next session, and the reminder job.
  const room = {
    "a thread's newest page": ['mediation_messages_thread', 'mediation_messages', (t: TestApp) => threadPageQuery(t.ctx.db, 'c-1', 'shared', { limit: 31 })],
    "a thread's older page": ['mediation_messages_thread', 'mediation_messages', (t: TestApp) => threadPageQuery(t.ctx.db, 'c-1', 'consumer', { before: 40, limit: 31 })],
    'what came since in a thread': ['mediation_messages_thread', 'mediation_messages', (t: TestApp) => threadPageQuery(t.ctx.db, 'c-1', 'shared', { after: 40, limit: 31 })],
    "a thread's newest seq": ['mediation_messages_thread', 'mediation_messages', (t: TestApp) => latestSeqQuery(t.ctx.db, 'c-1', 'notes')],
    "a room's next session": ['mediation_sessions_complaint', 'mediation_sessions', (t: TestApp) => currentSessionQuery(t.ctx.db, 'c-1', AFTER.due)],
    'sessions due a day-before reminder': ['mediation_sessions_due', 'mediation_sessions', (t: TestApp) => dueSessionsQuery(t.ctx.db, new Date(AFTER.due), SESSION_REMINDERS[0])],
    'sessions due a 30-minute reminder': ['mediation_sessions_due', 'mediation_sessions', (t: TestApp) => dueSessionsQuery(t.ctx.db, new Date(AFTER.due), SESSION_REMINDERS[1])],
  } as const
  for (const [name, [index, table, build]] of Object.entries(room)) {
    test(`${name} reads ${index} in order`, async () => {
      const text = await plan(build(t))
      assert.doesNotMatch(text, new RegExp(`SCAN ${table}(?! USING (COVERING )?INDEX)`), text)
      assert.doesNotMatch(text, new RegExp(`Seq Scan on ${table}`), text)
      assert.match(text, new RegExp(`(USING (COVERING )?INDEX|Index (Only )?Scan( Backward)? using) ${index}\\b`), text)
      assertInOrder(text)
    })
  }

  // Field reports (#15): a county's review list is an equality on organization_id (its own index), a
  // city's a range of organization_path beside the newest-first index; both come out in order.
  const REPORTS_OF_COUNTY = fieldReportsVisibleTo({ organization: organization('o-county', '/org-default/o-city/o-county/'), leaf: true } as StaffScope)
  const REPORTS_OF_CITY = fieldReportsVisibleTo({ organization: organization('o-city', '/org-default/o-city/'), leaf: false } as StaffScope)
  const REPORT_AFTER = { createdAt: AFTER.createdAt, id: 'r-1' }
  const fieldReports = {
    "a county's field reports": ['field_reports_org_created', () => staffReportsQuery(t.ctx.db, { visible: REPORTS_OF_COUNTY }, null, 31)],
    "a county's field reports: next page, pending only": ['field_reports_org_created', () => staffReportsQuery(t.ctx.db, { visible: REPORTS_OF_COUNTY, status: 'pending' }, REPORT_AFTER, 31)],
    "a city's field reports": ['field_reports_created', () => staffReportsQuery(t.ctx.db, { visible: REPORTS_OF_CITY }, REPORT_AFTER, 31)],
    "the top's field reports": ['field_reports_created', () => staffReportsQuery(t.ctx.db, {}, null, 31)],
  } as const
  for (const [name, [index, build]] of Object.entries(fieldReports)) {
    test(`${name} read ${index} newest first`, async () => {
      const text = await plan(build())
      assert.doesNotMatch(text, /SCAN field_reports(?! USING (COVERING )?INDEX)|Seq Scan on field_reports/, text)
      assert.match(text, new RegExp(`(USING (COVERING )?INDEX|Index (Only )?Scan( Backward)? using) ${index}\\b`), text)
      assertInOrder(text)
    })
  }
  test("a photo's field report is found by the photo's unique evidence id", async () => {
    const text = await plan(reportOfPhotoQuery(t.ctx.db, 'e-1'))
    assert.doesNotMatch(text, /SCAN (field_report_photos|field_reports)(?! USING)|Seq Scan on (field_report_photos|field_reports)/, text)
  })

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

  // The court hand-off: a case's court referral (its primary key) and its support-for-litigation letter.
  const court = {
    "a case's court referral": ['court_referrals', '(sqlite_autoindex_court_referrals_1|court_referrals_pkey)', (t: TestApp) => referralQuery(t.ctx.db, 'c-1')],
    "a case's litigation letter": ['litigation_letters', 'litigation_letters_complaint', (t: TestApp) => letterQuery(t.ctx.db, 'c-1')],
  } as const
  for (const [name, [table, index, build]] of Object.entries(court)) {
    test(`${name} reads ${index}`, async () => {
      const text = await plan(build(t))
      assert.doesNotMatch(text, new RegExp(`SCAN ${table}(?! USING (COVERING )?INDEX)`), text)
      assert.doesNotMatch(text, new RegExp(`Seq Scan on ${table}`), text)
      assert.match(text, new RegExp(`(USING (COVERING )?(PRIMARY KEY|INDEX)|Index (Only )?Scan using) ${index}`), text)
    })
  }

  // Performance follow-up (履行回访): the sweeps, the staff list of 未履行 cases, an enterprise's figures.
  const performance = {
    'questions due': ['performance_follow_ups_ask', (t: TestApp) => dueQuestionsQuery(t.ctx.db, AFTER.due, 20)],
    'questions unanswered': ['performance_follow_ups_answer_due', (t: TestApp) => unansweredQuery(t.ctx.db, AFTER.due, 20)],
    '未履行 cases past their deadline': ['performance_follow_ups_handle_due', (t: TestApp) => lateUnperformedQuery(t.ctx.db, AFTER.due, 20)],
    '未履行 cases for staff': ['performance_follow_ups_handle_due', (t: TestApp) => unperformedCasesQuery(t.ctx.db, 100)],
    "an enterprise's performed settlements": ['performance_follow_ups_enterprise', (t: TestApp) => enterprisePerformanceQuery(t.ctx.db, 'e-1')],
  } as const
  for (const [name, [index, build]] of Object.entries(performance)) {
    test(`${name} reads ${index}`, async () => {
      const text = await plan(build(t))
      assert.doesNotMatch(text, /SCAN (performance_follow_ups|f)(?! USING (COVERING )?INDEX)/, text)
      assert.doesNotMatch(text, /Seq Scan on performance_follow_ups/, text)
      assert.match(text, new RegExp(`(USING (COVERING )?INDEX|Index (Only )?Scan( Backward)? using) ${index}\\b`), text)
    })
  }
  // Lawyer Q&A (#18): every list is read from its index, in its order where it has one.
  const qa = {
    "an organization's lawyer team": ['lawyer_memberships', 'lawyer_memberships_organization', true, (t: TestApp) => lawyersOfOrganizationQuery(t.ctx.db, 'o-county')],
    'the public archive, newest sessions first': ['qa_sessions', 'qa_sessions_starts', true, (t: TestApp) => sessionsPageQuery(t.ctx.db, 50)],
    "an organization's sessions": ['qa_sessions', 'qa_sessions_organization', true, (t: TestApp) => sessionsOfOrganizationQuery(t.ctx.db, 'o-county')],
    // A lawyer's few sessions are sorted after the index finds them (bounded by their duty rows).
    "a lawyer's sessions": ['qa_session_lawyers', 'qa_session_lawyers_lawyer', false, (t: TestApp) => sessionsOfLawyerQuery(t.ctx.db, 'u-1')],
    "a session's waiting questions": ['qa_questions', 'qa_questions_session_status', true, (t: TestApp) => sessionQuestionsQuery(t.ctx.db, 's-1', 'waiting')],
    "a session's published answers": ['qa_questions', 'qa_questions_session_published', true, (t: TestApp) => publishedOfSessionQuery(t.ctx.db, 's-1')],
    "an asker's questions": ['qa_questions', 'qa_questions_asker', true, (t: TestApp) => questionsOfAskerQuery(t.ctx.db, 'u-1')],
    'a 2-character archive search': ['qa_terms', 'qa_terms_rank', true, (t: TestApp) => qaPairHitsQuery(t.ctx.db, '预付', 50)],
    // 跟进问题的解决: the complaints filed from one lawyer's answers, newest first.
    "a lawyer's follow-ups": ['qa_complaint_links', 'qa_complaint_links_lawyer', true, (t: TestApp) => followUpsOfLawyerQuery(t.ctx.db, 'u-1')],
  } as const
  for (const [name, [table, index, ordered, build]] of Object.entries(qa)) {
    test(`${name} reads ${index}${ordered ? ' in order' : ''}`, async () => {
      const text = await plan(build(t))
      assert.doesNotMatch(text, new RegExp(`SCAN ${table}(?! USING (COVERING )?INDEX)|Seq Scan on ${table}`), text)
      assert.match(text, new RegExp(`(USING (COVERING )?INDEX|Index (Only )?Scan( Backward)? using) ${index}\\b`), text)
      if (ordered) assertInOrder(text)
    })
  }

  // Legal aid (#18): a case's requests, staff's lists by status (narrowed to the cases they see), a lawyer's assignments.
  const legalAid = {
    "a case's legal aid requests": ['legal_aid_requests_complaint', (t: TestApp) => aidOfComplaintQuery(t.ctx.db, 'c-1')],
    'open legal aid requests for the top organization': ['legal_aid_requests_status', (t: TestApp) => aidByStatusQuery(t.ctx.db, 'open')],
    'open legal aid requests for a county': ['legal_aid_requests_status', (t: TestApp) => aidByStatusQuery(t.ctx.db, 'open').where(COUNTY!)],
    'assigned legal aid requests for a city': ['legal_aid_requests_status', (t: TestApp) => aidByStatusQuery(t.ctx.db, 'assigned').where(CITY!)],
    "a lawyer's assigned requests": ['legal_aid_requests_lawyer', (t: TestApp) => aidOfLawyerQuery(t.ctx.db, 'u-1', 'assigned')],
  } as const
  for (const [name, [index, build]] of Object.entries(legalAid)) {
    test(`${name} reads ${index} in order`, async () => {
      const text = await plan(build(t))
      assert.doesNotMatch(text, /SCAN (legal_aid_requests|r)(?! USING (COVERING )?INDEX)|Seq Scan on legal_aid_requests/, text)
      assert.doesNotMatch(text, /SCAN complaints(?! USING (COVERING )?(INDEX|PRIMARY KEY))|Seq Scan on complaints/, text)
      assert.match(text, new RegExp(`(USING (COVERING )?INDEX|Index (Only )?Scan( Backward)? using) ${index}\\b`), text)
      assertInOrder(text)
    })
  }
  // Either way round is bounded: ended sessions from qa_sessions_ends, then each one's waiting questions;
  // or the waiting questions (few: the job deletes the old ones) from the same index, each session by key.
  test('retention: unanswered questions of sessions ended before the cutoff are read from indexes, never a table scan', async () => {
    const text = await plan(unansweredQuestionsQuery(t.ctx.db, AFTER.due, 200))
    assert.doesNotMatch(text, /SCAN (qa_questions|qa_sessions)(?! USING (COVERING )?INDEX)|Seq Scan on (qa_questions|qa_sessions)/, text)
    assert.match(text, /qa_questions_session_(status|published)\b/, text)
    assert.match(text, /qa_sessions_ends\b|qa_sessions_pkey|sqlite_autoindex_qa_sessions_1/, text)
  })
  // No-reason-return stores (#19): every list from its index, in its order.
  const stores = {
    'the public list of a region': ['return_commitments', 'return_commitments_region', true, (t: TestApp) => regionStoresQuery(t.ctx.db, '/org-default/', { path: '/org-default/', name: '店', id: 'r-1' }, 51)],
    'revoked stores for staff': ['return_commitments', 'return_commitments_region', true, (t: TestApp) => regionStoresQuery(t.ctx.db, '/org-default/o-city/', null, 21, 'revoked')],
    "an enterprise's commitments": ['return_commitments', 'return_commitments_enterprise', true, (t: TestApp) => enterpriseCommitmentsQuery(t.ctx.db, 'e-1', 100)],
    "a store's latest commitment": ['return_commitments', 'return_commitments_store', true, (t: TestApp) => latestOfStoreQuery(t.ctx.db, 'e-1|店')],
    "a store's returns by month": ['return_commitment_months', 'sqlite_autoindex_return_commitment_months_1|return_commitment_months_pk', true, (t: TestApp) => monthsOfQuery(t.ctx.db, 'r-1')],
    "a store's refusals": ['return_commitment_complaints', 'return_commitment_complaints_store', true, (t: TestApp) => refusalsOfQuery(t.ctx.db, 'r-1', 50)],
    "a store's upheld refusals in six months": ['return_commitment_complaints', 'return_commitment_complaints_upheld', false, (t: TestApp) => upheldSinceQuery(t.ctx.db, 'r-1', '2026-06-01T00:00:00.000Z')],
  } as const
  for (const [name, [table, index, ordered, build]] of Object.entries(stores)) {
    test(`${name} reads ${index}${ordered ? ' in order' : ''}`, async () => {
      const text = await plan(build(t))
      assert.doesNotMatch(text, new RegExp(`SCAN ${table}(?! USING (COVERING )?INDEX)|Seq Scan on ${table}`), text)
      assert.match(text, new RegExp(`(USING (COVERING )?(PRIMARY KEY|INDEX)|Index (Only )?Scan( Backward)? using) (${index})\\b`), text)
      if (ordered) assertInOrder(text)
    })
  }

  test('a longer archive search intersects its pairs from the qa_terms key, never scanning it', async () => {
    const text = await plan(qaCandidatesQuery(t.ctx.db, '预付卡退费'))
    assert.doesNotMatch(text, /SCAN qa_terms(?! USING (COVERING )?INDEX)|Seq Scan on qa_terms/, text)
    assert.match(text, /qa_terms_(pk|rank)|sqlite_autoindex_qa_terms_1/, text)
  })

  // Monthly rankings (#19): ranking a month reads its complaints and escalations from indexes; the
  // boards, an enterprise's places and the export are key ranges of the stored tables.
  const FROM = '2026-10-31T16:00:00.000Z'
  const TO = '2026-11-30T16:00:00.000Z'
  const credit = {
    "a month's complaints per enterprise": ['complaints', 'complaints_created_response', false, (t: TestApp) => monthComplaintCountsQuery(t.ctx.db, FROM, TO)],
    "a month's unanswered ODR deadlines": ['complaint_events', 'complaint_events_type_created', false, (t: TestApp) => monthEscalationsQuery(t.ctx.db, FROM, TO)],
    'one board of a scope, in place order': ['credit_rankings', 'credit_rankings_pk|sqlite_autoindex_credit_rankings_1', true, (t: TestApp) => boardQuery(t.ctx.db, '2026-11', 'food', '杭州市', 'red').limit(10)],
    "the month's regions": ['credit_rankings', 'credit_rankings_pk|sqlite_autoindex_credit_rankings_1', false, (t: TestApp) => monthRegionsQuery(t.ctx.db, '2026-11')],
    "an enterprise's places": ['credit_rankings', 'credit_rankings_enterprise', false, (t: TestApp) => placesOfEnterpriseQuery(t.ctx.db, 'e-1', '2026-11')],
    "a month's export, in enterprise order": ['credit_ranking_inputs', 'credit_ranking_inputs_pk|sqlite_autoindex_credit_ranking_inputs_1', true, (t: TestApp) => monthInputsQuery(t.ctx.db, '2026-11')],
    "an enterprise's complaints per month": ['business_rollups', 'business_rollups_enterprise', true, (t: TestApp) => enterpriseMonthsQuery(t.ctx.db, 'e-1', '2025-12', '2026-11')],
    "an enterprise's mediation results": ['complaints', 'complaints_enterprise_mediation', false, (t: TestApp) => enterpriseMediationQuery(t.ctx.db, 'e-1')],
  } as const
  for (const [name, [table, index, ordered, build]] of Object.entries(credit)) {
    test(`credit index: ${name} reads ${index.split('|')[0]}`, async () => {
      const text = await plan(build(t))
      assert.doesNotMatch(text, new RegExp(`SCAN ${table}(?! USING (COVERING )?INDEX)|Seq Scan on ${table}`), text)
      assert.doesNotMatch(text, /SCAN complaints(?! USING (COVERING )?INDEX)|Seq Scan on complaints\b/, text)
      assert.match(text, new RegExp(`(USING (COVERING )?INDEX|Index (Only )?Scan( Backward)? using) (${index})\\b`), text)
      if (ordered) assertInOrder(text)
    })
  }
  // Published cases (#19): the public list, an enterprise's cases, the consent, the moderation queue, the search.
  const published = {
    'the public list, newest first': ['published_cases', 'published_cases_public', true, (t: TestApp) => publishedPageQuery(t.ctx.db, 50)],
    "an enterprise's published cases": ['published_cases', 'published_cases_enterprise', true, (t: TestApp) => publishedOfEnterpriseQuery(t.ctx.db, 'e-1', 50)],
    "a liaison's cases": ['published_cases', 'published_cases_enterprise', false, (t: TestApp) => casesForEnterpriseQuery(t.ctx.db, 'e-1')],
    "a case's latest consent": ['publication_consents', 'publication_consents_complaint', true, (t: TestApp) => latestConsentQuery(t.ctx.db, 'c-1')],
    'replies waiting for moderation': ['published_case_replies', 'published_case_replies_queue', true, (t: TestApp) => pendingRepliesQuery(t.ctx.db, '/1/2/')],
    'a 2-character case search': ['published_case_terms', 'published_case_terms_rank', true, (t: TestApp) => casePairHitsQuery(t.ctx.db, '年卡', 50)],
  } as const
  for (const [name, [table, index, ordered, build]] of Object.entries(published)) {
    test(`${name} reads ${index}${ordered ? ' in order' : ''}`, async () => {
      const text = await plan(build(t))
      assert.doesNotMatch(text, new RegExp(`SCAN ${table}(?! USING (COVERING )?INDEX)|Seq Scan on ${table}`), text)
      assert.match(text, new RegExp(`(USING (COVERING )?INDEX|Index (Only )?Scan( Backward)? using) ${index}\\b`), text)
      if (ordered) assertInOrder(text)
    })
  }

  // Bad-faith findings (#19): each list from its index; a subtree's few findings are sorted after the range finds them.
  const findings = {
    'the public list of published findings': ['bad_faith_findings', 'bad_faith_findings_public', true, (t: TestApp) => publicFindingsQuery(t.ctx.db, '2026-12-05T00:00:00.000Z')],
    "an enterprise's findings": ['bad_faith_findings', 'bad_faith_findings_enterprise', true, (t: TestApp) => enterpriseFindingsQuery(t.ctx.db, 'e-1')],
    "an organization's findings (its subtree)": ['bad_faith_findings', 'bad_faith_findings_organization', false, (t: TestApp) => organizationFindingsQuery(t.ctx.db, '/org-default/o-city/')],
    "a county's cases about an enterprise, to link": ['complaints', 'complaints_enterprise_created', true, (t: TestApp) => enterpriseCasesQuery(t.ctx.db, 'e-1', '/org-default/o-city/o-county/')],
    "the top's cases about an enterprise, to link": ['complaints', 'complaints_enterprise_created', true, (t: TestApp) => enterpriseCasesQuery(t.ctx.db, 'e-1', null)],
  } as const
  for (const [name, [table, index, ordered, build]] of Object.entries(findings)) {
    test(`${name} reads ${index}${ordered ? ' in order' : ''}`, async () => {
      const text = await plan(build(t))
      assert.doesNotMatch(text, new RegExp(`SCAN ${table}(?! USING (COVERING )?INDEX)|Seq Scan on ${table}`), text)
      assert.match(text, new RegExp(`(USING (COVERING )?INDEX|Index (Only )?Scan( Backward)? using) ${index}\\b`), text)
      if (ordered) assertInOrder(text)
    })
  }

  test('a longer case search intersects its pairs from the published_case_terms key, never scanning it', async () => {
    const text = await plan(caseCandidatesQuery(t.ctx.db, '健身年卡退'))
    assert.doesNotMatch(text, /SCAN published_case_terms(?! USING (COVERING )?INDEX)|Seq Scan on published_case_terms/, text)
    assert.match(text, /published_case_terms_(pk|rank)|sqlite_autoindex_published_case_terms_1/, text)
  })
})
