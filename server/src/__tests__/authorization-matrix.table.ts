import { randomUUID } from 'node:crypto'
import { validComplaint } from './support/complaints'
import type { Actor, Cast, FixtureName } from './support/matrix-fixtures'
import { ACTORS, CASE_SUMMARY, FIXTURES, freshPhone, MATRIX_PARTNER, newChildOrganization, nextQaSessionNumber, returnCommitmentForm, STATION_FORM } from './support/matrix-fixtures'
import type { TestApp } from './support/test-app'
import { validReport } from './support/volunteers'
import { WARNING_FIELDS } from './support/warnings'
import { PROPOSAL } from './support/workflow'
import { DRAFT } from './support/agreements'
import { chinaToday } from '../../../src/contract/complaint-rules'
import { freshLicence } from './support/lawyers'
import { proposalBody } from './support/credit-findings'

/**
 * What each kind of caller gets from each route. `ok`: let through (2xx, or a status in `alsoOk`);
 * 401: must sign in; 403: not for this role; 404: hidden, answered as if the thing did not exist.
 */
export type Outcome = 'ok' | 401 | 403 | 404

export interface MatrixRow {
  /** anonymous, consumer A, consumer B, volunteer, liaison of E, liaison of F, staff of the top organization, staff of a county */
  expect: readonly [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome]
  /** Path parameters, each built by the named fixture. */
  params?: Readonly<Record<string, FixtureName>>
  query?: Readonly<Record<string, string>>
  /** The whole query string, built by the named fixture. */
  search?: FixtureName
  body?: object | ((t: TestApp, cast: Cast) => object | Promise<object>)
  /** Sends a small JPEG as the multipart `file` field. */
  photo?: true
  headers?: () => Record<string, string>
  /** Each caller signs in again first: the route ends the session it is called with. */
  freshSession?: true
  /** Lists: the id the fixture builds must not appear in the answer to these callers. */
  conceals?: ReadonlyArray<{ fixture: FixtureName; from: readonly Actor[] }>
  /** Statuses that also mean "let through" here, e.g. 400 for a wrong SMS code on a public route. */
  alsoOk?: readonly number[]
}

const Y = 'ok'
const EVERYONE = [Y, Y, Y, Y, Y, Y, Y, Y] as const
const SIGNED_IN = [401, Y, Y, Y, Y, Y, Y, Y] as const
/** Staff of every organization (each sees its own part). */
const STAFF = [401, 403, 403, 403, 403, 403, Y, Y] as const
/** Staff acting on what the top organization holds (a case, its members, its alliance): a county below gets 404. */
const STAFF_OF_HOLDER = [401, 403, 403, 403, 403, 403, Y, 404] as const
/** Staff of the organization overseeing enterprise E (the top: E has no region); a county is told who oversees it. */
const OVERSEERS_OF_E = [401, 403, 403, 403, 403, 403, Y, 403] as const
/** Station operators only (代办): staff without a station get 403 too. */
const NOBODY_BUT_OPERATORS = [401, 403, 403, 403, 403, 403, 403, 403] as const
const COMPLAINANT_ONLY = [401, Y, Y, Y, 403, 403, 403, 403] as const
const VOLUNTEER = [401, 403, 403, Y, 403, 403, 403, 403] as const
const LIAISONS = [401, 403, 403, 403, Y, Y, 403, 403] as const
/** On A's ODR complaint to E: A, E's liaison, staff. */
const ODR_VIEWERS = [401, Y, 404, 404, Y, 404, Y, 404] as const
/** On A's association-path complaint naming E: A and staff only. */
const ASSOCIATION_VIEWERS = [401, Y, 404, 404, 404, 404, Y, 404] as const
/** In the mediation room of A's association-path case naming E: A, E's liaison, staff. */
const ROOM_PARTIES = [401, Y, 404, 404, Y, 404, Y, 404] as const
/** A's own action on A's complaint. */
const A_ACTS = [401, Y, 404, 404, 403, 403, 403, 403] as const
/** E's liaison acts on A's ODR complaint. */
const E_ACTS = [401, 403, 403, 403, Y, 404, 403, 403] as const
/** A's agreement with E: A, E's liaison (whatever the path), staff of the organization holding it. */
const AGREEMENT_VIEWERS = [401, Y, 404, 404, Y, 404, Y, 404] as const
/** Only the parties sign. */
const AGREEMENT_PARTIES = [401, Y, 404, 404, Y, 404, 403, 403] as const
/** The court hand-off of A's case: A and staff who see it; liaisons have no part in it. */
const COURT_VIEWERS = [401, Y, 404, 404, 403, 403, Y, 404] as const
let courtCase = 0
/** A court case number no other row used (a number is referred once). */
const courtReferral = (t: TestApp) => ({
  courtName: '杭州市西湖区人民法院',
  courtCaseNumber: `（2026）浙0106民诉前调${9000 + ++courtCase}号`,
  receivedOn: chinaToday(t.ctx.now()),
  courtDeadline: '2030-12-31',
})
/** A's settled ODR case: A, and staff of the organization holding it; liaisons have no follow-up to see. */
const PERFORMANCE_VIEWERS = [401, Y, 404, 404, 403, 403, Y, 404] as const
/** The lawyer routes: consumer B is on the top organization's lawyer team (matrix-fixtures), no one else. */
/** Bad-faith findings: staff holding 失信认定 (the top's staff actor); the county's staff lack it. */
const CREDIT_STAFF = [401, 403, 403, 403, 403, 403, Y, 403] as const
const LAWYER = [401, 403, Y, 403, 403, 403, 403, 403] as const
/** A's question in a session of the top organization with B on duty: A, B, the top's staff. */
const QUESTION_VIEWERS = [401, Y, Y, 404, 404, 404, Y, 404] as const
const action = (params: Record<string, FixtureName>, body?: MatrixRow['body']) => ({ params, ...(body ? { body } : {}) })

/** 集体投诉统一处理 on the open group about E (the complaintGroup fixture), at its current version, for its first member. */
async function groupActionBody(t: TestApp, c: Cast) {
  const group = await t.ctx.db.selectFrom('complaint_groups').select(['id', 'version']).where('business_key', '=', `e:${c.enterpriseE}`).where('status', '=', 'open').executeTakeFirstOrThrow()
  const first = await t.ctx.db.selectFrom('complaints').select(['id', 'amount_fen']).where('group_id', '=', group.id).orderBy('created_at').limit(1).executeTakeFirstOrThrow()
  return { version: Number(group.version), text: '商家同意按各自金额退款', promisedDate: '2030-02-01', mediationOutcome: 'note', members: [{ complaintId: first.id, amountFen: Number(first.amount_fen) }] }
}

export const MATRIX: Readonly<Record<string, MatrixRow>> = {
  'GET /api/health': { expect: EVERYONE },

  'POST /api/auth/sms-code': { expect: EVERYONE, body: () => ({ phone: freshPhone() }) },
  'POST /api/auth/phone': { expect: EVERYONE, body: { phone: '13500000001', code: '000000' }, alsoOk: [400] },
  'POST /api/auth/wechat': { expect: EVERYONE, body: { code: 'not-a-wx-code' }, alsoOk: [400, 502, 503] },
  // A refresh token is the credential here, whatever bearer token comes with it.
  'POST /api/auth/refresh': { expect: [401, 401, 401, 401, 401, 401, 401, 401], body: { refreshToken: 'f'.repeat(64) } },
  'POST /api/auth/logout': { expect: SIGNED_IN, freshSession: true },
  'GET /api/me': { expect: SIGNED_IN },
  'GET /api/users': { expect: STAFF },
  'GET /api/staff/members': { expect: STAFF },
  'GET /api/files': { expect: EVERYONE, search: 'signedPhotoLink' },

  'POST /api/evidence': { expect: SIGNED_IN, photo: true },
  'GET /api/evidence/{id}': { expect: ODR_VIEWERS, params: { id: 'odrPhoto' } },
  'GET /api/evidence/{id} #association path': { expect: ASSOCIATION_VIEWERS, params: { id: 'associationPhoto' } },
  // B is the lawyer assigned to the case's legal aid request (with A's consent).
  'GET /api/evidence/{id} #assigned lawyer': { expect: [401, Y, Y, 404, 404, 404, Y, 404], params: { id: 'legalAidPhoto' } },
  'GET /api/evidence/{id} #not yet attached': { expect: [401, Y, 404, 404, 404, 404, Y, Y], params: { id: 'unattachedPhoto' } },
  'GET /api/evidence/{id} #on a field report': { expect: [401, 404, 404, Y, 404, 404, Y, 404], params: { id: 'fieldReportPhoto' } },
  'GET /api/evidence/{id}/original': { expect: [401, 404, 404, 404, 404, 404, Y, 404], params: { id: 'odrPhoto' } },

  'POST /api/complaints': { expect: COMPLAINANT_ONLY, body: (t) => validComplaint(t), headers: () => ({ 'idempotency-key': randomUUID() }) },
  'GET /api/complaints': { expect: COMPLAINANT_ONLY, conceals: [{ fixture: 'odrComplaint', from: ['consumerB', 'volunteer'] }] },
  'GET /api/complaints/{id}': { expect: ODR_VIEWERS, params: { id: 'odrComplaint' } },
  // Staff only, even the consumer whose case it is (their copy is 我的数据导出) and the liaison of an ODR case.
  'GET /api/complaints/{id}/evidence-package': { expect: STAFF_OF_HOLDER, params: { id: 'odrComplaint' } },
  'GET /api/complaints/{id}/evidence-package #association path': { expect: STAFF_OF_HOLDER, params: { id: 'associationComplaint' } },
  'GET /api/complaints/{id} #association path': { expect: ASSOCIATION_VIEWERS, params: { id: 'associationComplaint' } },
  // Held by another county below the top: the top sees it, a sibling county does not.
  'GET /api/complaints/{id} #held by a county': { expect: ASSOCIATION_VIEWERS, params: { id: 'childOrganizationComplaint' } },
  'POST /api/complaints/{id}/messages': { expect: A_ACTS, params: { id: 'odrComplaint' }, body: { text: '补充一下：店员说下周再退款' } },
  'POST /api/complaints/{id}/messages #association path': { expect: A_ACTS, params: { id: 'associationComplaint' }, body: { text: '补充一下：店员说下周再退款' } },
  'POST /api/complaints/{id}/withdraw': { expect: A_ACTS, params: { id: 'odrComplaint' }, body: { reason: '已经和商家谈好了' } },

  'GET /api/enterprises': { expect: EVERYONE },
  'POST /api/enterprises': { expect: STAFF, body: () => ({ name: `矩阵测试企业${freshPhone()}`, industry: 'food' }) },
  'GET /api/enterprises/{id}': { expect: EVERYONE, params: { id: 'enterpriseE' } },
  'PATCH /api/enterprises/{id}': { expect: OVERSEERS_OF_E, params: { id: 'enterpriseE' }, body: { address: '朝阳区建国路 1 号' } },
  'PUT /api/enterprises/{id}': { expect: OVERSEERS_OF_E, params: { id: 'enterpriseE' }, body: { name: '示例优选超市有限公司', industry: 'food', odr: true } },
  'POST /api/enterprises/{id}/liaisons': { expect: OVERSEERS_OF_E, params: { id: 'enterpriseE' }, body: () => ({ phone: freshPhone(), name: '孙经理' }) },
  'GET /api/enterprises/{id}/liaisons': { expect: OVERSEERS_OF_E, params: { id: 'enterpriseE' } },

  'POST /api/complaints/{id}/actions/propose': { expect: E_ACTS, ...action({ id: 'odrComplaint' }, PROPOSAL) },
  'POST /api/complaints/{id}/actions/propose #association path': {
    expect: [401, 403, 403, 403, 404, 404, 403, 403],
    ...action({ id: 'associationComplaint' }, PROPOSAL),
  },
  'POST /api/complaints/{id}/actions/request_info': { expect: E_ACTS, ...action({ id: 'odrComplaint' }, { text: '请提供付款凭证' }) },
  'POST /api/complaints/{id}/actions/mark_settled': { expect: E_ACTS, ...action({ id: 'odrComplaint' }, { note: '已当面退款' }) },
  'POST /api/complaints/{id}/actions/accept_proposal': { expect: A_ACTS, ...action({ id: 'proposedComplaint' }, {}) },
  'POST /api/complaints/{id}/actions/reject_proposal': { expect: A_ACTS, ...action({ id: 'proposedComplaint' }, { reason: '退款金额太少' }) },
  'POST /api/complaints/{id}/actions/accept': { expect: STAFF_OF_HOLDER, ...action({ id: 'associationComplaint' }, {}) },
  'POST /api/complaints/{id}/actions/reject': { expect: STAFF_OF_HOLDER, ...action({ id: 'associationComplaint' }, { ground: 'missing_facts' }) },
  'POST /api/complaints/{id}/actions/refer': { expect: STAFF_OF_HOLDER, ...action({ id: 'associationComplaint' }, { destination: 'telecom_appeal' }) },
  'POST /api/complaints/{id}/actions/start_mediation': { expect: STAFF_OF_HOLDER, ...action({ id: 'acceptedComplaint' }, {}) },
  'POST /api/complaints/{id}/actions/mediation_succeeded': {
    expect: STAFF_OF_HOLDER,
    ...action({ id: 'mediatingComplaint' }, { agreement: '商家退还 3000 元', recoveredAmountFen: 300_000 }),
  },
  'POST /api/complaints/{id}/actions/mediation_failed': { expect: STAFF_OF_HOLDER, ...action({ id: 'mediatingComplaint' }, { advice: 'arbitration' }) },
  'POST /api/complaints/{id}/actions/close': { expect: STAFF_OF_HOLDER, ...action({ id: 'mediatedComplaint' }, { outcome: '调解成功，商家已履行' }) },
  'POST /api/complaints/{id}/actions/assign': { expect: STAFF_OF_HOLDER, ...action({ id: 'associationComplaint' }, (_t, cast) => ({ staffId: cast.people.staff.id })) },
  'POST /api/complaints/{id}/actions/note': { expect: STAFF_OF_HOLDER, ...action({ id: 'associationComplaint' }, { text: '已电话联系商家' }) },
  'POST /api/complaints/{id}/actions/pause_clock': { expect: STAFF_OF_HOLDER, ...action({ id: 'acceptedComplaint' }, { reason: '产品送质检机构检测' }) },
  'POST /api/complaints/{id}/actions/resume_clock': { expect: STAFF_OF_HOLDER, ...action({ id: 'pausedComplaint' }, {}) },
  // The mediation room: consumer A, E's liaison (the business named, association path too) and staff; a side thread only its party and staff.
  'GET /api/complaints/{id}/room': { expect: ROOM_PARTIES, params: { id: 'mediatingComplaint' } },
  'POST /api/complaints/{id}/room/heartbeat': { expect: ROOM_PARTIES, params: { id: 'mediatingComplaint' } },
  'GET /api/complaints/{id}/room/threads/{thread}/messages': { expect: ASSOCIATION_VIEWERS, params: { id: 'mediatingComplaint', thread: 'consumerThread' } },
  'POST /api/complaints/{id}/room/threads/{thread}/messages': { expect: ROOM_PARTIES, params: { id: 'mediatingComplaint', thread: 'sharedThread' }, body: { text: '我同意调解' } },
  'POST /api/complaints/{id}/room/threads/{thread}/read': { expect: ASSOCIATION_VIEWERS, params: { id: 'mediatingComplaint', thread: 'consumerThread' }, body: { seq: 0 } },
  'POST /api/complaints/{id}/room/sessions': {
    expect: STAFF_OF_HOLDER,
    params: { id: 'mediatingComplaint' },
    body: (t) => ({ startsAt: new Date(t.ctx.now().getTime() + 2 * 24 * 3600_000).toISOString() }),
  },
  'POST /api/complaints/{id}/room/sessions/{sessionId}/answer': {
    expect: [401, Y, 404, 404, Y, 404, 403, 403],
    params: { id: 'proposedSessionComplaint', sessionId: 'latestSession' },
    body: { answer: 'confirmed' },
  },
  'POST /api/complaints/{id}/room/sessions/{sessionId}/absences': { expect: STAFF_OF_HOLDER, params: { id: 'startedSessionComplaint', sessionId: 'latestSession' }, body: { party: 'consumer' } },
  'POST /api/complaints/{id}/actions/rate': { expect: A_ACTS, ...action({ id: 'mediatedComplaint' }, { stars: 5 }) },
  'GET /api/enterprise/complaints': {
    expect: LIAISONS,
    conceals: [
      { fixture: 'odrComplaint', from: ['liaisonF'] },
      { fixture: 'associationComplaint', from: ['liaisonE', 'liaisonF'] },
    ],
  },
  'GET /api/staff/complaints': {
    expect: STAFF,
    conceals: [
      { fixture: 'associationComplaint', from: ['countyStaff'] },
      { fixture: 'childOrganizationComplaint', from: ['countyStaff'] },
    ],
  },
  'GET /api/staff/statistics': { expect: STAFF },
  'GET /api/staff/statistics.csv': { expect: STAFF },
  // Which organization's figures: statistics-figures.test.ts (a county never sees a sibling's).
  'GET /api/staff/statistics/figures': { expect: STAFF },
  'GET /api/staff/statistics/figures.csv': { expect: STAFF },
  // Liaisons are refused even the reads of their own enterprise: the log is the association admins'.
  'GET /api/staff/access-log': { expect: STAFF, search: 'accessLogOfOdrComplaint' },
  'GET /api/staff/access-log #one reader': { expect: STAFF, search: 'accessLogOfLiaisonE' },
  // Everyone may take a copy of their own data; another person's export is answered as if it did not exist.
  'POST /api/me/data-exports': { expect: SIGNED_IN },
  'GET /api/me/data-exports/latest': { expect: SIGNED_IN },
  'GET /api/me/data-exports/{id}': { expect: [401, Y, 404, 404, 404, 404, 404, 404], params: { id: 'dataExportOfA' } },
  // Only ever the caller's own account; staff and liaison accounts are closed by the association's admin.
  'GET /api/account/deletion': { expect: SIGNED_IN },
  'POST /api/account/deletion/sms-code': { expect: COMPLAINANT_ONLY },
  'POST /api/account/deletion': { expect: COMPLAINANT_ONLY, body: { code: '000000' }, alsoOk: [400] },
  'POST /api/account/deletion/cancel': { expect: COMPLAINANT_ONLY, alsoOk: [409] },

  'POST /api/volunteer-applications': {
    expect: [401, Y, Y, 403, 403, 403, 403, 403],
    body: (_t, cast) => ({ name: '王建国', region: '内蒙古/锡林郭勒盟', phone: cast.people.consumerA.phone, motivation: '退休在家，想帮乡亲们把关' }),
  },
  'GET /api/volunteer-applications/mine': { expect: SIGNED_IN },
  'GET /api/staff/volunteer-applications': { expect: STAFF },
  'POST /api/staff/volunteer-applications/{id}/approve': { expect: STAFF, params: { id: 'volunteerApplication' }, body: {} },
  'POST /api/staff/volunteer-applications/{id}/decline': { expect: STAFF, params: { id: 'volunteerApplication' }, body: { note: '材料不全' } },
  'POST /api/staff/volunteers/{userId}/revoke': { expect: STAFF, params: { userId: 'otherVolunteer' }, body: { note: '长期未走访' } },

  'POST /api/field-reports': { expect: VOLUNTEER, body: (t, cast) => validReport(t, cast.people.volunteer) },
  'GET /api/field-reports/mine': { expect: VOLUNTEER },
  // A field report belongs to the organization covering its region (the fixture's, in 内蒙古, to the top): a county below does not see it.
  'GET /api/field-reports/{id}': { expect: [401, 404, 404, Y, 404, 404, Y, 404], params: { id: 'fieldReport' } },
  'GET /api/staff/field-reports': { expect: STAFF, conceals: [{ fixture: 'fieldReport', from: ['countyStaff'] }] },
  'GET /api/staff/field-reports.csv': { expect: STAFF, conceals: [{ fixture: 'fieldReport', from: ['countyStaff'] }] },
  'POST /api/staff/field-reports/{id}/verify': { expect: STAFF_OF_HOLDER, params: { id: 'fieldReport' }, body: {} },
  'POST /api/staff/field-reports/{id}/dismiss': { expect: STAFF_OF_HOLDER, params: { id: 'fieldReport' }, body: { note: '照片看不清' } },
  'POST /api/staff/field-reports/{id}/convert-complaint': { expect: STAFF_OF_HOLDER, params: { id: 'fieldReport' }, body: {} },
  'POST /api/staff/field-reports/{id}/convert-warning': { expect: STAFF_OF_HOLDER, params: { id: 'fieldReport' }, body: {} },

  'GET /api/notifications': { expect: SIGNED_IN, conceals: [{ fixture: 'notificationOfA', from: ['consumerB', 'volunteer', 'liaisonE', 'liaisonF', 'staff'] }] },
  'GET /api/notifications/unread-count': { expect: SIGNED_IN },
  'POST /api/notifications/{id}/read': { expect: [401, Y, 404, 404, 404, 404, 404, 404], params: { id: 'notificationOfA' } },
  'POST /api/notifications/read-all': { expect: SIGNED_IN },
  'POST /api/notifications/stream-ticket': { expect: SIGNED_IN },
  // The stream admits a ticket, never a bearer token; tickets are tested in notifications-inbox.
  'GET /api/notifications/stream': { expect: [401, 401, 401, 401, 401, 401, 401, 401], query: { ticket: 'forged.ticket' } },
  'GET /api/notifications/preferences': { expect: SIGNED_IN },
  'PUT /api/notifications/preferences': { expect: SIGNED_IN, body: { items: [{ type: 'complaint_message', channel: 'wechat', enabled: false }] } },
  'GET /api/notifications/subscribe-config': { expect: EVERYONE },
  'POST /api/notifications/subscriptions': { expect: SIGNED_IN, body: { accepted: [] } },

  'GET /api/warnings': { expect: EVERYONE, conceals: [{ fixture: 'warningDraft', from: ACTORS }] },
  'GET /api/warnings/search': { expect: EVERYONE, query: { q: '旅游' }, conceals: [{ fixture: 'warningDraft', from: ACTORS }] },
  'GET /api/warnings/urgent': { expect: EVERYONE },

  // The association network (#15). Partner organizations are tested in organizations-network.test.ts.
  'GET /api/staff/organizations': { expect: STAFF },
  'GET /api/staff/organizations/mine': { expect: STAFF },
  // Creating needs the manage permission, which the county actor lacks.
  'POST /api/staff/organizations': {
    expect: [401, 403, 403, 403, 403, 403, Y, 403],
    body: async (t, cast) => {
      await t.ctx.db.updateTable('staff_memberships').set({ can_manage: 1 }).where('user_id', '=', cast.people.staff.id).execute()
      return { name: `矩阵新建消协${randomUUID().slice(0, 8)}`, level: 'county', regionCode: '110106', parentId: 'org-default' }
    },
  },
  'POST /api/complaints/{id}/transfer': {
    expect: STAFF_OF_HOLDER,
    params: { id: 'associationComplaint' },
    body: async (t) => ({ toOrganizationId: (await newChildOrganization(t)).id, reason: '不属于本会管辖' }),
  },
  'POST /api/complaints/{id}/hand-down': {
    expect: STAFF_OF_HOLDER,
    params: { id: 'associationComplaint' },
    body: async (t) => ({ toOrganizationId: (await newChildOrganization(t)).id, reason: '就近调解' }),
  },
  'POST /api/complaints/{id}/take-up': { expect: STAFF_OF_HOLDER, params: { id: 'childOrganizationComplaint' }, body: { toOrganizationId: 'org-default', reason: '案情重大' } },

  // Service stations (#15): finding them is public; managing them is for staff. Other organizations (404),
  // colleagues without manage (403) and a station's own operator are tested in stations.test.ts.
  'GET /api/stations': { expect: EVERYONE, query: { latitude: '39.92', longitude: '116.46' }, conceals: [{ fixture: 'inactiveStation', from: ACTORS }] },
  'GET /api/stations/regions': { expect: EVERYONE },
  // The county's staff member neither manages nor operates a station.
  'GET /api/staff/stations': { expect: [401, 403, 403, 403, 403, 403, Y, 403] },
  // A station of the top organization, or a new one there: above the county, so 404 to its staff.
  'POST /api/staff/stations': { expect: STAFF_OF_HOLDER, body: () => ({ organizationId: 'org-default', ...STATION_FORM, name: `矩阵新建服务站${randomUUID().slice(0, 8)}` }) },
  'PUT /api/staff/stations/{id}': { expect: STAFF_OF_HOLDER, params: { id: 'station' }, body: () => ({ ...STATION_FORM, name: `矩阵改名服务站${randomUUID().slice(0, 8)}`, active: true }) },
  // Walk-in filing (代办): only an operator of the filing's station; no matrix actor works at a station
  // (operators and other stations are in walk-in.test.ts). Station figures: staff of every organization.
  // Every staff workspace asks; staff at no station get station: null.
  'GET /api/station/mine': { expect: STAFF },
  'POST /api/station/walk-ins': { expect: NOBODY_BUT_OPERATORS, body: () => ({ phone: freshPhone(), personName: '王大爷' }) },
  'POST /api/station/walk-ins/{id}/consent': { expect: NOBODY_BUT_OPERATORS, params: { id: 'walkInFiling' }, body: { code: '123456' } },
  'POST /api/station/walk-ins/{id}/photos': { expect: NOBODY_BUT_OPERATORS, params: { id: 'walkInFiling' }, body: { evidenceId: 'not-a-photo' } },
  'POST /api/station/walk-ins/{id}/complaint': { expect: NOBODY_BUT_OPERATORS, params: { id: 'walkInFiling' }, body: (t) => validComplaint(t) },
  'GET /api/station/walk-ins': { expect: NOBODY_BUT_OPERATORS },
  'GET /api/staff/station-figures': { expect: STAFF },
  // Alliances and managing an organization's members. Partners, siblings and parents: alliances.test.ts, organization-members.test.ts.
  'POST /api/complaints/{id}/alliance-transfer': {
    expect: STAFF_OF_HOLDER,
    params: { id: 'allianceComplaint' },
    body: async (t) => ({ toOrganizationId: (await t.ctx.db.selectFrom('organizations').select('id').where('name', '=', MATRIX_PARTNER).executeTakeFirstOrThrow()).id, reason: '商家在苏州' }),
  },
  'GET /api/staff/alliances': { expect: STAFF },
  'GET /api/staff/alliances/{id}/transfers': { expect: STAFF_OF_HOLDER, params: { id: 'matrixAlliance' } },
  // Alliance findings: staff of a member and of the organizations below it; anyone else 404 (levels and 宁波 in alliance-findings.test.ts).
  'GET /api/staff/alliances/{id}/findings': { expect: STAFF, params: { id: 'topAlliance' } },
  'GET /api/staff/alliances/{id}/findings #not a member': { expect: [401, 403, 403, 403, 403, 403, 404, 404], params: { id: 'matrixAlliance' } },
  'POST /api/staff/alliances/{id}/findings': {
    expect: STAFF,
    params: { id: 'topAlliance' },
    body: () => ({ business: { name: '矩阵游船公司', region: '浙江省/杭州市/西湖区' }, pattern: `预售船票后停航 ${randomUUID()}`, complaintCount: 3 }),
  },
  'POST /api/staff/alliances/{id}/findings #not a member': {
    expect: [401, 403, 403, 403, 403, 403, 404, 404],
    params: { id: 'matrixAlliance' },
    body: () => ({ business: { name: '矩阵游船公司', region: '浙江省/杭州市/西湖区' }, pattern: `预售船票后停航 ${randomUUID()}`, complaintCount: 3 }),
  },
  'GET /api/complaints/{id}/alliance-findings': { expect: STAFF_OF_HOLDER, params: { id: 'associationComplaint' } },
  'GET /api/staff/groups/{id}/alliance-findings': { expect: STAFF_OF_HOLDER, params: { id: 'complaintGroup' } },
  'GET /api/staff/organizations/{id}/members': { expect: STAFF_OF_HOLDER, params: { id: 'managedOrganization' } },
  'POST /api/staff/organizations/{id}/members': {
    expect: STAFF_OF_HOLDER,
    params: { id: 'managedOrganization' },
    body: () => ({ phone: freshPhone(), displayName: '新干事', canManage: false, canMediate: true, stationId: null }),
  },
  'PUT /api/staff/organizations/{id}/members/{userId}': {
    expect: STAFF_OF_HOLDER,
    params: { id: 'managedOrganization', userId: 'memberOfManaged' },
    body: { canManage: true, canMediate: true, stationId: null },
  },
  'DELETE /api/staff/organizations/{id}/members/{userId}': { expect: STAFF_OF_HOLDER, params: { id: 'managedOrganization', userId: 'memberOfManaged' } },

  // Group complaints (群体性投诉). Levels (county, city, sibling) are tested in complaint-groups.test.ts.
  'GET /api/staff/groups': { expect: STAFF },
  'GET /api/staff/groups/{id}': { expect: STAFF_OF_HOLDER, params: { id: 'complaintGroup' } },
  'POST /api/staff/groups/{id}/notes': { expect: STAFF_OF_HOLDER, params: { id: 'complaintGroup' }, body: { note: '已约谈商家，要求逐一退款' } },
  // One member listed (the others are left as they are); the version read just before the call.
  'POST /api/staff/groups/{id}/actions': { expect: STAFF_OF_HOLDER, params: { id: 'complaintGroup' }, body: groupActionBody },
  'POST /api/staff/groups/{id}/close': { expect: STAFF_OF_HOLDER, params: { id: 'complaintGroup' }, body: { note: '商家已全部退款' } },
  'GET /api/complaints/{id}/group': { expect: A_ACTS, params: { id: 'associationComplaint' } },
  // A joins with a complaint of theirs about the group's business; B and the volunteer have none (404).
  'POST /api/groups/{id}/join': { expect: A_ACTS, params: { id: 'complaintGroup' }, body: async (t, cast) => ({ complaintId: await FIXTURES.associationComplaint(t, cast) }) },
  // Mediation agreements: A and E's liaison are the parties (on the association path too), staff draft.
  'GET /api/complaints/{id}/agreement': { expect: AGREEMENT_VIEWERS, params: { id: 'draftedAgreement' } },
  'POST /api/staff/complaints/{id}/agreement': { expect: STAFF_OF_HOLDER, params: { id: 'mediatingComplaint' }, body: DRAFT },
  'PUT /api/staff/complaints/{id}/agreement': { expect: STAFF_OF_HOLDER, params: { id: 'draftedAgreement' }, body: { baseVersion: 1, draft: { ...DRAFT, otherTerms: '双方互不追究' } } },
  // A hash nobody was shown: the parties get past the gate to 409 AGREEMENT_TEXT_CHANGED.
  'POST /api/complaints/{id}/agreement/signing-code': { expect: AGREEMENT_PARTIES, params: { id: 'draftedAgreement' }, body: { textSha256: 'a'.repeat(64) }, alsoOk: [409] },
  'POST /api/complaints/{id}/agreement/signature': { expect: AGREEMENT_PARTIES, params: { id: 'draftedAgreement' }, body: { textSha256: 'a'.repeat(64), code: '000000' }, alsoOk: [409] },
  // Not signed yet: 409 AGREEMENT_PDF_NOT_READY past the gate.
  'GET /api/complaints/{id}/agreement/pdf': { expect: AGREEMENT_VIEWERS, params: { id: 'draftedAgreement' }, alsoOk: [409] },
  // The court hand-off: staff of the holder register and issue; A downloads the letter.
  'GET /api/complaints/{id}/court': { expect: COURT_VIEWERS, params: { id: 'mediatingComplaint' } },
  'POST /api/staff/complaints/{id}/court-referral': { expect: STAFF_OF_HOLDER, params: { id: 'mediatingComplaint' }, body: (t) => courtReferral(t) },
  'POST /api/staff/court-referrals': {
    expect: STAFF,
    body: (t) => ({
      referral: courtReferral(t),
      consumer: { phone: freshPhone(), name: '刘大爷' },
      business: { name: '西湖畔茶食品有限公司' },
      industry: 'food',
      incidentDate: chinaToday(t.ctx.now()),
      amountFen: 12_800,
      description: '买的礼盒茶叶发霉，商家拒绝退货，法院委托消协先行调解。',
      demands: ['refund'],
    }),
  },
  'POST /api/staff/complaints/{id}/litigation-letter': { expect: STAFF_OF_HOLDER, params: { id: 'failedMediation' } },
  'GET /api/complaints/{id}/litigation-letter/pdf': { expect: COURT_VIEWERS, params: { id: 'litigationLetter' } },
  'GET /api/staff/complaints/{id}/judicial-confirmation-packet': { expect: STAFF_OF_HOLDER, params: { id: 'draftedAgreement' }, alsoOk: [409] },
  // Performance follow-up (履行回访): A answers and reopens; staff of the holder see 未履行 and handle it.
  'GET /api/complaints/{id}/performance': { expect: PERFORMANCE_VIEWERS, params: { id: 'askedFollowUp' } },
  'POST /api/complaints/{id}/performance/answer': { expect: A_ACTS, params: { id: 'askedFollowUp' }, body: { answer: 'not_received' } },
  'POST /api/complaints/{id}/performance/reopen': { expect: A_ACTS, params: { id: 'performedFollowUp' }, body: { reason: '退款没有到账' } },
  'GET /api/staff/performance/unperformed': { expect: STAFF, conceals: [{ fixture: 'unperformedFollowUp', from: ['countyStaff'] }] },
  'POST /api/staff/complaints/{id}/performance/handle': { expect: STAFF_OF_HOLDER, params: { id: 'unperformedFollowUp' }, body: { outcome: 'close', note: '商家已停业，告知消费者可起诉' } },
  // Public: an unknown hash is 404 to everyone alike (valid and void answers are in mediation-agreements.test.ts).
  'GET /api/agreement-verifications/{hash}': { expect: [404, 404, 404, 404, 404, 404, 404, 404], params: { hash: 'unknownAgreementHash' } },

  // No-reason-return stores (#19). The stores are in 广州市, which no organization of the matrix covers (its counties are 朝阳区): the top
  // holds them (a county gets 404). Revoking needs upheld refusals first (409 here; the full path in return-commitments.test.ts).
  'GET /api/return-commitments': { expect: EVERYONE },
  'GET /api/return-commitments/{id}': { expect: EVERYONE, params: { id: 'returnCommitment' } },
  'GET /api/enterprise/return-commitments': { expect: LIAISONS },
  'POST /api/enterprise/return-commitments': { expect: LIAISONS, body: (t) => returnCommitmentForm(t) },
  'PUT /api/enterprise/return-commitments/{id}/returns': { expect: [401, 403, 403, 403, Y, 404, 403, 403], params: { id: 'returnCommitment' }, body: (t) => ({ month: chinaToday(t.ctx.now()).slice(0, 7), returnsCount: 3, amountFen: 12_000 }) },
  'GET /api/staff/return-commitments': { expect: STAFF },
  'POST /api/staff/return-commitments/{id}/revoke': { expect: STAFF_OF_HOLDER, params: { id: 'returnCommitment' }, body: { reason: '多次拒绝履行承诺，经核实属实', confirmed: true }, alsoOk: [409] },
  'POST /api/staff/return-refusals/{complaintId}/uphold': { expect: STAFF_OF_HOLDER, params: { complaintId: 'refusalComplaint' } },
  'GET /api/complaints/{id}/return-commitment': { expect: ODR_VIEWERS, params: { id: 'refusalComplaint' } },
  // Lawyer Q&A (#18). Suspension, off-duty lawyers and sibling organizations: lawyers-qa.test.ts.
  'GET /api/staff/lawyers': { expect: STAFF },
  'POST /api/staff/lawyers': { expect: STAFF, body: () => ({ phone: freshPhone(), name: '郑律师', firm: '某某律师事务所', licenceNo: freshLicence() }) },
  'PUT /api/staff/lawyers/{id}/status': { expect: STAFF_OF_HOLDER, params: { id: 'otherLawyer' }, body: { status: 'suspended' } },
  'GET /api/staff/qa-sessions': { expect: STAFF },
  // A county may put the top organization's lawyer (B) on duty: a team above serves the levels below.
  'POST /api/staff/qa-sessions': {
    expect: STAFF,
    body: (t, cast) => {
      const now = t.ctx.now().getTime()
      return { number: nextQaSessionNumber(), theme: '预付卡退费', startsAt: new Date(now).toISOString(), endsAt: new Date(now + 3600_000).toISOString(), lawyerIds: [cast.people.consumerB.id] }
    },
  },
  // A fresh session per allowed caller: version 0 is the one each edit starts from.
  'PUT /api/staff/qa-sessions/{id}': {
    expect: STAFF_OF_HOLDER,
    params: { id: 'qaSession' },
    body: (t, cast) => {
      const now = t.ctx.now().getTime()
      return { version: 0, theme: '预付卡退费（改期）', startsAt: new Date(now).toISOString(), endsAt: new Date(now + 7200_000).toISOString(), lawyerIds: [cast.people.consumerB.id] }
    },
  },
  'GET /api/staff/qa-sessions/{id}/questions': { expect: STAFF_OF_HOLDER, params: { id: 'qaSession' } },
  'PUT /api/staff/qa-questions/{id}/publication': { expect: STAFF_OF_HOLDER, params: { id: 'answeredQuestionOfA' }, body: { question: '健身房的预付卡不给退怎么办？', answer: '可以要求退回预付款。' } },
  'GET /api/lawyer/workspace': { expect: LAWYER },
  'POST /api/lawyer/questions/{id}/answer': { expect: LAWYER, params: { id: 'qaQuestionOfA' }, body: { text: '可以要求退回预付款及利息。', citations: ['cpl-53'], nextSteps: ['保留付款凭证'] } },
  'GET /api/qa-sessions': { expect: EVERYONE },
  'GET /api/qa-sessions/{id}': { expect: EVERYONE, params: { id: 'qaSession' }, conceals: [{ fixture: 'qaQuestionOfA', from: ACTORS }] },
  'GET /api/qa/search': { expect: EVERYONE, query: { q: '预付' }, conceals: [{ fixture: 'qaQuestionOfA', from: ACTORS }] },
  'POST /api/qa-sessions/{id}/questions': { expect: SIGNED_IN, params: { id: 'qaSession' }, body: { text: '网购的衣服七天内能退吗？', photoIds: [], allowPublish: false } },
  'GET /api/qa/questions/mine': { expect: SIGNED_IN, conceals: [{ fixture: 'qaQuestionOfA', from: ['consumerB', 'volunteer', 'liaisonE', 'liaisonF', 'staff', 'countyStaff'] }] },
  'GET /api/qa/questions/{id}': { expect: QUESTION_VIEWERS, params: { id: 'qaQuestionOfA' } },
  // 一键投诉: the asker only; everyone else (the answering lawyer B and staff too) is told it does not exist.
  'POST /api/qa/questions/{id}/complaint-prefill': { expect: [401, Y, 404, 404, 404, 404, 404, 404], params: { id: 'complaintSuggestedQuestionOfA' } },

  // Legal aid (#18): A asks on A's case; the top organization's staff assign B; B reads the case while assigned.
  // Consent, withdrawal, suspension and other lawyers: legal-aid.test.ts.
  'POST /api/complaints/{id}/legal-aid': {
    expect: A_ACTS,
    params: { id: 'associationComplaint' },
    body: { kind: 'litigation', description: '商家拒不退款，想请律师看看能不能起诉。', consent: true },
  },
  'GET /api/complaints/{id}/legal-aid': { expect: COURT_VIEWERS, params: { id: 'associationComplaint' } },
  'POST /api/legal-aid/{id}/withdraw': { expect: A_ACTS, params: { id: 'legalAidOfA' } },
  'GET /api/staff/legal-aid': { expect: STAFF, conceals: [{ fixture: 'legalAidOfA', from: ['countyStaff'] }] },
  'POST /api/staff/legal-aid/{id}/assign': { expect: STAFF_OF_HOLDER, params: { id: 'legalAidOfA' }, body: (_t, cast) => ({ lawyerId: cast.people.consumerB.id }) },
  'GET /api/lawyer/legal-aid': { expect: LAWYER },
  'GET /api/lawyer/legal-aid/{id}': { expect: LAWYER, params: { id: 'assignedLegalAid' } },
  'POST /api/lawyer/legal-aid/{id}/opinion': { expect: LAWYER, params: { id: 'assignedLegalAid' }, body: { text: '建议保留付款凭证，先向商家书面催告。' } },
  'POST /api/lawyer/legal-aid/{id}/finish': { expect: LAWYER, params: { id: 'opinionedLegalAid' } },
  // Published cases (#19). Consent, the reply window, PII and a second reply: published-cases.test.ts.
  'GET /api/published-cases': { expect: EVERYONE, conceals: [{ fixture: 'proposedPublication', from: ACTORS }] },
  'GET /api/published-cases/{id}': { expect: EVERYONE, params: { id: 'publishedCase' } },
  'GET /api/complaints/{id}/publication-consent': { expect: A_ACTS, params: { id: 'consentedCase' } },
  'PUT /api/complaints/{id}/publication-consent': { expect: A_ACTS, params: { id: 'consentedCase' }, body: { publish: true, photos: false } },
  'GET /api/staff/complaints/{id}/publication': { expect: STAFF_OF_HOLDER, params: { id: 'consentedCase' } },
  'POST /api/staff/complaints/{id}/publication/proposal': { expect: STAFF_OF_HOLDER, params: { id: 'consentedCase' }, body: { summary: CASE_SUMMARY } },
  'POST /api/staff/complaints/{id}/publication/publish': { expect: STAFF_OF_HOLDER, params: { id: 'publishableCase' }, body: { summary: CASE_SUMMARY, photoIds: [] } },
  'POST /api/staff/complaints/{id}/publication/reply-moderation': { expect: STAFF_OF_HOLDER, params: { id: 'repliedCase' }, body: { decision: 'approve' } },
  'GET /api/staff/published-case-replies': { expect: STAFF },
  'GET /api/enterprise/published-cases': { expect: LIAISONS },
  // E's liaison replies to a case about E; F's liaison is told there is no such case.
  'POST /api/enterprise/published-cases/{id}/reply': { expect: [401, 403, 403, 403, Y, 404, 403, 403], params: { id: 'proposedPublication' }, body: { text: '我店已经全额退款，欢迎监督。' } },
  // Bad-faith findings (#19). Four-eyes, sibling organizations, late appeals: bad-faith-findings.test.ts.
  'GET /api/credit-findings': { expect: EVERYONE },
  'GET /api/enterprises/{id}/credit-findings': { expect: EVERYONE, params: { id: 'enterpriseE' } },
  'GET /api/staff/credit-findings': { expect: CREDIT_STAFF },
  'GET /api/staff/credit-findings/cases': { expect: CREDIT_STAFF, search: 'creditCaseQuery' },
  'POST /api/staff/credit-findings': { expect: CREDIT_STAFF, body: proposalBody },
  'POST /api/staff/credit-findings/{id}/decision': { expect: CREDIT_STAFF, params: { id: 'findingAwaitingDecision' }, body: { outcome: 'publish', reasons: '申辩期满企业未申辩，事实清楚。' } },
  'POST /api/staff/credit-findings/{id}/lift': { expect: CREDIT_STAFF, params: { id: 'publishedFinding' }, body: { reason: '企业已全部退款并提交凭证，经核实属实。' } },
  'GET /api/enterprise/credit-findings': { expect: LIAISONS },
  'POST /api/enterprise/credit-findings/{id}/appeal': { expect: [401, 403, 403, 403, Y, 404, 403, 403], params: { id: 'openFindingAboutE' }, body: { text: '我司已全部退款，附凭证。', photoIds: [] } },

  'GET /api/rule-sets': { expect: EVERYONE },
  'GET /api/rule-sets/current': { expect: EVERYONE },
  'GET /api/referral-destinations': { expect: EVERYONE },
  'GET /api/rule-sets/{id}': { expect: EVERYONE, params: { id: 'ruleSetVersion' } },
  'POST /api/staff/rule-sets/{code}/versions': {
    // Only rule editors; the county actor is not one.
    expect: [401, 403, 403, 403, 403, 403, Y, 403],
    params: { code: 'editableRuleSet' },
    body: async (t) => {
      const { id: _id, code: _code, version: _version, family: _family, verified: _verified, createdAt: _createdAt, ...fields } = (await t.app.inject({ method: 'GET', url: '/api/rule-sets/samr-2026-v1' })).json()
      return fields
    },
  },
  'GET /api/warnings/{id}': { expect: EVERYONE, params: { id: 'publishedWarning' } },
  'GET /api/warnings/{id} #draft': { expect: [404, 404, 404, 404, 404, 404, 404, 404], params: { id: 'warningDraft' } },
  'GET /api/staff/warnings': { expect: STAFF },
  'POST /api/staff/warnings': { expect: STAFF, body: WARNING_FIELDS },
  'POST /api/staff/warnings/preview': { expect: STAFF, body: { bodyHtml: '<p>预览</p>' } },
  'GET /api/staff/warnings/{id}': { expect: STAFF, params: { id: 'warningDraft' } },
  'PATCH /api/staff/warnings/{id}': { expect: STAFF, params: { id: 'warningDraft' }, body: { title: '警惕低价旅游团' } },
  'POST /api/staff/warnings/{id}/publish': { expect: STAFF, params: { id: 'warningDraft' }, body: {} },
  'POST /api/staff/warnings/{id}/unpublish': { expect: STAFF, params: { id: 'publishedWarning' } },
  'POST /api/staff/warnings/{id}/archive': { expect: STAFF, params: { id: 'publishedWarning' } },
  'POST /api/staff/warning-images': { expect: STAFF, photo: true },
  'GET /api/warning-images/{id}': { expect: EVERYONE, params: { id: 'warningImage' } },
  // Public enterprise index and monthly rankings (#19): read by anyone; no route writes a ranking.
  'GET /api/credit/enterprises/{id}': { expect: EVERYONE, params: { id: 'enterpriseE' } },
  'GET /api/credit/rankings': { expect: EVERYONE },
  'GET /api/credit/rankings/{month}/inputs': { expect: EVERYONE, params: { month: 'closedMonth' } },
}
