import type { ActionRequest, RequestAction } from '../../../../src/contract/complaint-actions'
import { MAX_PHOTOS_PER_COMPLAINT } from '../../../../src/contract/complaint-rules'
import type { ComplaintDetail } from '../../../../src/contract/complaint'
import { WORKFLOW, canTake, type WorkflowAction } from '../../../../src/contract/complaint-workflow'
import type { AppContext } from '../../context'
import type { Db } from '../../db/database'
import { AppError } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { applyTransition, type Transition } from '../complaints/complaint-transition'
import { countComplaintPhotos, findComplaintById, type ComplaintRow } from '../complaints/complaints.repository'
import { attachEvidence } from '../evidence/evidence.repository'
import { findVisibleComplaint, readComplaintDetail } from '../complaints/complaints.service'
import { findUserById } from '../users/user.repository'
import { assertHolds, staffMayWork, staffScope } from '../organizations/organization-scope'
import { refusalGround, rulesOfComplaint, stepDeadline, type CaseRules } from '../rules/rule-sets.service'
import { pauseColumns, resumeColumns } from './clock-pause'
import { referralDestination, referralSnapshot } from '../referrals/referrals.service'
import { scheduleFollowUp } from '../performance/performance.service'

type Step = Pick<Transition, 'note' | 'data' | 'set'>

const NO_DEADLINE = { due_at: null, due_kind: null, overdue_at: null }

/**
 * What each action writes besides the status: its columns, its note and the details kept on the
 * event. Checks that the schema cannot express (rating twice, assigning a non-staff user) throw.
 */
async function describeStep(db: Db, rules: CaseRules, action: RequestAction, complaint: ComplaintRow, request: Record<string, unknown>, now: Date): Promise<Step> {
  const at = now.toISOString()
  const firstResponse = complaint.first_response_at ? {} : { first_response_at: at }
  // The route validated the body against ACTION_REQUESTS[action]; each case reads it as such.
  switch (action) {
    case 'propose': {
      const { text, amountFen, promisedDate } = request as unknown as ActionRequest<'propose'>
      return {
        note: text,
        data: { amountFen, promisedDate },
        set: { ...firstResponse, ...NO_DEADLINE, proposal_text: text, proposal_amount_fen: amountFen, proposal_promised_date: promisedDate },
      }
    }
    case 'request_info':
      return { note: (request as unknown as ActionRequest<'request_info'>).text, set: firstResponse }
    case 'mark_settled':
      return { note: (request as unknown as ActionRequest<'mark_settled'>).note, set: { ...firstResponse, ...NO_DEADLINE } }
    case 'accept_proposal':
      return { note: noteOf(request), set: NO_DEADLINE }
    case 'reject_proposal':
      // Escalated with everything: the complaint row, its timeline and its photos stay as they are.
      return { note: (request as unknown as ActionRequest<'reject_proposal'>).reason, set: stepDeadline(rules, 'review', now) }
    case 'accept':
      return { note: noteOf(request), set: { ...stepDeadline(rules, 'mediation', now), accepted_at: at } }
    case 'reject': {
      const { ground } = request as unknown as ActionRequest<'reject'>
      // Only a ground the case's own rules list; the event keeps its text and article as they were chosen.
      const { text, article } = refusalGround(rules, ground)
      return { note: noteOf(request), data: { ground, text, article, ruleSetId: rules.row.id }, set: { ...NO_DEADLINE, rejection_ground: ground } }
    }
    case 'refer': {
      // Only a known body (422 otherwise); the event keeps it as chosen, hotline and all, for the consumer's detail.
      const destination = await referralDestination(db, (request as unknown as ActionRequest<'refer'>).destination)
      return { note: noteOf(request), data: { destination: referralSnapshot(destination) }, set: { ...NO_DEADLINE, referred_to: destination.code } }
    }
    case 'start_mediation':
      return { note: noteOf(request) }
    case 'mediation_succeeded': {
      const { agreement, recoveredAmountFen } = request as unknown as ActionRequest<'mediation_succeeded'>
      return { note: agreement, data: { recoveredAmountFen }, set: { ...NO_DEADLINE, outcome: agreement, recovered_amount_fen: recoveredAmountFen, mediation_result: 'succeeded' } }
    }
    case 'mediation_failed': {
      const { advice } = request as unknown as ActionRequest<'mediation_failed'>
      return { note: noteOf(request), data: { advice }, set: { ...NO_DEADLINE, mediation_result: 'failed' } }
    }
    case 'close': {
      const { outcome } = request as unknown as ActionRequest<'close'>
      return { note: outcome, set: { ...NO_DEADLINE, outcome } }
    }
    case 'assign': {
      const { staffId } = request as unknown as ActionRequest<'assign'>
      const staff = await findUserById(db, staffId)
      if (!staff || staff.role !== 'staff' || Number(staff.disabled) === 1) throw new AppError(422, 'VALIDATION_FAILED', '只能指派给在职的消协工作人员')
      // Only to someone whose organization holds the case or is above it (never a sibling's staff).
      if (!(await staffMayWork(db, staffId, complaint))) throw new AppError(422, 'VALIDATION_FAILED', '这位工作人员所在的组织看不到这件投诉，请先移送或改派本组织的同事')
      return { note: null, data: { staffId }, set: { assigned_staff_id: staffId } }
    }
    case 'note':
      return { note: (request as unknown as ActionRequest<'note'>).text }
    case 'pause_clock': {
      const { reason } = request as unknown as ActionRequest<'pause_clock'>
      return { note: reason, ...pauseColumns(rules, complaint, reason, now) }
    }
    case 'resume_clock':
      return { note: noteOf(request), ...resumeColumns(rules, complaint, now) }
    case 'rate': {
      if (complaint.rated_at) throw new AppError(409, 'INVALID_TRANSITION', '您已经评价过了')
      const { stars, comment } = request as unknown as ActionRequest<'rate'>
      const text = comment?.trim() ? comment : null
      return { note: text, data: { stars }, set: { rating: stars, rating_comment: text, rated_at: at } }
    }
  }
  throw new AppError(400, 'VALIDATION_FAILED')
}

function noteOf(request: Record<string, unknown>): string | null {
  const note = request.note
  return typeof note === 'string' && note.trim() ? note : null
}

/**
 * A person takes a workflow action on a complaint they can see. The route has already checked the
 * role and the body; here the complaint's status decides (409 INVALID_TRANSITION), and the
 * compare-and-swap in applyTransition makes a double submit answer 409 the second time.
 */
export async function takeAction<A extends RequestAction>(
  ctx: AppContext,
  user: AuthUser,
  id: string,
  action: A,
  body: ActionRequest<A>,
): Promise<ComplaintDetail> {
  const complaint = await findVisibleComplaint(ctx, user, id)
  if (user.role === 'staff') assertHolds(await staffScope(ctx.db, user.id), complaint)
  // A volunteer acts on their own complaint as its consumer (they only see their own, see findVisibleComplaint).
  const role = user.role === 'volunteer' ? 'consumer' : user.role
  if (!canTake(action, complaint.status, role)) throw new AppError(409, 'INVALID_TRANSITION')
  const now = ctx.now()
  const step = await prepareStep(ctx, ctx.db, action, complaint, body as Record<string, unknown>, now)
  const photos = (body as { evidenceIds?: string[] }).evidenceIds ?? []
  await ctx.db.transaction().execute(async (trx) => {
    const eventId = await perform(trx, { complaint, action, actor: { id: user.id, role }, step, now })
    await attachPhotos(trx, { complaintId: complaint.id, ownerId: user.id, eventId, ids: photos, now })
    // An accepted proposal is a promise with a date: the consumer is asked on it whether it was kept.
    if (action === 'accept_proposal' && complaint.proposal_promised_date) {
      await scheduleFollowUp(ctx, trx, { complaint, source: 'odr', dueDate: complaint.proposal_promised_date, mediatorId: null, now })
    }
  })
  return readComplaintDetail(ctx, (await findComplaintById(ctx.db, complaint.id))!, user)
}

/**
 * What the action writes on this complaint under its own rules (the same for one case or a whole
 * group's): a step that sets a new deadline (or ends the last one) also ends a testing/appraisal pause.
 */
export async function prepareStep(ctx: AppContext, db: Db, action: RequestAction, complaint: ComplaintRow, body: Record<string, unknown>, now: Date): Promise<Step> {
  const step = await describeStep(db, await rulesOfComplaint(ctx, db, complaint), action, complaint, body, now)
  if (complaint.clock_paused_at && step.set && 'due_at' in step.set && action !== 'resume_clock') {
    step.set = { ...step.set, clock_paused_at: null, clock_paused_reason: null }
  }
  return step
}

/**
 * The step's photos join its event, in the same transaction: only the actor's own photos not yet
 * used anywhere (422 otherwise), and no more than the complaint's limit.
 */
async function attachPhotos(trx: Db, args: { complaintId: string; ownerId: string; eventId: string; ids: readonly string[]; now: Date }) {
  if (args.ids.length === 0) return
  const photos = await countComplaintPhotos(trx, args.complaintId)
  if (photos + args.ids.length > MAX_PHOTOS_PER_COMPLAINT) {
    const left = Math.max(0, MAX_PHOTOS_PER_COMPLAINT - photos)
    throw new AppError(400, 'TOO_MANY_PHOTOS', `一件投诉最多 ${MAX_PHOTOS_PER_COMPLAINT} 张照片，还可以添加 ${left} 张`)
  }
  const attached = await attachEvidence(trx, { ids: args.ids, ownerId: args.ownerId, complaintId: args.complaintId, eventId: args.eventId, now: args.now.toISOString() })
  if (!attached) throw new AppError(422, 'EVIDENCE_INVALID')
}

export function perform(trx: Db, args: { complaint: ComplaintRow; action: Exclude<WorkflowAction, 'withdraw'>; actor: Transition['actor']; step: Step; now: Date }) {
  const to = WORKFLOW[args.action].to ?? args.complaint.status
  return applyTransition(trx, { complaint: args.complaint, to, type: args.action, actor: args.actor, ...args.step, now: args.now })
}
