import type { Db } from '../../db/database'

/** The person's latest request (account_deletions_user). */
export function latestDeletionQuery(db: Db, userId: string) {
  return db.selectFrom('account_deletions').selectAll().where('user_id', '=', userId).orderBy('requested_at', 'desc').limit(1)
}

export function findLatestDeletion(db: Db, userId: string) {
  return latestDeletionQuery(db, userId).executeTakeFirst()
}

export function insertDeletion(db: Db, row: { id: string; userId: string; requestedAt: string; coolOffEndsAt: string; dueAt: string }) {
  return db
    .insertInto('account_deletions')
    .values({
      id: row.id,
      user_id: row.userId,
      status: 'pending',
      requested_at: row.requestedAt,
      cool_off_ends_at: row.coolOffEndsAt,
      due_at: row.dueAt,
      cancelled_at: null,
      cancelled_by: null,
      completed_at: null,
    })
    .execute()
}

/** Cancels the pending request, if any: conditional, so it loses cleanly to a completion that got there first. */
export function cancelPending(db: Db, userId: string, by: 'login' | 'button', at: string) {
  return db
    .updateTable('account_deletions')
    .set({ status: 'cancelled', cancelled_at: at, cancelled_by: by })
    .where('user_id', '=', userId)
    .where('status', '=', 'pending')
    .returning(['id'])
    .executeTakeFirst()
}

/** Pending requests whose cool-off has ended, oldest first (account_deletions_due). */
export function deletionsDueQuery(db: Db, at: string, limit: number) {
  return db
    .selectFrom('account_deletions')
    .select('id')
    .where('status', '=', 'pending')
    .where('cool_off_ends_at', '<=', at)
    .orderBy('cool_off_ends_at')
    .limit(limit)
}

export function deletionsDue(db: Db, at: string, limit: number) {
  return deletionsDueQuery(db, at, limit).execute()
}

/**
 * Claims one request for completion. Inside the completing transaction: the row stays locked (PostgreSQL)
 * or the database is held (SQLite) until commit, so of two workers only one sees it still pending.
 */
export function claimDeletion(db: Db, id: string, at: string) {
  return db
    .updateTable('account_deletions')
    .set({ status: 'completed', completed_at: at })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('cool_off_ends_at', '<=', at)
    .returning(['id', 'user_id'])
    .executeTakeFirst()
}

export async function countComplaintsOf(db: Db, consumerId: string) {
  const row = await db
    .selectFrom('complaints')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('total'),
      eb.fn.count<number | string>('closed_at').as('closed'),
    ])
    .where('consumer_id', '=', consumerId)
    .executeTakeFirstOrThrow()
  return { open: Number(row.total) - Number(row.closed), closed: Number(row.closed) }
}

export async function countFieldReportsOf(db: Db, volunteerId: string) {
  const row = await db.selectFrom('field_reports').select((eb) => eb.fn.countAll<number | string>().as('n')).where('volunteer_id', '=', volunteerId).executeTakeFirstOrThrow()
  return Number(row.n)
}
