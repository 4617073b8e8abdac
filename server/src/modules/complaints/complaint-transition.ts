import { randomUUID } from 'node:crypto'
import type { Updateable } from 'kysely'
import type { ComplaintEventType } from '../../../../src/contract/complaint-events'
import { isOpen, type ComplaintStatus } from '../../../../src/contract/complaint-status'
import type { WorkflowActor } from '../../../../src/contract/complaint-workflow'
import type { Db } from '../../db/database'
import type { ComplaintTable } from '../../db/schema'
import { AppError } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { insertComplaintEvent, nextEventTime } from './complaint-events.repository'
import { findComplaintById, transitionComplaint, type ComplaintRow } from './complaints.repository'

export interface Transition {
  /** The complaint as it was read: the change applies only if nobody changed it since. */
  complaint: ComplaintRow
  /** The new status, or the same one for an action that only records an event. */
  to: ComplaintStatus
  type: ComplaintEventType
  actor: { id: string | null; role: WorkflowActor }
  note: string | null
  data?: Record<string, unknown> | null
  /** Other columns the step changes (deadline, proposal, outcome …). */
  set?: Updateable<ComplaintTable>
  now: Date
}

/**
 * Applies one step to a complaint, as it was read, and records who did it, when, why and with which
 * details. Call it inside a transaction. The version compare-and-swap makes two concurrent steps
 * on the same complaint serialize: the second writes nothing and gets 409 (COMPLAINT_NOT_OPEN if
 * the complaint has ended meanwhile, INVALID_TRANSITION otherwise).
 */
export async function applyTransition(trx: Db, args: Transition): Promise<string> {
  const { complaint, to } = args
  const won = await transitionComplaint(trx, { id: complaint.id, from: complaint.status, version: Number(complaint.version), to })
  if (!won) {
    const current = await findComplaintById(trx, complaint.id)
    throw new AppError(409, current && !isOpen(current.status) && isOpen(complaint.status) ? 'COMPLAINT_NOT_OPEN' : 'INVALID_TRANSITION')
  }
  // The row is locked by the update above, so the event time cannot race another event.
  const at = await nextEventTime(trx, complaint.id, args.now)
  const closed = isOpen(complaint.status) && !isOpen(to)
  const late = endsLate(complaint, at, closed || (args.set !== undefined && 'due_kind' in args.set)) ? { late_at: at } : {}
  await trx
    .updateTable('complaints')
    // An ended complaint frees its repeat key (a later filing is a new case) and no clock runs any more.
    .set({ ...args.set, ...late, updated_at: at, ...(closed ? { closed_at: at, repeat_key: null, clock_paused_at: null, clock_paused_reason: null } : {}) })
    .where('id', '=', complaint.id)
    .execute()
  const eventId = randomUUID()
  await insertComplaintEvent(trx, {
    id: eventId,
    complaint_id: complaint.id,
    type: args.type,
    actor_id: args.actor.id,
    actor_role: args.actor.role,
    note: args.note,
    from_status: complaint.status,
    to_status: to,
    created_at: at,
    data: args.data ? JSON.stringify(args.data) : null,
  })
  return eventId
}

/** Steps whose deadline is the association's own: going past one makes the case not closed on time (按期办结). */
export const ASSOCIATION_DUE_KINDS: ReadonlySet<string> = new Set(['review', 'mediation'])

/** Whether this step ends (or hands on) a running association deadline after it passed, the first time. */
function endsLate(complaint: ComplaintRow, at: string, endsStep: boolean): boolean {
  if (!endsStep || complaint.late_at || complaint.clock_paused_at || !complaint.due_at) return false
  return ASSOCIATION_DUE_KINDS.has(complaint.due_kind ?? '') && at > complaint.due_at
}

/** The consumer's withdrawal: the complaint ends and its deadline with it. */
export async function changeStatus(
  trx: Db,
  args: { complaint: ComplaintRow; to: ComplaintStatus; actor: AuthUser; note: string | null; now: Date },
): Promise<void> {
  await applyTransition(trx, {
    complaint: args.complaint,
    to: args.to,
    type: args.to === 'withdrawn' ? 'withdrawn' : 'status_changed',
    actor: { id: args.actor.id, role: args.actor.role },
    note: args.note,
    set: isOpen(args.to) ? {} : { due_at: null, due_kind: null, overdue_at: null },
    now: args.now,
  })
}
