import { randomUUID } from 'node:crypto'
import type { CreateSessionRequest, PublicSession, QaSession, QaSessionList } from '../../../../src/contract/lawyer-qa'
import type { AppContext } from '../../context'
import { isUniqueViolation, type Db } from '../../db/database'
import { AppError } from '../../errors'
import { staffScope } from '../organizations/organization-scope'
import { findSession, publishedOfSessionQuery, sessionsOfOrganizationQuery, sessionsPageQuery } from './lawyers.repository'
import { toPublicAnswers, toSessionDtos, type SessionRow } from './qa-dto'
import type { ViewCounter } from '../../db/view-counter'

/**
 * Staff schedule a session (期) of their organization. Lawyers on duty come from the team of the
 * organization or of one above it (a province's team can serve a county's session) and must be active.
 */
export async function createSession(db: Db, staffId: string, request: CreateSessionRequest, now: Date): Promise<QaSession> {
  const scope = await staffScope(db, staffId)
  const startsAt = new Date(request.startsAt)
  const endsAt = new Date(request.endsAt)
  if (!(endsAt.getTime() > startsAt.getTime())) throw new AppError(422, 'QA_SESSION_TIME_INVALID')
  await requireLawyersAvailable(db, scope.organization.path, request.lawyerIds)
  const row: SessionRow = {
    id: randomUUID(),
    organization_id: scope.organization.id,
    organization_path: scope.organization.path,
    number: request.number,
    theme: request.theme.trim(),
    starts_at: startsAt.toISOString(),
    ends_at: endsAt.toISOString(),
    created_by: staffId,
    question_count: 0,
    answer_count: 0,
    published_count: 0,
    view_count: 0,
    created_at: now.toISOString(),
    version: 0,
  }
  try {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('qa_sessions').values(row).execute()
      await trx.insertInto('qa_session_lawyers').values(request.lawyerIds.map((lawyer_id) => ({ session_id: row.id, lawyer_id }))).execute()
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'QA_SESSION_NUMBER_TAKEN')
    throw error
  }
  return (await toSessionDtos(db, [row], now))[0]!
}

/** Every lawyer is active on the team of the session's organization (at `path`) or of one above it; else 422. */
export async function requireLawyersAvailable(db: Db, path: string, lawyerIds: readonly string[]): Promise<void> {
  const lawyers = await db
    .selectFrom('lawyer_memberships as l')
    .innerJoin('organizations as o', 'o.id', 'l.organization_id')
    .select(['l.user_id', 'l.status', 'o.path'])
    .where('l.user_id', 'in', [...lawyerIds])
    .execute()
  const available = lawyers.filter((l) => l.status === 'active' && path.startsWith(l.path))
  if (available.length !== lawyerIds.length) throw new AppError(422, 'LAWYER_NOT_AVAILABLE')
}

export async function sessionsOfMyOrganization(db: Db, staffId: string, now: Date): Promise<QaSessionList> {
  const scope = await staffScope(db, staffId)
  return { items: await toSessionDtos(db, await sessionsOfOrganizationQuery(db, scope.organization.id).execute(), now) }
}

/** The public archive: the newest 50 sessions with their counts. */
export async function publicSessions(db: Db, now: Date): Promise<QaSessionList> {
  return { items: await toSessionDtos(db, await sessionsPageQuery(db, 50).execute(), now) }
}

/**
 * One session with its published answers. Each opening counts as a view, kept in memory and written
 * in batches (qa-views.ts) like warnings' views: no write per page open. The reader sees their own view.
 */
export async function publicSession(ctx: AppContext, views: ViewCounter, id: string): Promise<PublicSession> {
  const found = await findSession(ctx.db, id)
  if (!found) throw new AppError(404, 'QA_SESSION_NOT_FOUND')
  views.record(id)
  const session = { ...found, view_count: Number(found.view_count) + views.unsaved(id) }
  const answers = await toPublicAnswers(ctx.db, await publishedOfSessionQuery(ctx.db, id).execute(), [session])
  return { session: (await toSessionDtos(ctx.db, [session], ctx.now()))[0]!, answers }
}
