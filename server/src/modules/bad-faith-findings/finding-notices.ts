import type { Db } from '../../db/database'
import { notify } from '../notifications/notify'

const LIAISON_PAGE = '/packages/enterprise/pages/finding/index'
const STAFF_PAGE = '/packages/staff/pages/credit-findings/index'

/** Tells every liaison of the enterprise, inside the caller's transaction (the outbox sends it later). */
export async function notifyLiaisons(trx: Db, enterpriseId: string, findingId: string, event: string, title: string, body: string, now: Date): Promise<void> {
  const liaisons = await trx.selectFrom('users').select('id').where('enterprise_id', '=', enterpriseId).where('role', '=', 'enterprise').where('deleted_at', 'is', null).limit(50).execute()
  for (const liaison of liaisons) {
    await notify(trx, { recipientId: liaison.id, type: 'credit_finding', title, body, link: `${LIAISON_PAGE}?id=${findingId}`, sourceKey: `credit-finding:${findingId}:${event}:${liaison.id}`, now })
  }
}

export async function notifyStaff(trx: Db, staffId: string, findingId: string, event: string, title: string, body: string, now: Date): Promise<void> {
  await notify(trx, { recipientId: staffId, type: 'credit_finding', title, body, link: `${STAFF_PAGE}?id=${findingId}`, sourceKey: `credit-finding:${findingId}:${event}:${staffId}`, now })
}
