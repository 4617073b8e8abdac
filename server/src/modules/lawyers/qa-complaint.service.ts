import { randomUUID } from 'node:crypto'
import type { AnswerAction, AnswerActionRequest, ComplaintPrefill, QuestionFollowUp } from '../../../../src/contract/lawyer-qa'
import { COMPLAINT_STATUS_LABELS, type ComplaintStatus } from '../../../../src/contract/complaint-status'
import { maskDigitRuns, sessionTitle } from '../../../../src/contract/lawyer-qa-rules'
import type { AppContext } from '../../context'
import type { Db } from '../../db/database'
import { AppError } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import type { EvidenceRow } from '../evidence/evidence.repository'
import { toEvidenceDto } from '../evidence/evidence.service'
import { findQuestion, findSession, photosOfQuestions } from './lawyers.repository'
import { followUpsOfLawyerQuery, linkOfQuestion } from './qa-follow-up.repository'

/** The answer's 下一步 actions as stored (JSON); anything unreadable is left out. */
export function actionsOf(json: string | null): AnswerAction[] {
  try {
    const value: unknown = JSON.parse(json ?? '[]')
    if (!Array.isArray(value)) return []
    return value.flatMap((item: Record<string, unknown>): AnswerAction[] => {
      if (item?.kind === 'complaint') return [{ kind: 'complaint' }]
      if (item?.kind === 'warning' && typeof item.warningId === 'string') return [{ kind: 'warning', warningId: item.warningId, warningTitle: String(item.warningTitle ?? '') }]
      return []
    })
  } catch {
    return []
  }
}

/** The lawyer's chosen actions, checked: at most one of each kind, and only a warning the public can read now. */
export async function checkAnswerActions(db: Db, requested: readonly AnswerActionRequest[], now: Date): Promise<AnswerAction[]> {
  const kinds = new Set(requested.map((action) => action.kind))
  if (kinds.size !== requested.length) throw new AppError(400, 'VALIDATION_FAILED', '每种下一步只能选一个')
  return Promise.all(
    requested.map(async (action): Promise<AnswerAction> => {
      if (action.kind === 'complaint') return { kind: 'complaint' }
      const warning = await db
        .selectFrom('warnings')
        .select(['id', 'title'])
        .where('id', '=', action.warningId)
        .where('status', '=', 'published')
        .where('published_at', '<=', now.toISOString())
        .executeTakeFirst()
      if (!warning) throw new AppError(422, 'QA_WARNING_NOT_FOUND')
      return { kind: 'warning', warningId: warning.id, warningTitle: warning.title }
    }),
  )
}

type FollowUpRow = { complaint_id?: string; number?: string; status: ComplaintStatus; created_at: string; updated_at: string; closed_at: string | null }

/** The asker gets the complaint's number and id; the lawyer and staff only its status and dates. */
export function toFollowUp(row: FollowUpRow, forAsker: boolean): QuestionFollowUp {
  return {
    status: row.status,
    statusLabel: COMPLAINT_STATUS_LABELS[row.status] ?? row.status,
    filedAt: row.created_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
    complaintId: forAsker ? (row.complaint_id ?? null) : null,
    complaintNumber: forAsker ? (row.number ?? null) : null,
  }
}

/** The asker's own answered question whose answer suggests a complaint and has none yet; 404 for anyone else. */
async function questionToFileFrom(ctx: AppContext, asker: AuthUser, questionId: string) {
  const row = await findQuestion(ctx.db, questionId)
  if (!row || row.asker_id !== asker.id) throw new AppError(404, 'QA_QUESTION_NOT_FOUND')
  if (row.status !== 'answered' || !row.answered_by || !actionsOf(row.answer_actions).some((action) => action.kind === 'complaint')) {
    throw new AppError(409, 'QA_COMPLAINT_NOT_SUGGESTED')
  }
  if (await linkOfQuestion(ctx.db, questionId)) throw new AppError(409, 'QA_COMPLAINT_EXISTS')
  return { ...row, answered_by: row.answered_by }
}

/**
 * 一键投诉: the business, the facts and fresh copies of the question's photos for a new complaint.
 * The copies are new evidence rows over the same stored files (named by content hash): nothing is
 * uploaded again, the question keeps its own photos, and unused copies expire like any upload.
 */
export async function prefillComplaint(ctx: AppContext, asker: AuthUser, questionId: string): Promise<ComplaintPrefill> {
  const row = await questionToFileFrom(ctx, asker, questionId)
  const session = await findSession(ctx.db, row.session_id)
  const photos = (await photosOfQuestions(ctx.db, [row.id])).sort((a, b) => Number(a.photo_position) - Number(b.photo_position))
  const at = ctx.now().toISOString()
  const copies: EvidenceRow[] = photos.map(({ question_id: _q, photo_position: _p, ...photo }) => ({
    ...photo,
    id: randomUUID(),
    owner_id: asker.id,
    complaint_id: null,
    event_id: null,
    attached_at: null,
    position: null,
    created_at: at,
  }))
  if (copies.length > 0) await ctx.db.insertInto('evidence').values(copies).execute()
  return {
    questionId: row.id,
    sessionTitle: session ? sessionTitle(Number(session.number)) : '',
    businessName: row.business_name,
    facts: row.text,
    photos: await Promise.all(copies.map((copy) => toEvidenceDto(ctx, copy))),
  }
}

/** Before filing with a source question: the same checks as 一键投诉; returns the answering lawyer. */
export async function checkComplaintSource(ctx: AppContext, consumer: AuthUser, questionId: string): Promise<{ lawyerId: string }> {
  const row = await questionToFileFrom(ctx, consumer, questionId)
  return { lawyerId: row.answered_by }
}

/** Inside the filing's transaction: a second complaint for the question fails on the primary key. */
export async function linkComplaintToQuestion(trx: Db, args: { questionId: string; complaintId: string; now: string }): Promise<void> {
  const question = await trx.selectFrom('qa_questions').select('answered_by').where('id', '=', args.questionId).executeTakeFirst()
  if (!question?.answered_by) throw new AppError(409, 'QA_COMPLAINT_NOT_SUGGESTED')
  await trx.insertInto('qa_complaint_links').values({ question_id: args.questionId, complaint_id: args.complaintId, lawyer_id: question.answered_by, created_at: args.now }).execute()
}

/** The lawyer's 跟进问题的解决 list: status and dates only; the question they answered, numbers masked. */
export async function followUpsOfLawyer(db: Db, lawyerId: string) {
  const rows = await followUpsOfLawyerQuery(db, lawyerId).execute()
  return rows.map((row) => ({
    questionId: row.question_id,
    sessionTitle: sessionTitle(Number(row.session_number)),
    question: maskDigitRuns(row.text),
    followUp: toFollowUp(row, false),
  }))
}
