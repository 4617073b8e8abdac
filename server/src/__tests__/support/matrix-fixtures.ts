import type { CreateStationRequest } from '../../../../src/contract/station'
import { createStation } from '../../modules/stations/stations.service'
import { randomUUID } from 'node:crypto'
import { runAdminCommand } from '../../cli/admin-commands'
import { attachEvidence } from '../../modules/evidence/evidence.repository'
import { notify } from '../../modules/notifications/notify'
import { fileComplaint } from './complaints'
import { insertEvidenceRows } from './evidence-rows'
import { makeJpeg, multipart } from './photos'
import { apply, fileReport, makeVolunteer, signIn, type Person } from './volunteers'
import { createDraft, published } from './warnings'
import { addTestStation, makeOperator, startWalkIn } from './walk-ins'
import { act, PROPOSAL } from './workflow'
import { agreementApi, DRAFT } from './agreements'
import { bearer, type TestApp } from './test-app'
import { createOrganization } from '../../modules/organizations/organizations.service'
import { DEFAULT_ORGANIZATION_ID } from '../../modules/organizations/organizations.repository'
import { inviteLawyer } from '../../modules/lawyers/lawyer-team.service'
import { createSession } from '../../modules/lawyers/qa-sessions.service'
import { freshLicence } from './lawyers'
import { previousMonth } from '../../../../src/contract/credit-ranking'
import { chinaToday } from '../../../../src/contract/complaint-rules'
import { CREDIT_FIXTURES } from './credit-findings'

/**
 * The people of the authorization matrix, in its column order. `staff` belongs to the top
 * organization, which holds the fixtures' complaints; `countyStaff` to a county below it, so the
 * top's cases are above them and `childOrganizationComplaint` (held by another county) is a sibling's.
 */
export const ACTORS = ['anonymous', 'consumerA', 'consumerB', 'volunteer', 'liaisonE', 'liaisonF', 'staff', 'countyStaff'] as const
export type Actor = (typeof ACTORS)[number]

export interface Cast {
  people: Record<Exclude<Actor, 'anonymous'>, Person>
  /** E: the enterprise consumer A complains about; F: another ODR enterprise. */
  enterpriseE: string
  enterpriseF: string
}

let serial = 0
/** A phone number nobody else in this test uses. */
export const freshPhone = () => `136${String(++serial).padStart(8, '0')}`

export async function createMatrixCast(t: TestApp): Promise<Cast> {
  await runAdminCommand(t.ctx.db, 'create-enterprise', { phone: '13500000005', name: '张经理', enterprise: '示例优选超市有限公司' })
  await runAdminCommand(t.ctx.db, 'create-enterprise', { phone: '13500000006', name: '赵经理', enterprise: '快乐健身有限公司' })
  await runAdminCommand(t.ctx.db, 'create-staff', { phone: '13500000007', name: '陈主任' })
  await t.ctx.db.updateTable('enterprises').set({ odr: 1 }).execute()
  const enterprise = async (name: string) => (await t.ctx.db.selectFrom('enterprises').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id
  const staff = await signIn(t, '13500000007')
  // The top organization's staff actor holds 失信认定; the county's does not.
  await t.ctx.db.updateTable('staff_memberships').set({ can_credit_findings: 1 }).where('user_id', '=', staff.id).execute()
  const county = await newChildOrganization(t)
  await runAdminCommand(t.ctx.db, 'add-staff', { phone: '13500000008', name: '县消协干事', organization: county.name })
  // Consumer B is also on the top organization's lawyer team (律师团 is a membership, not a role):
  // the lawyer routes let B through and no one else; B's other rows are a consumer's.
  await inviteLawyer(t.ctx.db, staff.id, { phone: '13500000002', name: '矩阵律师', firm: '矩阵律师事务所', licenceNo: freshLicence() }, t.ctx.now())
  return {
    people: {
      consumerA: await signIn(t, '13500000001'),
      consumerB: await signIn(t, '13500000002'),
      volunteer: await makeVolunteer(t, '13500000003', staff),
      liaisonE: await signIn(t, '13500000005'),
      liaisonF: await signIn(t, '13500000006'),
      staff,
      countyStaff: await signIn(t, '13500000008'),
    },
    enterpriseE: await enterprise('示例优选超市有限公司'),
    enterpriseF: await enterprise('快乐健身有限公司'),
  }
}

async function ok<R extends { statusCode: number; body: string }>(response: R, what: string): Promise<R> {
  if (response.statusCode >= 300) throw new Error(`fixture ${what}: ${response.statusCode} ${response.body}`)
  return response
}

async function step(t: TestApp, token: string, id: string, action: string, payload?: object) {
  await ok(await act(t, token, id, action, payload), action)
  return id
}

const odrComplaint = (t: TestApp, c: Cast) =>
  fileComplaint(t, c.people.consumerA.token, { business: { name: '示例优选超市有限公司', enterpriseId: c.enterpriseE }, path: 'odr' }).then((d) => d.id)
const associationComplaint = (t: TestApp, c: Cast) =>
  fileComplaint(t, c.people.consumerA.token, { business: { name: '示例优选超市有限公司', enterpriseId: c.enterpriseE }, path: 'association' }).then((d) => d.id)

/** A's ODR complaint whose proposal A accepted, its performance follow-up moved on to `state`. */
async function followUpIn(t: TestApp, c: Cast, state: 'asked' | 'performed' | 'unperformed') {
  const id = await step(t, c.people.liaisonE.token, await odrComplaint(t, c), 'propose', PROPOSAL)
  await step(t, c.people.consumerA.token, id, 'accept_proposal', {})
  const now = t.ctx.now()
  const later = new Date(now.getTime() + 20 * 86_400_000).toISOString()
  const at = now.toISOString()
  const set = {
    asked: { state, asked_at: at, answer_due_at: later },
    performed: { state, asked_at: at, answer: 'received', answered_at: at, performed_at: at, reopen_until: later },
    unperformed: { state, asked_at: at, answer: 'not_received', answered_at: at, unperformed_reason: 'not_received', unperformed_at: at, handle_due_at: later },
  } as const
  await t.ctx.db.updateTable('performance_follow_ups').set(set[state]).where('complaint_id', '=', id).execute()
  return id
}

const acceptedComplaint = async (t: TestApp, c: Cast) => step(t, c.people.staff.token, await associationComplaint(t, c), 'accept')
const mediatingComplaint = async (t: TestApp, c: Cast) => step(t, c.people.staff.token, await acceptedComplaint(t, c), 'start_mediation')

async function photoOfA(t: TestApp, c: Cast): Promise<string> {
  const [id] = await insertEvidenceRows(t, c.people.consumerA.id)
  if (!id) throw new Error('no photo')
  return id
}

async function photoOn(t: TestApp, c: Cast, complaintId: string) {
  const id = await photoOfA(t, c)
  await attachEvidence(t.ctx.db, { ids: [id], ownerId: c.people.consumerA.id, complaintId, eventId: null, now: t.ctx.now().toISOString() })
  return id
}

/**
 * Everything a matrix row can point at, built on demand (again for each allowed caller of a route
 * that changes state, so one caller's change never decides the next caller's answer). Complaints
 * and photos belong to consumer A and name enterprise E.
 */
export const FIXTURES = {
  odrComplaint,
  associationComplaint,
  proposedComplaint: async (t: TestApp, c: Cast) => step(t, c.people.liaisonE.token, await odrComplaint(t, c), 'propose', PROPOSAL),
  acceptedComplaint,
  mediatingComplaint,
  pausedComplaint: async (t: TestApp, c: Cast) => step(t, c.people.staff.token, await acceptedComplaint(t, c), 'pause_clock', { reason: '产品送检' }),
  mediatedComplaint: async (t: TestApp, c: Cast) =>
    step(t, c.people.staff.token, await mediatingComplaint(t, c), 'mediation_succeeded', { agreement: '商家退还 3000 元', recoveredAmountFen: 300_000 }),
  odrPhoto: async (t: TestApp, c: Cast) => photoOn(t, c, await odrComplaint(t, c)),
  associationPhoto: async (t: TestApp, c: Cast) => photoOn(t, c, await associationComplaint(t, c)),
  unattachedPhoto: photoOfA,
  fieldReport: async (t: TestApp, c: Cast) => (await fileReport(t, c.people.volunteer)).id,
  fieldReportPhoto: async (t: TestApp, c: Cast) => {
    const report = (await fileReport(t, c.people.volunteer)) as { photos?: Array<{ evidenceId: string }> }
    const id = report.photos?.[0]?.evidenceId
    if (!id) throw new Error('field report without photo')
    return id
  },
  notificationOfA: async (t: TestApp, c: Cast) => {
    const id = randomUUID()
    await notify(t.ctx.db, {
      recipientId: c.people.consumerA.id,
      type: 'complaint_message',
      title: '测试消息',
      body: '测试消息',
      link: null,
      sourceKey: `matrix:${id}`,
      now: t.ctx.now(),
    })
    return (await t.ctx.db.selectFrom('notifications').select('id').where('source_key', '=', `matrix:${id}`).executeTakeFirstOrThrow()).id
  },
  /** A pending application by someone who is not one of the actors (approving it changes their role). */
  volunteerApplication: async (t: TestApp) => {
    const applicant = await signIn(t, freshPhone())
    return (await ok(await apply(t, applicant), 'apply')).json().id as string
  },
  /** A volunteer who is not one of the actors (revoking changes their role). */
  otherVolunteer: async (t: TestApp, c: Cast) => (await makeVolunteer(t, freshPhone(), c.people.staff)).id,
  warningDraft: async (t: TestApp, c: Cast) => (await createDraft(t, c.people.staff.token)).id,
  publishedWarning: async (t: TestApp, c: Cast) => (await published(t, c.people.staff.token)).id,
  warningImage: async (t: TestApp, c: Cast) => {
    const form = multipart([{ name: 'file', filename: 'a.jpg', contentType: 'image/jpeg', bytes: await makeJpeg(64, 48) }])
    const response = await t.app.inject({ method: 'POST', url: '/api/staff/warning-images', headers: { ...bearer(c.people.staff.token), ...form.headers }, payload: form.payload })
    return (await ok(response, 'warning image')).json().id as string
  },
  /** The query string of a signed link to one of A's photos (for GET /api/files). */
  signedPhotoLink: async (t: TestApp, c: Cast) => {
    const id = await photoOfA(t, c)
    const row = await t.ctx.db.selectFrom('evidence').select('display_key').where('id', '=', id).executeTakeFirstOrThrow()
    return new URL(await t.ctx.storage.signedUrl(row.display_key, 600), 'http://localhost').search.slice(1)
  },
  /** The query string of the access log of A's ODR complaint, which E's liaison has just opened. */
  accessLogOfOdrComplaint: async (t: TestApp, c: Cast) => {
    const id = await odrComplaint(t, c)
    await ok(await t.app.inject({ method: 'GET', url: `/api/complaints/${id}`, headers: bearer(c.people.liaisonE.token) }), 'liaison reads')
    return `complaintId=${id}`
  },
  /** The query string of the access log of everything E's liaison read, filtered to today. */
  accessLogOfLiaisonE: async (t: TestApp, c: Cast) => {
    const id = await odrComplaint(t, c)
    await ok(await t.app.inject({ method: 'GET', url: `/api/complaints/${id}`, headers: bearer(c.people.liaisonE.token) }), 'liaison reads')
    const today = new Date(t.ctx.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10)
    return `actorId=${c.people.liaisonE.id}&from=${today}&to=${today}`
  },
  /** Consumer A's request to export their data. */
  dataExportOfA: async (t: TestApp, c: Cast) =>
    (await ok(await t.app.inject({ method: 'POST', url: '/api/me/data-exports', headers: bearer(c.people.consumerA.token) }), 'export')).json().id as string,
  enterpriseE: async (_t: TestApp, c: Cast) => c.enterpriseE,
  staffMember: async (_t: TestApp, c: Cast) => c.people.staff.id,
  ruleSetVersion: async () => 'samr-2026-v1',
  /** An association-path complaint held by a new organization directly below the top one. */
  childOrganizationComplaint: async (t: TestApp, c: Cast) => {
    const id = await associationComplaint(t, c)
    const child = await newChildOrganization(t)
    await t.ctx.db.updateTable('complaints').set({ organization_id: child.id, organization_path: child.path }).where('id', '=', id).execute()
    return id
  },
  /** A complaint held by a new organization below the top, in the matrix alliance with MATRIX_PARTNER. */
  allianceComplaint: async (t: TestApp, c: Cast) => {
    const id = await associationComplaint(t, c)
    const holder = await newChildOrganization(t)
    await t.ctx.db.updateTable('complaints').set({ organization_id: holder.id, organization_path: holder.path }).where('id', '=', id).execute()
    await runAdminCommand(t.ctx.db, 'add-to-alliance', { alliance: (await matrixAlliance(t)).name, organization: holder.name })
    return id
  },
  matrixAlliance: async (t: TestApp) => (await matrixAlliance(t)).id,
  /** An alliance the top organization itself is in: its staff and (below it) the county's share its findings. */
  topAlliance: async (t: TestApp) => {
    const name = '矩阵总会联盟'
    const existing = await t.ctx.db.selectFrom('alliances').select('id').where('name', '=', name).executeTakeFirst()
    if (existing) return existing.id
    await runAdminCommand(t.ctx.db, 'create-alliance', { name })
    const top = await t.ctx.db.selectFrom('organizations').select('name').where('id', '=', DEFAULT_ORGANIZATION_ID).executeTakeFirstOrThrow()
    await runAdminCommand(t.ctx.db, 'add-to-alliance', { alliance: name, organization: top.name })
    return (await t.ctx.db.selectFrom('alliances').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id
  },
  /** An organization below the top, which the staff actor (made a manager here) may manage. */
  managedOrganization: async (t: TestApp, c: Cast) => (await managedOrganization(t, c)).id,
  /** A fresh staff member of managedOrganization. */
  memberOfManaged: async (t: TestApp, c: Cast) => {
    const organization = await managedOrganization(t, c)
    const phone = freshPhone()
    await runAdminCommand(t.ctx.db, 'add-staff', { phone, name: '矩阵成员', organization: organization.name })
    return (await t.ctx.db.selectFrom('users').select('id').where('phone', '=', phone).executeTakeFirstOrThrow()).id
  },
  // The mediation room (issue #17): threads by name, and a case with a session for the session routes.
  sharedThread: async () => 'shared',
  consumerThread: async () => 'consumer',
  /** A case in mediation whose mediator proposed a session two days ahead (read it back with latestSession). */
  proposedSessionComplaint: async (t: TestApp, c: Cast) => {
    const id = await mediatingComplaint(t, c)
    const startsAt = new Date(t.ctx.now().getTime() + 2 * 24 * 3600_000).toISOString()
    await ok(await t.app.inject({ method: 'POST', url: `/api/complaints/${id}/room/sessions`, headers: bearer(c.people.staff.token), payload: { startsAt } }), 'propose session')
    return id
  },
  /** A case in mediation with a confirmed session that started an hour ago. */
  startedSessionComplaint: async (t: TestApp, c: Cast) => {
    const id = await mediatingComplaint(t, c)
    const now = t.ctx.now()
    await t.ctx.db
      .insertInto('mediation_sessions')
      .values({
        id: randomUUID(),
        complaint_id: id,
        starts_at: new Date(now.getTime() - 3600_000).toISOString(),
        status: 'confirmed',
        proposed_by: c.people.staff.id,
        consumer_answer: 'confirmed',
        consumer_suggested_at: null,
        enterprise_answer: 'confirmed',
        enterprise_suggested_at: null,
        reminded_day_at: null,
        reminded_soon_at: null,
        created_at: new Date(now.getTime() + 1).toISOString(),
        updated_at: now.toISOString(),
      })
      .execute()
    return id
  },
  /** The session of the case the previous parameter built (params are built in order). */
  latestSession: async (t: TestApp) => (await t.ctx.db.selectFrom('mediation_sessions').select('id').orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow()).id,
  /** A service station of the top organization, which the staff actor (a member of it, managing) may edit. */
  station: async (t: TestApp) =>
    (await createStation(t.ctx.db, { organizationId: DEFAULT_ORGANIZATION_ID, ...STATION_FORM, name: `矩阵服务站${randomUUID().slice(0, 8)}` }, t.ctx.now(), null)).id,
  /** A station taken off the public lists, right where the public search in the matrix looks. */
  inactiveStation: async (t: TestApp) => {
    const station = await createStation(t.ctx.db, { organizationId: DEFAULT_ORGANIZATION_ID, ...STATION_FORM, name: `矩阵停用服务站${randomUUID().slice(0, 8)}` }, t.ctx.now(), null)
    await t.ctx.db.updateTable('organization_stations').set({ active: 0 }).where('id', '=', station.id).execute()
    return station.id
  },
  /** An open group complaint about E (complaints of A about E until one forms; earlier fixtures count too). */
  complaintGroup: async (t: TestApp, c: Cast) => {
    for (;;) {
      const open = await t.ctx.db.selectFrom('complaint_groups').select('id').where('business_key', '=', `e:${c.enterpriseE}`).where('status', '=', 'open').executeTakeFirst()
      if (open) return open.id
      await associationComplaint(t, c)
    }
  },
  /** A walk-in filing (代办) started by an operator of a station of the default organization; no matrix actor works there. */
  walkInFiling: async (t: TestApp) => {
    const station = await addTestStation(t, DEFAULT_ORGANIZATION_ID)
    const operator = await makeOperator(t, freshPhone(), station, DEFAULT_ORGANIZATION_ID)
    return (await ok(await startWalkIn(t, operator, freshPhone()), 'walk-in')).json().id as string
  },
  /** A rule set the staff actor may publish a new version of (it holds the rule-editor permission). */
  /** A's association-path complaint naming E, with an agreement the staff actor drafted. */
  draftedAgreement: async (t: TestApp, c: Cast) => {
    const id = await mediatingComplaint(t, c)
    await ok(await agreementApi(t, id).draft(c.people.staff.token, DRAFT), 'draft agreement')
    return id
  },
  /** Mediation failed; the consumer wants to sue. */
  failedMediation: async (t: TestApp, c: Cast) =>
    step(t, c.people.staff.token, await mediatingComplaint(t, c), 'mediation_failed', { advice: 'support_litigation_letter', note: '商家拒不到场' }),
  /** A failed mediation with its 支持诉讼函 issued. */
  litigationLetter: async (t: TestApp, c: Cast) => {
    const id = await step(t, c.people.staff.token, await mediatingComplaint(t, c), 'mediation_failed', { advice: 'support_litigation_letter', note: '商家拒不到场' })
    await ok(await t.app.inject({ method: 'POST', url: `/api/staff/complaints/${id}/litigation-letter`, headers: bearer(c.people.staff.token) }), 'litigation letter')
    return id
  },
  askedFollowUp: (t: TestApp, c: Cast) => followUpIn(t, c, 'asked'),
  performedFollowUp: (t: TestApp, c: Cast) => followUpIn(t, c, 'performed'),
  unperformedFollowUp: (t: TestApp, c: Cast) => followUpIn(t, c, 'unperformed'),
  /** A hash no agreement has. */
  unknownAgreementHash: async () => '0'.repeat(64),
  editableRuleSet: async (t: TestApp, c: Cast) => {
    await t.ctx.db.updateTable('users').set({ rule_editor: 1 }).where('id', '=', c.people.staff.id).execute()
    return 'samr-2026'
  },
  /** A session of the top organization with consumer B (a lawyer) on duty. */
  qaSession,
  /** Consumer A's question in qaSession, waiting for an answer. */
  qaQuestionOfA,
  /** The last closed China month (YYYY-MM): its 红榜/黑榜 are public. */
  closedMonth: async (t: TestApp) => previousMonth(chinaToday(t.ctx.now()).slice(0, 7)),
  /** Consumer A's question answered by B, which A allowed to publish. */
  answeredQuestionOfA: async (t: TestApp, c: Cast) => {
    const id = await qaQuestionOfA(t, c)
    const payload = { text: '可以要求退回预付款。', citations: ['cpl-53'], nextSteps: [] }
    await ok(await t.app.inject({ method: 'POST', url: `/api/lawyer/questions/${id}/answer`, headers: bearer(c.people.consumerB.token), payload }), 'answer')
    return id
  },
  /** Consumer A's question answered by B, suggesting 一键投诉. */
  complaintSuggestedQuestionOfA: async (t: TestApp, c: Cast) => {
    const id = await qaQuestionOfA(t, c)
    const payload = { text: '可以要求退回预付款，也可以投诉。', citations: ['cpl-53'], nextSteps: [], actions: [{ kind: 'complaint' }] }
    await ok(await t.app.inject({ method: 'POST', url: `/api/lawyer/questions/${id}/answer`, headers: bearer(c.people.consumerB.token), payload }), 'answer')
    return id
  },
  /** A lawyer of the top organization who is none of the actors (suspending them changes no other row). */
  ...CREDIT_FIXTURES,
  otherLawyer: async (t: TestApp, c: Cast) => (await inviteLawyer(t.ctx.db, c.people.staff.id, { phone: freshPhone(), name: '另一位律师', firm: '矩阵律师事务所', licenceNo: freshLicence() }, t.ctx.now())).id,
  /** A's open legal aid request (诉讼支持) on a fresh association-path case. */
  legalAidOfA: (t: TestApp, c: Cast) => legalAidOfA(t, c),
  /** A's legal aid request assigned to B (a lawyer of the top organization's team). */
  assignedLegalAid: (t: TestApp, c: Cast) => assignedLegalAid(t, c),
  /** An assigned request on which B already wrote an opinion (ready to finish). */
  opinionedLegalAid: async (t: TestApp, c: Cast) => {
    const id = await assignedLegalAid(t, c)
    const payload = { text: '建议保留付款凭证，先向商家书面催告。' }
    await ok(await t.app.inject({ method: 'POST', url: `/api/lawyer/legal-aid/${id}/opinion`, headers: bearer(c.people.consumerB.token), payload }), 'opinion')
    return id
  },
  /** A photo on a case whose legal aid request is assigned to B. */
  legalAidPhoto: async (t: TestApp, c: Cast) => {
    const id = await assignedLegalAid(t, c)
    const complaint = await t.ctx.db.selectFrom('legal_aid_requests').select('complaint_id').where('id', '=', id).executeTakeFirstOrThrow()
    return photoOn(t, c, complaint.complaint_id)
  },
  // Published cases (#19): A's settled ODR complaint about E, A consented at filing.
  consentedCase,
  /** The publication proposed for a consentedCase (its id), enterprise E told. */
  proposedPublication: async (t: TestApp, c: Cast) => (await proposedCase(t, c)).publicationId,
  /** A consentedCase proposed 15 days and a minute ago: staff may publish it now. */
  publishableCase: async (t: TestApp, c: Cast) => (await windowPassed(t, c)).complaintId,
  /** A proposed case with E's reply waiting for moderation. */
  repliedCase: async (t: TestApp, c: Cast) => {
    const { complaintId, publicationId } = await proposedCase(t, c)
    const payload = { text: '我店已经全额退款，欢迎监督。' }
    await ok(await t.app.inject({ method: 'POST', url: `/api/enterprise/published-cases/${publicationId}/reply`, headers: bearer(c.people.liaisonE.token), payload }), 'reply')
    return complaintId
  },
  /** A published case (its publication id). */
  publishedCase: async (t: TestApp, c: Cast) => {
    const { complaintId, publicationId } = await windowPassed(t, c)
    const payload = { summary: CASE_SUMMARY, photoIds: [] }
    await ok(await t.app.inject({ method: 'POST', url: `/api/staff/complaints/${complaintId}/publication/publish`, headers: bearer(c.people.staff.token), payload }), 'publish')
    return publicationId
  },
  /** A store of enterprise E that signed the no-reason-return commitment (held by the top organization). */
  returnCommitment,
  /** Consumer A's 一键投诉 (ODR path) against a store of E that signed the commitment. */
  refusalComplaint: async (t: TestApp, c: Cast) => {
    const commitmentId = await returnCommitment(t, c)
    return fileComplaint(t, c.people.consumerA.token, { business: { name: '示例优选超市有限公司', enterpriseId: c.enterpriseE }, path: 'odr', demands: ['return'], returnCommitmentId: commitmentId }).then((d) => d.id)
  },
} satisfies Record<string, (t: TestApp, c: Cast) => Promise<string>>

async function legalAidOfA(t: TestApp, c: Cast): Promise<string> {
  const payload = { kind: 'litigation', description: '商家拒不退款，想请律师看看能不能起诉。', consent: true }
  const response = await t.app.inject({ method: 'POST', url: `/api/complaints/${await associationComplaint(t, c)}/legal-aid`, headers: bearer(c.people.consumerA.token), payload })
  return (await ok(response, 'legal aid')).json().id as string
}

async function assignedLegalAid(t: TestApp, c: Cast): Promise<string> {
  const id = await legalAidOfA(t, c)
  const payload = { lawyerId: c.people.consumerB.id }
  await ok(await t.app.inject({ method: 'POST', url: `/api/staff/legal-aid/${id}/assign`, headers: bearer(c.people.staff.token), payload }), 'assign')
  return id
}

let qaSessions = 0
/** The number of the next matrix session (第 N 期 is unique per organization). */
export const nextQaSessionNumber = () => 1000 + ++qaSessions

async function qaSession(t: TestApp, c: Cast): Promise<string> {
  const now = t.ctx.now().getTime()
  const request = { number: nextQaSessionNumber(), theme: '预付卡退费', startsAt: new Date(now - 3600_000).toISOString(), endsAt: new Date(now + 86_400_000).toISOString(), lawyerIds: [c.people.consumerB.id] }
  return (await createSession(t.ctx.db, c.people.staff.id, request, t.ctx.now())).id
}

async function qaQuestionOfA(t: TestApp, c: Cast): Promise<string> {
  const payload = { text: '健身房的预付卡不给退怎么办？', photoIds: [], allowPublish: true }
  const response = await t.app.inject({ method: 'POST', url: `/api/qa-sessions/${await qaSession(t, c)}/questions`, headers: bearer(c.people.consumerA.token), payload })
  return (await ok(response, 'ask')).json().id as string
}

let stores = 0
/** The sign-up form of a new store of E (each store signs once). */
export const returnCommitmentForm = (t: TestApp) => ({
  storeName: `示例优选矩阵店${++stores}`,
  storeAddress: '天河区体育西路 1 号',
  region: '广东省/广州市/天河区',
  days: 7,
  conditions: '商品完好，凭购物小票',
  exclusions: ['perishable'],
  startsOn: new Date(t.ctx.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10),
  confirmed: true,
})

async function returnCommitment(t: TestApp, c: Cast): Promise<string> {
  const response = await t.app.inject({ method: 'POST', url: '/api/enterprise/return-commitments', headers: bearer(c.people.liaisonE.token), payload: returnCommitmentForm(t) })
  return (await ok(response, 'sign a return commitment')).json().id as string
}

export type FixtureName = keyof typeof FIXTURES

export const MATRIX_PARTNER = '矩阵联盟伙伴消协'
const MATRIX_ALLIANCE = '矩阵测试联盟'

/** The alliance of the matrix (made once per database) with its partner organization as a member. */
async function matrixAlliance(t: TestApp) {
  const existing = await t.ctx.db.selectFrom('alliances').selectAll().where('name', '=', MATRIX_ALLIANCE).executeTakeFirst()
  if (existing) return existing
  await runAdminCommand(t.ctx.db, 'create-organization', { name: MATRIX_PARTNER, level: 'city', region: '3205' })
  await runAdminCommand(t.ctx.db, 'create-alliance', { name: MATRIX_ALLIANCE })
  await runAdminCommand(t.ctx.db, 'add-to-alliance', { alliance: MATRIX_ALLIANCE, organization: MATRIX_PARTNER })
  return t.ctx.db.selectFrom('alliances').selectAll().where('name', '=', MATRIX_ALLIANCE).executeTakeFirstOrThrow()
}

const MANAGED = '矩阵管理的消协'
async function managedOrganization(t: TestApp, c: Cast) {
  await t.ctx.db.updateTable('staff_memberships').set({ can_manage: 1 }).where('user_id', '=', c.people.staff.id).execute()
  const existing = await t.ctx.db.selectFrom('organizations').selectAll().where('name', '=', MANAGED).executeTakeFirst()
  return existing ?? createOrganization(t.ctx.db, { name: MANAGED, level: 'county', regionCode: '110105', parentId: DEFAULT_ORGANIZATION_ID }, t.ctx.now())
}
/** A service station's form (POST/PUT /api/staff/stations) without its name. */
export const STATION_FORM = {
  hostKind: 'community',
  address: '北京市朝阳区某某路 1 号',
  latitude: 39.92,
  longitude: 116.46,
  openingHours: '周一至周五 9:00-17:00',
  phone: '010-65000000',
  services: ['consult'],
} as const satisfies Partial<CreateStationRequest>

let organizations = 0
/** A new county-level organization directly below the top (default) one. */
export function newChildOrganization(t: TestApp) {
  organizations += 1
  return createOrganization(t.ctx.db, { name: `矩阵测试消协${organizations}-${randomUUID().slice(0, 8)}`, level: 'county', regionCode: '110105', parentId: DEFAULT_ORGANIZATION_ID }, t.ctx.now())
}

/** An anonymous summary without personal details. */
export const CASE_SUMMARY = '一位消费者在超市购买的商品有质量问题，商家答复退款，消费者接受，本案已和解。'

async function consentedCase(t: TestApp, c: Cast): Promise<string> {
  const filed = await fileComplaint(t, c.people.consumerA.token, {
    business: { name: '示例优选超市有限公司', enterpriseId: c.enterpriseE },
    path: 'odr',
    publicationConsent: { publish: true, photos: false },
  })
  await step(t, c.people.liaisonE.token, filed.id, 'propose', PROPOSAL)
  return step(t, c.people.consumerA.token, filed.id, 'accept_proposal', {})
}

async function proposedCase(t: TestApp, c: Cast) {
  const complaintId = await consentedCase(t, c)
  const response = await t.app.inject({ method: 'POST', url: `/api/staff/complaints/${complaintId}/publication/proposal`, headers: bearer(c.people.staff.token), payload: { summary: CASE_SUMMARY } })
  return { complaintId, publicationId: (await ok(response, 'propose publication')).json().id as string }
}

async function windowPassed(t: TestApp, c: Cast) {
  const proposed = await proposedCase(t, c)
  const past = new Date(t.ctx.now().getTime() - 60_000).toISOString()
  await t.ctx.db.updateTable('published_cases').set({ reply_window_ends_at: past }).where('id', '=', proposed.publicationId).execute()
  return proposed
}
