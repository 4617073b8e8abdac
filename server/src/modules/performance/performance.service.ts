import type {
  PerformanceAnswerRequest,
  PerformanceFollowUp,
  PerformanceHandleRequest,
  PerformanceReopenRequest,
  PerformanceResponse,
  PerformanceSource,
  UnperformedList,
  UnperformedReason,
} from '../../../../src/contract/performance'
import type { PerformanceRule } from '../../../../src/contract/rule-set'
import { chinaDate } from '../../china-time'
import type { AppContext } from '../../context'
import type { Db } from '../../db/database'
import { AppError } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { findComplaintVisibleTo } from '../complaints/complaint-access'
import type { ComplaintRow } from '../complaints/complaints.repository'
import { assertHolds, complaintsHeldBy, staffScope } from '../organizations/organization-scope'
import { recordPerformanceStep } from './performance-notices'
import { askTime, performanceRulesOf, periodEnd, periodText } from './performance-rules'
import { findFollowUp, moveFollowUp, unperformedCasesQuery, upsertFollowUp, type FollowUpRow } from './performance.repository'

const UNPERFORMED_LIST_MAX = 100

/**
 * Starts (or restarts) the follow-up of a settlement with a due date, in the settlement's own
 * transaction: an accepted ODR proposal or a mediation agreement both parties signed. A case whose
 * rules say nothing about performance gets none.
 */
export async function scheduleFollowUp(ctx: AppContext, trx: Db, args: { complaint: ComplaintRow; source: PerformanceSource; dueDate: string; mediatorId: string | null; now: Date }) {
  const rules = await performanceRulesOf(ctx, trx, args.complaint)
  if (!rules) return
  const at = args.now.toISOString()
  await upsertFollowUp(trx, {
    complaint_id: args.complaint.id,
    source: args.source,
    consumer_id: args.complaint.consumer_id,
    enterprise_id: args.complaint.enterprise_id,
    mediator_id: args.mediatorId ?? args.complaint.assigned_staff_id,
    due_date: args.dueDate,
    state: 'scheduled',
    ask_at: askTime(args.dueDate).toISOString(),
    created_at: at,
    updated_at: at,
  })
}

/** The columns of a case going back to the mediator as 未履行, with the deadline its rules give. */
export function unperformedColumns(rules: PerformanceRule, reason: UnperformedReason, now: Date) {
  const at = now.toISOString()
  return { state: 'unperformed' as const, unperformed_reason: reason, unperformed_at: at, handle_due_at: periodEnd(rules.unperformed, now).toISOString(), handle_overdue_at: null, updated_at: at }
}

async function rulesFor(ctx: AppContext, db: Db, complaint: ComplaintRow): Promise<PerformanceRule> {
  const rules = await performanceRulesOf(ctx, db, complaint)
  // A follow-up exists only where the rules had a section; a rule set is never edited, so it still has.
  if (!rules) throw new AppError(404, 'PERFORMANCE_NOT_FOUND')
  return rules
}

async function openCase(ctx: AppContext, user: AuthUser, complaintId: string) {
  const complaint = await findComplaintVisibleTo(ctx, user, complaintId)
  if (!complaint) throw new AppError(404, 'NOT_FOUND')
  const followUp = await findFollowUp(ctx.db, complaint.id)
  return { complaint, followUp }
}

/** The consumer answers 已收到 / 部分收到 / 没收到; only the first answer counts (409 after). */
export async function answerFollowUp(ctx: AppContext, user: AuthUser, complaintId: string, request: PerformanceAnswerRequest): Promise<PerformanceResponse> {
  const { complaint, followUp } = await openCase(ctx, user, complaintId)
  if (!followUp) throw new AppError(404, 'PERFORMANCE_NOT_FOUND')
  if (followUp.state === 'scheduled') throw new AppError(409, 'PERFORMANCE_NOT_ASKED')
  if (followUp.state !== 'asked') throw new AppError(409, 'PERFORMANCE_ALREADY_ANSWERED')
  const note = request.note?.trim() ? request.note.trim() : null
  if (request.answer === 'partial' && !note) throw new AppError(422, 'PERFORMANCE_PARTIAL_NOTE_REQUIRED')
  const rules = await rulesFor(ctx, ctx.db, complaint)
  const now = ctx.now()
  const at = now.toISOString()
  const answered = { answer: request.answer, answered_at: at, partial_note: request.answer === 'partial' ? note : null }
  await ctx.db.transaction().execute(async (trx) => {
    if (request.answer === 'received') {
      const reopenUntil = periodEnd(rules.reopen, now).toISOString()
      if (!(await moveFollowUp(trx, complaint.id, 'asked', { ...answered, state: 'performed', performed_at: at, reopen_until: reopenUntil, updated_at: at }))) {
        throw new AppError(409, 'PERFORMANCE_ALREADY_ANSWERED')
      }
      await recordPerformanceStep(trx, { complaint, followUp, step: 'confirmed', actor: { id: user.id, role: 'consumer' }, note, data: { answer: 'received', reopenUntil }, now })
      return
    }
    const set = unperformedColumns(rules, request.answer, now)
    if (!(await moveFollowUp(trx, complaint.id, 'asked', { ...answered, ...set }))) throw new AppError(409, 'PERFORMANCE_ALREADY_ANSWERED')
    const data = { answer: request.answer, reason: request.answer, partialNote: answered.partial_note, handleDueAt: set.handle_due_at }
    await recordPerformanceStep(trx, { complaint, followUp, step: 'unperformed', actor: { id: user.id, role: 'consumer' }, note, data, now })
  })
  return viewFollowUp(ctx, user, complaint.id)
}

/** Within the rules' period after confirming, the consumer can say the business did not perform after all. */
export async function reopenFollowUp(ctx: AppContext, user: AuthUser, complaintId: string, request: PerformanceReopenRequest): Promise<PerformanceResponse> {
  const { complaint, followUp } = await openCase(ctx, user, complaintId)
  if (!followUp) throw new AppError(404, 'PERFORMANCE_NOT_FOUND')
  if (followUp.state !== 'performed' || !followUp.reopen_until) throw new AppError(409, 'PERFORMANCE_NOT_REOPENABLE')
  const now = ctx.now()
  if (now.getTime() > Date.parse(followUp.reopen_until)) {
    throw new AppError(409, 'PERFORMANCE_REOPEN_EXPIRED', `可以重新打开的期限是 ${chinaDate(new Date(followUp.reopen_until))} 前，已经过了。如商家仍未履行，可以重新投诉或向人民法院起诉`)
  }
  const rules = await rulesFor(ctx, ctx.db, complaint)
  const set = unperformedColumns(rules, 'reopened', now)
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await moveFollowUp(trx, complaint.id, 'performed', set))) throw new AppError(409, 'PERFORMANCE_NOT_REOPENABLE')
    await recordPerformanceStep(trx, { complaint, followUp, step: 'reopened', actor: { id: user.id, role: 'consumer' }, note: request.reason, data: { reason: 'reopened', handleDueAt: set.handle_due_at }, now })
  })
  return viewFollowUp(ctx, user, complaint.id)
}

/** The mediator ends a 未履行 case: a new due date (the consumer is asked again then) or closing it. */
export async function handleUnperformed(ctx: AppContext, user: AuthUser, complaintId: string, request: PerformanceHandleRequest): Promise<PerformanceResponse> {
  const { complaint, followUp } = await openCase(ctx, user, complaintId)
  assertHolds(await staffScope(ctx.db, user.id), complaint)
  if (!followUp) throw new AppError(404, 'PERFORMANCE_NOT_FOUND')
  if (followUp.state !== 'unperformed') throw new AppError(409, 'PERFORMANCE_NOT_UNPERFORMED')
  const now = ctx.now()
  const at = now.toISOString()
  const note = request.note.trim()
  if (!note) throw new AppError(400, 'VALIDATION_FAILED', '请写下处理情况')
  await ctx.db.transaction().execute(async (trx) => {
    const actor = { id: user.id, role: 'staff' as const }
    if (request.outcome === 'retry') {
      const dueDate = request.dueDate
      if (!dueDate || Number.isNaN(Date.parse(`${dueDate}T00:00:00Z`)) || dueDate <= chinaDate(now)) throw new AppError(422, 'PERFORMANCE_DATE_INVALID')
      const set = { state: 'scheduled' as const, due_date: dueDate, ask_at: askTime(dueDate).toISOString(), asked_at: null, answer_due_at: null, answer: null, answered_at: null, updated_at: at }
      if (!(await moveFollowUp(trx, complaint.id, 'unperformed', set))) throw new AppError(409, 'PERFORMANCE_NOT_UNPERFORMED')
      await recordPerformanceStep(trx, { complaint, followUp, step: 'retry', actor, note, data: { dueDate }, now })
      return
    }
    if (!(await moveFollowUp(trx, complaint.id, 'unperformed', { state: 'closed_unperformed', updated_at: at }))) throw new AppError(409, 'PERFORMANCE_NOT_UNPERFORMED')
    await recordPerformanceStep(trx, { complaint, followUp, step: 'closed', actor, note, data: {}, now })
  })
  return viewFollowUp(ctx, user, complaint.id)
}

export async function viewFollowUp(ctx: AppContext, user: AuthUser, complaintId: string): Promise<PerformanceResponse> {
  const { complaint, followUp } = await openCase(ctx, user, complaintId)
  if (!followUp) return { followUp: null }
  const rules = await performanceRulesOf(ctx, ctx.db, complaint)
  return { followUp: followUpView(followUp, rules, user, ctx.now()) }
}

function followUpView(row: FollowUpRow, rules: PerformanceRule | null, user: AuthUser, now: Date): PerformanceFollowUp {
  const consumer = user.id === row.consumer_id
  return {
    complaintId: row.complaint_id,
    source: row.source,
    dueDate: row.due_date,
    state: row.state,
    askAt: row.ask_at,
    askedAt: row.asked_at,
    answerDueAt: row.answer_due_at,
    answer: row.answer,
    partialNote: row.partial_note,
    answeredAt: row.answered_at,
    unperformedReason: row.unperformed_reason,
    handleDueAt: row.handle_due_at,
    handleOverdue: row.handle_overdue_at !== null,
    reopenUntil: row.reopen_until,
    canAnswer: consumer && row.state === 'asked',
    canReopen: consumer && row.state === 'performed' && row.reopen_until !== null && now.getTime() <= Date.parse(row.reopen_until),
    basis: rules ? [rules.answer, rules.unperformed, rules.reopen].map((p) => ({ text: periodText(p), verified: p.verified, note: p.note })) : [],
  }
}

/** The 未履行 cases the caller's organization (or one below it) holds, nearest deadline first. */
export async function listUnperformed(ctx: AppContext, user: AuthUser): Promise<UnperformedList> {
  const held = complaintsHeldBy(await staffScope(ctx.db, user.id), 'other')
  let query = unperformedCasesQuery(ctx.db, UNPERFORMED_LIST_MAX)
  if (held) query = query.where(held)
  const rows = await query.execute()
  return {
    items: rows.map((row) => ({
      complaintId: row.complaint_id,
      number: row.number,
      businessName: row.business_name,
      reason: row.unperformed_reason ?? 'no_answer',
      partialNote: row.partial_note,
      unperformedAt: row.unperformed_at ?? row.handle_due_at!,
      handleDueAt: row.handle_due_at!,
      overdue: row.handle_overdue_at !== null,
    })),
  }
}
