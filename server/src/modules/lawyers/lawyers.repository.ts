import type { Selectable } from 'kysely'
import type { Db } from '../../db/database'
import type { LawyerMembershipTable } from '../../db/schema-lawyers'

export type LawyerRow = Selectable<LawyerMembershipTable> & { display_name: string; phone: string | null; organization_name: string }

/** The lawyer team membership of a user, with their name and organization (primary key). */
export function findLawyer(db: Db, userId: string): Promise<LawyerRow | undefined> {
  return lawyerColumns(db).where('l.user_id', '=', userId).executeTakeFirst()
}

function lawyerColumns(db: Db) {
  return db
    .selectFrom('lawyer_memberships as l')
    .innerJoin('users as u', 'u.id', 'l.user_id')
    .innerJoin('organizations as o', 'o.id', 'l.organization_id')
    .selectAll('l')
    .select(['u.display_name', 'u.phone', 'o.name as organization_name'])
}

/** One organization's lawyer team, in the order they joined (lawyer_memberships_organization). */
export function lawyersOfOrganizationQuery(db: Db, organizationId: string) {
  return lawyerColumns(db).where('l.organization_id', '=', organizationId).orderBy('l.organization_id').orderBy('l.created_at').limit(500)
}

/** The names and firms of the lawyers on duty in these sessions. */
export function lawyersOnDuty(db: Db, sessionIds: readonly string[]) {
  if (sessionIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('qa_session_lawyers as s')
    .innerJoin('lawyer_memberships as l', 'l.user_id', 's.lawyer_id')
    .innerJoin('users as u', 'u.id', 'l.user_id')
    .select(['s.session_id', 'l.user_id', 'l.firm', 'u.display_name'])
    .where('s.session_id', 'in', [...sessionIds])
    .execute()
}

export function isOnDuty(db: Db, sessionId: string, lawyerId: string) {
  return db.selectFrom('qa_session_lawyers').select('lawyer_id').where('session_id', '=', sessionId).where('lawyer_id', '=', lawyerId).executeTakeFirst()
}

/** The sessions a lawyer is on duty in, newest first (qa_session_lawyers_lawyer, then each by key). */
export function sessionsOfLawyerQuery(db: Db, lawyerId: string) {
  return db
    .selectFrom('qa_session_lawyers as d')
    .innerJoin('qa_sessions as s', 's.id', 'd.session_id')
    .selectAll('s')
    .where('d.lawyer_id', '=', lawyerId)
    .orderBy('s.starts_at', 'desc')
    .limit(50)
}

/** The public archive: sessions newest first (qa_sessions_starts). */
export function sessionsPageQuery(db: Db, limit: number) {
  return db.selectFrom('qa_sessions').selectAll().orderBy('starts_at', 'desc').orderBy('id', 'desc').limit(limit)
}

/** An organization's own sessions, newest first (qa_sessions_organization). */
export function sessionsOfOrganizationQuery(db: Db, organizationId: string) {
  return db.selectFrom('qa_sessions').selectAll().where('organization_id', '=', organizationId).orderBy('organization_id').orderBy('starts_at', 'desc').limit(100)
}

export function findSession(db: Db, id: string) {
  return db.selectFrom('qa_sessions').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Questions of one session in one status, oldest first (qa_questions_session_status). */
export function sessionQuestionsQuery(db: Db, sessionId: string, status: 'waiting' | 'answered') {
  return db
    .selectFrom('qa_questions')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('status', '=', status)
    .orderBy('session_id')
    .orderBy('status')
    .orderBy('created_at')
    .limit(200)
}

/** A session's published questions, newest first (qa_questions_session_published). */
export function publishedOfSessionQuery(db: Db, sessionId: string) {
  return db
    .selectFrom('qa_questions')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('published_at', 'is not', null)
    .orderBy('session_id')
    .orderBy('published_at', 'desc')
    .limit(200)
}

/** The questions someone asked, newest first (qa_questions_asker). */
export function questionsOfAskerQuery(db: Db, askerId: string) {
  return db.selectFrom('qa_questions').selectAll().where('asker_id', '=', askerId).orderBy('asker_id').orderBy('created_at', 'desc').limit(100)
}

export function findQuestion(db: Db, id: string) {
  return db.selectFrom('qa_questions').selectAll().where('id', '=', id).executeTakeFirst()
}

export function photosOfQuestions(db: Db, questionIds: readonly string[]) {
  if (questionIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('qa_question_photos as p')
    .innerJoin('evidence as e', 'e.id', 'p.evidence_id')
    .selectAll('e')
    .select(['p.question_id', 'p.position as photo_position'])
    .where('p.question_id', 'in', [...questionIds])
    .execute()
}

export function usersNamed(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([])
  return db
    .selectFrom('users as u')
    .leftJoin('lawyer_memberships as l', 'l.user_id', 'u.id')
    .select(['u.id', 'u.display_name', 'l.firm'])
    .where('u.id', 'in', [...ids])
    .execute()
}
