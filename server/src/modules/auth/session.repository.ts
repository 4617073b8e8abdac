import type { Db } from '../../db/database'
import { announceSessionsEnded } from '../notifications/inbox-signal'

export function insertSession(
  db: Db,
  session: { id: string; userId: string; refreshTokenHash: string; createdAt: string; expiresAt: string },
) {
  return db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      refresh_token_hash: session.refreshTokenHash,
      previous_token_hash: null,
      created_at: session.createdAt,
      refreshed_at: session.createdAt,
      expires_at: session.expiresAt,
      revoked_at: null,
    })
    .execute()
}

export function findSessionByTokenHash(db: Db, hash: string) {
  return db.selectFrom('sessions').selectAll().where('refresh_token_hash', '=', hash).executeTakeFirst()
}

export function findSessionByPreviousTokenHash(db: Db, hash: string) {
  return db.selectFrom('sessions').selectAll().where('previous_token_hash', '=', hash).executeTakeFirst()
}

/** Compare-and-swap rotation: false when a concurrent refresh already rotated this token. */
export async function rotateSessionToken(db: Db, id: string, oldHash: string, newHash: string, nowIso: string, expiresAt: string) {
  const result = await db
    .updateTable('sessions')
    .set({ refresh_token_hash: newHash, previous_token_hash: oldHash, refreshed_at: nowIso, expires_at: expiresAt })
    .where('id', '=', id)
    .where('refresh_token_hash', '=', oldHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Ends the session; its open live streams close too (on every instance). */
export async function revokeSession(db: Db, id: string, nowIso: string) {
  await db.updateTable('sessions').set({ revoked_at: nowIso }).where('id', '=', id).where('revoked_at', 'is', null).execute()
  await announceSessionsEnded(db, [id])
}

/** The live session with its user, for authenticating a request. */
export function findActiveSessionUser(db: Db, sessionId: string, nowIso: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id as userId', 'users.role', 'users.enterprise_id as enterpriseId', 'users.disabled', 'sessions.id as sessionId'])
    .where('sessions.id', '=', sessionId)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', nowIso)
    .executeTakeFirst()
}
