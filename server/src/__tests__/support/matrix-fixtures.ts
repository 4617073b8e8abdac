import { randomUUID } from 'node:crypto'
import { runAdminCommand } from '../../cli/admin-commands'
import { attachEvidence } from '../../modules/evidence/evidence.repository'
import { notify } from '../../modules/notifications/notify'
import { fileComplaint } from './complaints'
import { insertEvidenceRows } from './evidence-rows'
import { makeJpeg, multipart } from './photos'
import { apply, fileReport, makeVolunteer, signIn, type Person } from './volunteers'
import { createDraft, published } from './warnings'
import { act, PROPOSAL } from './workflow'
import { agreementApi, DRAFT } from './agreements'
import { bearer, type TestApp } from './test-app'
import { createOrganization } from '../../modules/organizations/organizations.service'
import { DEFAULT_ORGANIZATION_ID } from '../../modules/organizations/organizations.repository'

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
  const county = await newChildOrganization(t)
  await runAdminCommand(t.ctx.db, 'add-staff', { phone: '13500000008', name: '县消协干事', organization: county.name })
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
  /** A rule set the staff actor may publish a new version of (it holds the rule-editor permission). */
  /** A's association-path complaint naming E, with an agreement the staff actor drafted. */
  draftedAgreement: async (t: TestApp, c: Cast) => {
    const id = await mediatingComplaint(t, c)
    await ok(await agreementApi(t, id).draft(c.people.staff.token, DRAFT), 'draft agreement')
    return id
  },
  /** A hash no agreement has. */
  unknownAgreementHash: async () => '0'.repeat(64),
  editableRuleSet: async (t: TestApp, c: Cast) => {
    await t.ctx.db.updateTable('users').set({ rule_editor: 1 }).where('id', '=', c.people.staff.id).execute()
    return 'samr-2026'
  },
} satisfies Record<string, (t: TestApp, c: Cast) => Promise<string>>

export type FixtureName = keyof typeof FIXTURES

let organizations = 0
/** A new county-level organization directly below the top (default) one. */
export function newChildOrganization(t: TestApp) {
  organizations += 1
  return createOrganization(t.ctx.db, { name: `矩阵测试消协${organizations}-${randomUUID().slice(0, 8)}`, level: 'county', regionCode: '110105', parentId: DEFAULT_ORGANIZATION_ID }, t.ctx.now())
}
