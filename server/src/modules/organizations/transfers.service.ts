import type { ComplaintDetail } from '../../../../src/contract/complaint'
import type { ComplaintStatus } from '../../../../src/contract/complaint-status'
import { TRANSFER_LABELS, transferSentence, type TransferKind, type TransferRequest } from '../../../../src/contract/organization'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { applyTransition } from '../complaints/complaint-transition'
import { findComplaintById } from '../complaints/complaints.repository'
import { findVisibleComplaint, readComplaintDetail } from '../complaints/complaints.service'
import { rulesOfComplaint, stepDeadline } from '../rules/rule-sets.service'
import { DEFAULT_ORGANIZATION_ID, findOrganizationById, type OrganizationRow } from './organizations.repository'
import { assertHolds, staffScope } from './organization-scope'
import { allianceBetween, insertAllianceTransfer, type AllianceRow } from '../alliances/alliances.repository'

/** While the association works a case it can move; with an enterprise (ODR) or once ended it cannot. */
const MOVABLE: ReadonlySet<ComplaintStatus> = new Set(['awaiting_review', 'accepted', 'mediating'])

/** The alliance a 联盟移送 goes through (undefined for the other kinds); 4xx when the move may not be made. */
async function checkDirection(ctx: AppContext, kind: TransferKind, from: OrganizationRow, to: OrganizationRow): Promise<AllianceRow | undefined> {
  if (to.id === from.id) throw new AppError(422, 'TRANSFER_TO_OWN_ORGANIZATION')
  if (kind === 'hand_down' && to.parent_id !== from.id) throw new AppError(422, 'TRANSFER_DIRECTION_INVALID', '交办只能交给直属下级组织')
  if (kind === 'take_up' && from.parent_id !== to.id) throw new AppError(422, 'TRANSFER_DIRECTION_INVALID', '提级只能提到直属上级组织')
  if (kind !== 'alliance') return undefined
  // Across regions only: within one's own line (above or below) 交办 and 提级 are the moves.
  if (from.path.startsWith(to.path) || to.path.startsWith(from.path)) throw new AppError(422, 'NOT_ALLIANCE_PARTNER', '联盟移送只能移送给其他地区的联盟伙伴，本地区内请用交办或提级')
  const alliance = await allianceBetween(ctx.db, from.path, to.id)
  if (!alliance) throw new AppError(422, 'NOT_ALLIANCE_PARTNER')
  return alliance
}

/**
 * Moves a case to another organization: 移送 (to any other, e.g. outside our jurisdiction), 交办 (to
 * a child) or 提级 (to the parent). Only staff who may see the case (its holder or above) and may
 * mediate. The receiving organization reviews it afresh: the case waits for review, nobody is
 * assigned, and the review deadline of the case's own rule set starts on receipt. The event keeps
 * from, to and reason for the timeline, and tells the consumer where the case went and why.
 */
export async function moveComplaint(ctx: AppContext, user: AuthUser, id: string, kind: TransferKind, request: TransferRequest): Promise<ComplaintDetail> {
  const scope = await staffScope(ctx.db, user.id)
  if (!scope.canMediate) throw new AppError(403, 'FORBIDDEN', '您没有处理投诉的权限')
  const complaint = await findVisibleComplaint(ctx, user, id)
  assertHolds(scope, complaint)
  if (!MOVABLE.has(complaint.status)) throw new AppError(409, 'TRANSFER_NOT_ALLOWED')
  const from = (await findOrganizationById(ctx.db, complaint.organization_id ?? DEFAULT_ORGANIZATION_ID))!
  const to = await findOrganizationById(ctx.db, request.toOrganizationId)
  if (!to) throw new AppError(404, 'ORGANIZATION_NOT_FOUND')
  const alliance = await checkDirection(ctx, kind, from, to)

  const reason = request.reason.trim()
  const now = ctx.now()
  const rules = await rulesOfComplaint(ctx, ctx.db, complaint)
  await ctx.db.transaction().execute(async (trx) => {
    await applyTransition(trx, {
      complaint,
      to: 'awaiting_review',
      type: kind,
      actor: { id: user.id, role: 'staff' },
      note: transferSentence(kind, to.name, reason),
      data: { kind, label: TRANSFER_LABELS[kind], fromId: from.id, fromName: from.name, toId: to.id, toName: to.name, reason, ...(alliance ? { allianceName: alliance.name } : {}) },
      // A testing/appraisal pause belonged to the step that ended here: the new review clock runs.
      set: {
        organization_id: to.id,
        organization_path: to.path,
        assigned_staff_id: null,
        accepted_at: null,
        clock_paused_at: null,
        clock_paused_reason: null,
        ...stepDeadline(rules, 'review', now),
        // Across an alliance the sender keeps reading the case (complaintsVisibleTo); the last sender only.
        ...(alliance ? { alliance_sender_path: from.path } : {}),
      },
      now,
    })
    if (alliance) await insertAllianceTransfer(trx, { allianceId: alliance.id, complaintId: complaint.id, fromId: from.id, toId: to.id, reason, now: now.toISOString() })
  })
  const moved = (await findComplaintById(ctx.db, complaint.id))!
  // The mover may no longer see the case (a sibling or a partner holds it now): answer what they saw, moved.
  return readComplaintDetail(ctx, moved, user)
}
