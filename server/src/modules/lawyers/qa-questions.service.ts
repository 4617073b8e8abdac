import { randomUUID } from 'node:crypto'
import type { AnswerRequest, AskQuestionRequest, Question, QuestionList } from '../../../../src/contract/lawyer-qa'
import { sessionTitle } from '../../../../src/contract/lawyer-qa-rules'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { notify } from '../notifications/notify'
import { staffScope } from '../organizations/organization-scope'
import { findQuestion, findSession, isOnDuty, questionsOfAskerQuery, sessionQuestionsQuery } from './lawyers.repository'
import { toQuestionDtos, type QuestionRow } from './qa-dto'
import { requireActiveLawyer } from './lawyer-team.service'
import { checkAnswerActions } from './qa-complaint.service'

/**
 * Anyone signed in asks in a session that has not ended, with up to 3 of their own fresh photos
 * (uploaded through the evidence pipeline, not yet used anywhere). The question and the session's
 * counter are written together; a photo already used elsewhere refuses the whole question.
 */
export async function askQuestion(ctx: AppContext, asker: AuthUser, sessionId: string, request: AskQuestionRequest): Promise<Question> {
  const session = await findSession(ctx.db, sessionId)
  if (!session) throw new AppError(404, 'QA_SESSION_NOT_FOUND')
  const now = ctx.now()
  const at = now.toISOString()
  if (at >= session.ends_at) throw new AppError(409, 'QA_SESSION_CLOSED')
  const text = request.text.trim()
  if (text.length < 5) throw new AppError(400, 'VALIDATION_FAILED', '请把问题写清楚一些（至少 5 个字）')
  const row: QuestionRow = {
    id: randomUUID(),
    session_id: sessionId,
    asker_id: asker.id,
    text,
    allow_publish: request.allowPublish ? 1 : 0,
    status: 'waiting',
    answer_text: null,
    answer_citations: null,
    answer_next_steps: null,
    answered_by: null,
    answered_at: null,
    published_question: null,
    published_answer: null,
    published_at: null,
    created_at: at,
    updated_at: at,
    business_name: request.businessName?.trim() || null,
    answer_actions: null,
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('qa_questions').values(row).execute()
    if (request.photoIds.length > 0) {
      const taken = await trx
        .updateTable('evidence')
        .set({ attached_at: at })
        .where('id', 'in', request.photoIds)
        .where('owner_id', '=', asker.id)
        .where('complaint_id', 'is', null)
        .where('attached_at', 'is', null)
        .executeTakeFirst()
      if (Number(taken.numUpdatedRows) !== request.photoIds.length) throw new AppError(422, 'EVIDENCE_INVALID')
      await trx
        .insertInto('qa_question_photos')
        .values(request.photoIds.map((evidence_id, position) => ({ evidence_id, question_id: row.id, position })))
        .execute()
    }
    await trx.updateTable('qa_sessions').set((eb) => ({ question_count: eb('question_count', '+', 1) })).where('id', '=', sessionId).execute()
  })
  return (await toQuestionDtos(ctx, [row], [session], asker))[0]!
}

export async function myQuestions(ctx: AppContext, asker: AuthUser): Promise<QuestionList> {
  const rows = await questionsOfAskerQuery(ctx.db, asker.id).execute()
  const sessionIds = [...new Set(rows.map((row) => row.session_id))]
  const sessions = sessionIds.length === 0 ? [] : await ctx.db.selectFrom('qa_sessions').selectAll().where('id', 'in', sessionIds).execute()
  return { items: await toQuestionDtos(ctx, rows, sessions, asker) }
}

/**
 * A question is seen by its asker, the active lawyers on duty in its session, and staff of the
 * session's organization or one above it. Everyone else: 404, as if it did not exist.
 */
export async function viewQuestion(ctx: AppContext, viewer: AuthUser, id: string): Promise<Question> {
  const row = await findQuestion(ctx.db, id)
  const session = row && (await findSession(ctx.db, row.session_id))
  if (!row || !session || !(await maySee(ctx, viewer, row, session.organization_path))) throw new AppError(404, 'QA_QUESTION_NOT_FOUND')
  return (await toQuestionDtos(ctx, [row], [session], viewer))[0]!
}

async function maySee(ctx: AppContext, viewer: AuthUser, row: QuestionRow, sessionPath: string): Promise<boolean> {
  if (row.asker_id === viewer.id) return true
  if (viewer.role === 'staff') return sessionPath.startsWith((await staffScope(ctx.db, viewer.id)).organization.path)
  if (!(await isOnDuty(ctx.db, row.session_id, viewer.id))) return false
  await requireActiveLawyer(ctx.db, viewer.id)
  return true
}

/** Staff: every question of a session of their organization (or below), waiting ones first. */
export async function sessionQuestionsForStaff(ctx: AppContext, staffId: string, sessionId: string): Promise<QuestionList> {
  const session = await findSession(ctx.db, sessionId)
  const scope = await staffScope(ctx.db, staffId)
  if (!session || !session.organization_path.startsWith(scope.organization.path)) throw new AppError(404, 'QA_SESSION_NOT_FOUND')
  const [waiting, answered] = await Promise.all([sessionQuestionsQuery(ctx.db, sessionId, 'waiting').execute(), sessionQuestionsQuery(ctx.db, sessionId, 'answered').execute()])
  return { items: await toQuestionDtos(ctx, [...waiting, ...answered], [session], { id: staffId, role: 'staff' }) }
}

/**
 * The lawyer answers once (a conditional update: two lawyers answering at once, the second gets
 * 409); the answer, the session's counter and the asker's notification are one transaction.
 */
export async function answerQuestion(ctx: AppContext, lawyer: AuthUser, id: string, request: AnswerRequest): Promise<Question> {
  const lawyerId = lawyer.id
  await requireActiveLawyer(ctx.db, lawyerId)
  const row = await findQuestion(ctx.db, id)
  const session = row && (await findSession(ctx.db, row.session_id))
  if (!row || !session || !(await isOnDuty(ctx.db, row.session_id, lawyerId))) throw new AppError(404, 'QA_QUESTION_NOT_FOUND')
  const now = ctx.now()
  const at = now.toISOString()
  const actions = await checkAnswerActions(ctx.db, request.actions ?? [], now)
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('qa_questions')
      .set({
        status: 'answered',
        answer_text: request.text.trim(),
        answer_citations: JSON.stringify(request.citations),
        answer_next_steps: JSON.stringify(request.nextSteps.map((step) => step.trim()).filter(Boolean)),
        answer_actions: JSON.stringify(actions),
        answered_by: lawyerId,
        answered_at: at,
        updated_at: at,
      })
      .where('id', '=', id)
      .where('status', '=', 'waiting')
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError(409, 'QA_ALREADY_ANSWERED')
    await trx.updateTable('qa_sessions').set((eb) => ({ answer_count: eb('answer_count', '+', 1) })).where('id', '=', row.session_id).execute()
    // A question still waiting always has its asker (only published ones lose theirs).
    if (row.asker_id) await notify(trx, {
      recipientId: row.asker_id,
      type: 'qa_answered',
      title: '律师已解答您的问题',
      body: `您在律师答疑${sessionTitle(Number(session.number))}「${session.theme}」提的问题有了解答，点开查看。`,
      link: `/packages/lawyers/pages/mine/index?id=${id}`,
      sourceKey: `qa-answer:${id}`,
      now,
    })
  })
  return viewQuestion(ctx, lawyer, id)
}
