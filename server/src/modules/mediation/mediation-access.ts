import { ROOM_OPEN_STATUSES, type RoomParty, type RoomThread } from '../../../../src/contract/mediation'
import type { AppContext } from '../../context'
import type { Db } from '../../db/database'
import { AppError, notFound } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { findComplaintById, findConsumerComplaint, type ComplaintRow } from '../complaints/complaints.repository'
import { complaintsVisibleTo, staffScope } from '../organizations/organization-scope'
import { liaisonsOf, presenceOf } from './mediation.repository'

export interface RoomAccess {
  complaint: ComplaintRow
  party: RoomParty
  /** Threads this caller may read; posting follows the same list. */
  threads: RoomThread[]
  canWrite: boolean
}

const PARTY_THREADS: Record<RoomParty, RoomThread[]> = {
  consumer: ['shared', 'consumer'],
  enterprise: ['shared', 'enterprise'],
  mediator: ['shared', 'consumer', 'enterprise', 'notes'],
}

/**
 * Who is in a case's room: the consumer who filed it, the liaisons of the business it names (on
 * either path: the association invites the business to mediate), and staff who may see the case
 * (complaintsVisibleTo); those with 调解 permission may speak. Everyone else: 404, as if no room existed.
 * A room opens when the association accepts the case (an ODR case after the consumer rejected the proposal).
 */
export async function openRoom(ctx: AppContext, user: AuthUser, complaintId: string): Promise<RoomAccess> {
  let complaint: ComplaintRow | undefined
  let party: RoomParty
  let mayMediate = false
  switch (user.role) {
    case 'consumer':
    case 'volunteer':
      complaint = await findConsumerComplaint(ctx.db, complaintId, user.id)
      party = 'consumer'
      break
    case 'enterprise': {
      const found = user.enterpriseId ? await findComplaintById(ctx.db, complaintId) : undefined
      // Before acceptance an association case is none of the business's concern: hidden, not "not open".
      complaint = found && found.enterprise_id === user.enterpriseId && (found.path === 'odr' || found.accepted_at) ? found : undefined
      party = 'enterprise'
      break
    }
    case 'staff': {
      const scope = await staffScope(ctx.db, user.id)
      const condition = complaintsVisibleTo(scope)
      let query = ctx.db.selectFrom('complaints').selectAll().where('id', '=', complaintId)
      if (condition) query = query.where(condition)
      complaint = await query.executeTakeFirst()
      party = 'mediator'
      mayMediate = scope.canMediate
      break
    }
    default:
      throw notFound()
  }
  if (!complaint) throw notFound()
  if (!complaint.accepted_at) throw new AppError(409, 'ROOM_NOT_OPEN')
  const open = (ROOM_OPEN_STATUSES as readonly string[]).includes(complaint.status)
  return { complaint, party, threads: PARTY_THREADS[party], canWrite: open && (party !== 'mediator' || mayMediate) }
}

/** The thread, if this caller may read it; 404 otherwise (a liaison never learns a consumer side thread exists). */
export function requireThread(access: RoomAccess, thread: RoomThread): void {
  if (!access.threads.includes(thread)) throw notFound()
}

export function requireWrite(access: RoomAccess): void {
  if (access.canWrite) return
  if (access.party === 'mediator' && (ROOM_OPEN_STATUSES as readonly string[]).includes(access.complaint.status)) {
    throw new AppError(403, 'FORBIDDEN', '您没有调解权限，只能查看调解室')
  }
  throw new AppError(409, 'ROOM_NOT_OPEN')
}

export interface Audience {
  consumer: string[]
  enterprise: string[]
  /** The assigned mediator and any staff who have opened the room. */
  staff: string[]
}

export async function roomAudience(db: Db, complaint: ComplaintRow): Promise<Audience> {
  const present = await presenceOf(db, complaint.id)
  const staff = new Set(present.filter((row) => row.party === 'mediator').map((row) => row.user_id))
  if (complaint.assigned_staff_id) staff.add(complaint.assigned_staff_id)
  return { consumer: [complaint.consumer_id], enterprise: await liaisonsOf(db, complaint.enterprise_id), staff: [...staff] }
}

/** Who may read a thread, from the audience. */
export function readersOf(audience: Audience, thread: RoomThread): string[] {
  switch (thread) {
    case 'shared':
      return [...audience.consumer, ...audience.enterprise, ...audience.staff]
    case 'consumer':
      return [...audience.consumer, ...audience.staff]
    case 'enterprise':
      return [...audience.enterprise, ...audience.staff]
    case 'notes':
      return audience.staff
  }
}

/** Whether the viewer may read this thread of this case's room (for photos sent in it). */
export async function mayReadThread(ctx: AppContext, viewer: AuthUser, complaintId: string, thread: RoomThread): Promise<boolean> {
  try {
    return (await openRoom(ctx, viewer, complaintId)).threads.includes(thread)
  } catch (error) {
    if (error instanceof AppError) return false
    throw error
  }
}
