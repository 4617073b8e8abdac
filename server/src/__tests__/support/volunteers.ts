import { randomUUID } from 'node:crypto'
import type { CreateFieldReportRequest } from '../../../../src/contract/field-report'
import { runAdminCommand } from '../../cli/admin-commands'
import { insertEvidenceRows } from './evidence-rows'
import { bearer, loginByPhone, type TestApp } from './test-app'

export interface Person {
  id: string
  token: string
  phone: string
}

export async function signIn(t: TestApp, phone: string): Promise<Person> {
  const session = await loginByPhone(t, phone, `10.8.${Number(phone.slice(-4, -2))}.${Number(phone.slice(-2))}`)
  return { id: session.user.id, token: session.accessToken, phone }
}

export async function makeStaff(t: TestApp, phone: string): Promise<Person> {
  await runAdminCommand(t.ctx.db, 'create-staff', { phone, name: '陈主任' })
  return signIn(t, phone)
}

export function apply(t: TestApp, who: Person, overrides: Record<string, unknown> = {}) {
  const payload = { name: '王建国', region: '内蒙古/锡林郭勒盟', phone: who.phone, motivation: '退休在家，想帮乡亲们把关', ...overrides }
  return t.app.inject({ method: 'POST', url: '/api/volunteer-applications', headers: bearer(who.token), payload })
}

export function staffPost(t: TestApp, staff: Person, url: string, payload: object = {}) {
  return t.app.inject({ method: 'POST', url, headers: bearer(staff.token), payload })
}

/** A consumer who applied and was approved through the real routes. */
export async function makeVolunteer(t: TestApp, phone: string, staff: Person, name = '王建国'): Promise<Person> {
  const who = await signIn(t, phone)
  const applied = await apply(t, who, { name })
  if (applied.statusCode !== 201) throw new Error(`apply failed: ${applied.body}`)
  const approved = await staffPost(t, staff, `/api/staff/volunteer-applications/${applied.json().id}/approve`, {})
  if (approved.statusCode !== 200) throw new Error(`approve failed: ${approved.body}`)
  return who
}

export async function validReport(t: TestApp, volunteer: Person, overrides: Partial<CreateFieldReportRequest> = {}, photoCount = 1): Promise<CreateFieldReportRequest> {
  const photos = await insertEvidenceRows(t, volunteer.id, photoCount)
  return {
    clientId: randomUUID(),
    category: 'expired_food',
    businessName: '幸福便利店',
    businessAddress: '正蓝旗上都镇新华街 12 号',
    region: '内蒙古/锡林郭勒盟/正蓝旗',
    location: { latitude: 42.241739, longitude: 116.003311, accuracy: 18 },
    observedAt: new Date(t.ctx.now().getTime() - 3600_000).toISOString(),
    notes: '货架上 3 盒酸奶已过保质期两天仍在销售',
    photos: photos.map((evidenceId, index) => ({ evidenceId, capturedAt: new Date(t.ctx.now().getTime() - 3600_000 + index * 1000).toISOString(), latitude: 42.24174, longitude: 116.00331, accuracy: 20 })),
    ...overrides,
  }
}

export function postReport(t: TestApp, who: Person, body: unknown) {
  return t.app.inject({ method: 'POST', url: '/api/field-reports', headers: bearer(who.token), payload: body as object })
}

export async function fileReport(t: TestApp, volunteer: Person, overrides: Partial<CreateFieldReportRequest> = {}) {
  const response = await postReport(t, volunteer, await validReport(t, volunteer, overrides))
  if (response.statusCode !== 201) throw new Error(`report failed: ${response.body}`)
  return response.json() as { id: string; [key: string]: unknown }
}

export async function countOf(t: TestApp, table: 'field_reports' | 'field_report_photos' | 'volunteer_applications' | 'complaints' | 'warnings') {
  const row = await t.ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export function notificationsOf(t: TestApp, userId: string) {
  return t.ctx.db.selectFrom('notifications').selectAll().where('recipient_id', '=', userId).orderBy('seq').execute()
}
