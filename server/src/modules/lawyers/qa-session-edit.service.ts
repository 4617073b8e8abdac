import type { QaSession, UpdateSessionRequest } from '../../../../src/contract/lawyer-qa'
import type { Db } from '../../db/database'
import { AppError } from '../../errors'
import { staffScope } from '../organizations/organization-scope'
import { findSession } from './lawyers.repository'
import { toSessionDtos } from './qa-dto'
import { requireLawyersAvailable } from './qa-sessions.service'

/**
 * Staff of the session's organization (or one above it) change its theme, time and lawyers on duty
 * until it ends. The edit names the version it started from and the update is conditional on it
 * (compare-and-swap): of two edits at once, the second changes nothing and gets 409. The number stays.
 */
export async function updateSession(db: Db, staffId: string, id: string, request: UpdateSessionRequest, now: Date): Promise<QaSession> {
  const scope = await staffScope(db, staffId)
  const session = await findSession(db, id)
  if (!session || !session.organization_path.startsWith(scope.organization.path)) throw new AppError(404, 'QA_SESSION_NOT_FOUND')
  const at = now.toISOString()
  if (at >= session.ends_at) throw new AppError(409, 'QA_SESSION_ENDED')
  const startsAt = new Date(request.startsAt)
  const endsAt = new Date(request.endsAt)
  if (!(endsAt.getTime() > startsAt.getTime())) throw new AppError(422, 'QA_SESSION_TIME_INVALID')
  await requireLawyersAvailable(db, session.organization_path, request.lawyerIds)
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('qa_sessions')
      .set((eb) => ({ theme: request.theme.trim(), starts_at: startsAt.toISOString(), ends_at: endsAt.toISOString(), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('version', '=', request.version)
      .where('ends_at', '>', at)
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) {
      const current = await trx.selectFrom('qa_sessions').select('ends_at').where('id', '=', id).executeTakeFirstOrThrow()
      throw new AppError(409, at >= current.ends_at ? 'QA_SESSION_ENDED' : 'QA_SESSION_EDIT_CONFLICT')
    }
    // The duty list is replaced under the session's row lock taken by the update above.
    await trx.deleteFrom('qa_session_lawyers').where('session_id', '=', id).execute()
    await trx.insertInto('qa_session_lawyers').values(request.lawyerIds.map((lawyer_id) => ({ session_id: id, lawyer_id }))).execute()
  })
  return (await toSessionDtos(db, [(await findSession(db, id))!], now))[0]!
}
