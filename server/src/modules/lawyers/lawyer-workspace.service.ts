import type { LawyerWorkspace } from '../../../../src/contract/lawyer-qa'
import type { AppContext } from '../../context'
import type { AuthUser } from '../auth/auth.service'
import { sessionQuestionsQuery, sessionsOfLawyerQuery } from './lawyers.repository'
import { requireActiveLawyer, toLawyerDto } from './lawyer-team.service'
import { toQuestionDtos, toSessionDtos } from './qa-dto'
import { followUpsOfLawyer } from './qa-complaint.service'

/**
 * The lawyer's workspace: their sessions (newest 50) and the questions waiting in them, oldest
 * first, and how the complaints filed from their answers are going (跟进问题的解决: status and dates
 * only). Questions of other sessions never appear; a suspended lawyer is refused (403).
 */
export async function lawyerWorkspace(ctx: AppContext, user: AuthUser): Promise<LawyerWorkspace> {
  const lawyer = await requireActiveLawyer(ctx.db, user.id)
  const sessions = await sessionsOfLawyerQuery(ctx.db, user.id).execute()
  const waiting = (await Promise.all(sessions.map((session) => sessionQuestionsQuery(ctx.db, session.id, 'waiting').execute()))).flat()
  waiting.sort((a, b) => a.created_at.localeCompare(b.created_at))
  return {
    lawyer: toLawyerDto(lawyer),
    sessions: await toSessionDtos(ctx.db, sessions, ctx.now()),
    waiting: await toQuestionDtos(ctx, waiting.slice(0, 200), sessions, user),
    followUps: await followUpsOfLawyer(ctx.db, user.id),
  }
}
