import { runAdminCommand } from '../../cli/admin-commands'
import { fileComplaint } from './complaints'
import { bearer, loginByPhone, type TestApp } from './test-app'

export interface Cast {
  consumer: { id: string; token: string }
  liaison: { id: string; token: string }
  /** The liaison of another enterprise, also in the ODR channel. */
  otherLiaison: { id: string; token: string }
  staff: { id: string; token: string }
  colleague: { id: string; token: string }
  enterpriseId: string
  otherEnterpriseId: string
}

/** Who handles complaints: a consumer, two ODR enterprises with a liaison each, two staff members. */
export async function createCast(t: TestApp, prefix: string): Promise<Cast> {
  const phone = (n: number) => `139${prefix}${String(n).padStart(8 - prefix.length, '0')}`
  await runAdminCommand(t.ctx.db, 'create-enterprise', { phone: phone(3), name: '张经理', enterprise: '示例优选超市有限公司' })
  await runAdminCommand(t.ctx.db, 'create-enterprise', { phone: phone(5), name: '赵经理', enterprise: '快乐健身有限公司' })
  await runAdminCommand(t.ctx.db, 'create-staff', { phone: phone(4), name: '陈主任' })
  await runAdminCommand(t.ctx.db, 'create-staff', { phone: phone(6), name: '刘干事' })
  await t.ctx.db.updateTable('enterprises').set({ odr: 1 }).execute()
  const login = async (n: number) => {
    const session = await loginByPhone(t, phone(n), `10.${prefix.length}.${Number(prefix) % 250}.${n}`)
    return { id: session.user.id, token: session.accessToken }
  }
  const enterprise = async (name: string) => (await t.ctx.db.selectFrom('enterprises').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id
  return {
    consumer: await login(1),
    liaison: await login(3),
    otherLiaison: await login(5),
    staff: await login(4),
    colleague: await login(6),
    enterpriseId: await enterprise('示例优选超市有限公司'),
    otherEnterpriseId: await enterprise('快乐健身有限公司'),
  }
}

export function act(t: TestApp, token: string, id: string, action: string, payload?: object) {
  return t.app.inject({ method: 'POST', url: `/api/complaints/${id}/actions/${action}`, headers: bearer(token), ...(payload ? { payload } : {}) })
}

export function readComplaint(t: TestApp, token: string, id: string) {
  return t.app.inject({ method: 'GET', url: `/api/complaints/${id}`, headers: bearer(token) })
}

/** Files a complaint to the cast's ODR enterprise through the green channel. */
export function fileOdrComplaint(t: TestApp, cast: Cast, overrides: Parameters<typeof fileComplaint>[2] = {}) {
  return fileComplaint(t, cast.consumer.token, {
    business: { name: '示例优选超市有限公司', enterpriseId: cast.enterpriseId },
    path: 'odr',
    ...overrides,
  })
}

export function complaintRow(t: TestApp, id: string) {
  return t.ctx.db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

export const PROPOSAL = { text: '全额退款 3999 元，三日内原路退回', amountFen: 399_900, promisedDate: '2030-01-10' }
