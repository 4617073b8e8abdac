import { randomUUID } from 'node:crypto'
import { isOpen, type ComplaintStatus } from '../../../../src/contract/complaint-status'
import type { Db } from '../../db/database'
import { AppError } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { insertComplaintEvent, nextEventTime } from './complaint-events.repository'
import { findComplaintById, touchComplaint, transitionComplaint, type ComplaintRow } from './complaints.repository'

/**
 * Moves a complaint, as it was read, to another status and records who did it and why. Call it
 * inside a transaction. When someone else changed the complaint first, nothing is written and the
 * caller gets 409: COMPLAINT_NOT_OPEN if it has ended meanwhile, INVALID_TRANSITION otherwise.
 */
export async function changeStatus(
  trx: Db,
  args: { complaint: ComplaintRow; to: ComplaintStatus; actor: AuthUser; note: string | null; now: Date },
): Promise<void> {
  const { complaint, to } = args
  const won = await transitionComplaint(trx, { id: complaint.id, from: complaint.status, version: Number(complaint.version), to })
  if (!won) {
    const current = await findComplaintById(trx, complaint.id)
    throw new AppError(409, current && !isOpen(current.status) ? 'COMPLAINT_NOT_OPEN' : 'INVALID_TRANSITION')
  }
  // The row is locked by the update above, so the event time cannot race another event.
  const at = await nextEventTime(trx, complaint.id, args.now)
  await touchComplaint(trx, complaint.id, at, !isOpen(to))
  await insertComplaintEvent(trx, {
    id: randomUUID(),
    complaint_id: complaint.id,
    type: to === 'withdrawn' ? 'withdrawn' : 'status_changed',
    actor_id: args.actor.id,
    actor_role: args.actor.role,
    note: args.note,
    from_status: complaint.status,
    to_status: to,
    created_at: at,
  })
}
