import { randomUUID } from 'node:crypto'
import { runAdminCommand } from '../../cli/admin-commands'
import { addStaffToOrganization } from '../../modules/organizations/organizations.service'
import { createStation } from '../../modules/stations/stations.service'
import { findUserByPhone } from '../../modules/users/user.repository'
import type { CreateComplaintRequest } from '../../../../src/contract/complaint'
import { validComplaint } from './complaints'
import { bearer, type TestApp } from './test-app'
import { signIn, type Person } from './volunteers'

/** A station of the organization, made by the stations service (it needs the organization's path). */
export async function addTestStation(t: TestApp, organizationId: string, name = `测试服务站${randomUUID().slice(0, 6)}`) {
  const station = await createStation(t.ctx.db, { organizationId, name, hostKind: 'community', address: '文三路 1 号', openingHours: '周一至周五 9:00-17:00', services: ['consult', 'file_complaint'] }, t.ctx.now(), null)
  return { id: station.id, name }
}

/** A staff member working at the station who neither manages nor mediates: a counter operator. */
export async function makeOperator(t: TestApp, phone: string, station: { id: string }, organizationId: string): Promise<Person> {
  await runAdminCommand(t.ctx.db, 'create-staff', { phone, name: '站点小刘' })
  const user = (await findUserByPhone(t.ctx.db, phone))!
  await addStaffToOrganization(t.ctx.db, user.id, organizationId, { canManage: false, canMediate: false, stationId: station.id }, t.ctx.now())
  return signIn(t, phone)
}

export function startWalkIn(t: TestApp, operator: Person, phone: string, personName = '王大爷') {
  return t.app.inject({ method: 'POST', url: '/api/station/walk-ins', headers: bearer(operator.token), payload: { phone, personName } })
}

export function confirmWalkIn(t: TestApp, operator: Person, id: string, code: string) {
  return t.app.inject({ method: 'POST', url: `/api/station/walk-ins/${id}/consent`, headers: bearer(operator.token), payload: { code } })
}

export function submitWalkIn(t: TestApp, operator: Person, id: string, body: CreateComplaintRequest) {
  return t.app.inject({ method: 'POST', url: `/api/station/walk-ins/${id}/complaint`, headers: bearer(operator.token), payload: body })
}

export const lastCodeFor = (t: TestApp, phone: string) => t.sms.filter((s) => s.phone === phone).at(-1)!.code

/** Sends the code, confirms it as the person would read it out: a filing ready to submit. */
export async function consentedWalkIn(t: TestApp, operator: Person, phone: string): Promise<string> {
  const started = await startWalkIn(t, operator, phone)
  if (started.statusCode !== 201) throw new Error(`walk-in refused: ${started.body}`)
  const id = started.json().id as string
  const confirmed = await confirmWalkIn(t, operator, id, lastCodeFor(t, phone))
  if (confirmed.statusCode !== 200) throw new Error(`consent refused: ${confirmed.body}`)
  return id
}

export const walkInComplaint = (t: TestApp, phone: string, overrides: Partial<CreateComplaintRequest> = {}) => validComplaint(t, { contactPhone: phone, ...overrides })
