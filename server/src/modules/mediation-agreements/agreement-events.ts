import { randomUUID } from 'node:crypto'
import type { ComplaintEventType } from '../../../../src/contract/complaint-events'
import type { AppContext } from '../../context'
import type { Db } from '../../db/database'
import type { AuthUser } from '../auth/auth.service'
import { insertComplaintEvent, nextEventTime } from '../complaints/complaint-events.repository'

type AgreementEventType = Extract<ComplaintEventType, `agreement_${string}`>

/** Records a step of the agreement on the case's timeline (and notifies the parties), in the step's transaction. */
export async function agreementEvent(trx: Db, ctx: AppContext, complaintId: string, user: AuthUser, type: AgreementEventType, data: object) {
  await insertComplaintEvent(trx, {
    id: randomUUID(),
    complaint_id: complaintId,
    type,
    actor_id: user.id,
    actor_role: user.role,
    note: null,
    from_status: null,
    to_status: null,
    created_at: await nextEventTime(trx, complaintId, ctx.now()),
    data: JSON.stringify(data),
  })
}
