import type { Insertable, Selectable } from 'kysely'
import type { RoomParty, RoomThread } from '../../../../src/contract/mediation'
import type { Db } from '../../db/database'
import type { MediationMessageTable, MediationSessionTable } from '../../db/schema-mediation'

export type RoomMessageRow = Selectable<MediationMessageTable> & { author_name: string | null }
export type SessionRow = Selectable<MediationSessionTable>

/** The room's row, made on first use (two first uses at once make one). */
export async function ensureRoom(trx: Db, complaintId: string, now: string): Promise<void> {
  await trx.insertInto('mediation_rooms').values({ complaint_id: complaintId, last_seq: 0, created_at: now }).onConflict((oc) => oc.column('complaint_id').doNothing()).execute()
}

/** The next message seq of the room: one conditional increment, so two posts at once never share one. */
export async function nextSeq(trx: Db, complaintId: string): Promise<number> {
  const row = await trx
    .updateTable('mediation_rooms')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
    .where('complaint_id', '=', complaintId)
    .returning('last_seq')
    .executeTakeFirstOrThrow()
  return Number(row.last_seq)
}

export function insertMessage(trx: Db, row: Insertable<MediationMessageTable>) {
  return trx.insertInto('mediation_messages').values(row).execute()
}

/**
 * Marks the author's fresh uploads as used by a room message. They stay off the complaint's own
 * photo list (complaint_id null): who may see them follows the thread. False when any id is
 * unknown, someone else's or already used.
 */
export async function claimRoomPhotos(trx: Db, args: { ids: readonly string[]; ownerId: string; messageId: string; now: string }): Promise<boolean> {
  if (args.ids.length === 0) return true
  const result = await trx
    .updateTable('evidence')
    .set({ attached_at: args.now })
    .where('id', 'in', [...args.ids])
    .where('owner_id', '=', args.ownerId)
    .where('complaint_id', 'is', null)
    .where('attached_at', 'is', null)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== args.ids.length) return false
  for (const [position, id] of args.ids.entries()) {
    await trx.updateTable('evidence').set({ position }).where('id', '=', id).execute()
  }
  await trx.insertInto('mediation_message_photos').values(args.ids.map((id) => ({ evidence_id: id, message_id: args.messageId }))).execute()
  return true
}

/** One page of a thread by seq (mediation_messages_thread): the newest `limit` before `before` (descending), or the oldest after `after`. */
export function threadPageQuery(db: Db, complaintId: string, thread: RoomThread, page: { before?: number; after?: number; limit: number }) {
  let query = db
    .selectFrom('mediation_messages')
    .leftJoin('users', 'users.id', 'mediation_messages.author_id')
    .selectAll('mediation_messages')
    .select('users.display_name as author_name')
    .where('mediation_messages.complaint_id', '=', complaintId)
    .where('mediation_messages.thread', '=', thread)
  if (page.after !== undefined) return query.where('mediation_messages.seq', '>', page.after).orderBy('mediation_messages.seq', 'asc').limit(page.limit)
  if (page.before !== undefined) query = query.where('mediation_messages.seq', '<', page.before)
  return query.orderBy('mediation_messages.seq', 'desc').limit(page.limit)
}

/** The page oldest first. */
export async function listThread(db: Db, complaintId: string, thread: RoomThread, page: { before?: number; after?: number; limit: number }): Promise<RoomMessageRow[]> {
  const rows = await threadPageQuery(db, complaintId, thread, page).execute()
  return page.after !== undefined ? rows : rows.reverse()
}

export function findMessage(db: Db, id: string): Promise<RoomMessageRow | undefined> {
  return db
    .selectFrom('mediation_messages')
    .leftJoin('users', 'users.id', 'mediation_messages.author_id')
    .selectAll('mediation_messages')
    .select('users.display_name as author_name')
    .where('mediation_messages.id', '=', id)
    .executeTakeFirst()
}

export function photosOfMessages(db: Db, messageIds: readonly string[]) {
  if (messageIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('mediation_message_photos')
    .innerJoin('evidence', 'evidence.id', 'mediation_message_photos.evidence_id')
    .selectAll('evidence')
    .select('mediation_message_photos.message_id')
    .where('mediation_message_photos.message_id', 'in', [...messageIds])
    .orderBy('evidence.position')
    .execute()
}

/** The room message a photo was sent in (its case and thread), if it was sent in a room. */
export function roomOfPhoto(db: Db, evidenceId: string) {
  return db
    .selectFrom('mediation_message_photos')
    .innerJoin('mediation_messages', 'mediation_messages.id', 'mediation_message_photos.message_id')
    .select(['mediation_messages.complaint_id', 'mediation_messages.thread'])
    .where('mediation_message_photos.evidence_id', '=', evidenceId)
    .executeTakeFirst()
}

/** The newest seq of each of these threads (a max per thread, read off the thread index). */
export async function latestSeqs(db: Db, complaintId: string, threads: readonly RoomThread[]): Promise<Map<RoomThread, number>> {
  const out = new Map<RoomThread, number>()
  for (const thread of threads) {
    const row = await latestSeqQuery(db, complaintId, thread).executeTakeFirst()
    out.set(thread, row ? Number(row.seq) : 0)
  }
  return out
}

export function latestSeqQuery(db: Db, complaintId: string, thread: RoomThread) {
  return db.selectFrom('mediation_messages').select('seq').where('complaint_id', '=', complaintId).where('thread', '=', thread).orderBy('seq', 'desc').limit(1)
}

/** How far each side has read in the room's threads (the furthest of a side's people). */
export async function readMarks(db: Db, complaintId: string) {
  const rows = await db
    .selectFrom('mediation_reads')
    .select(['thread', 'party', 'user_id', 'last_read_seq'])
    .where('complaint_id', '=', complaintId)
    .execute()
  return rows.map((row) => ({ ...row, last_read_seq: Number(row.last_read_seq) }))
}

/** Moves the reader's mark forward only (an older tab reporting late never moves it back). */
export async function markRead(db: Db, row: { complaint_id: string; user_id: string; thread: RoomThread; party: RoomParty; last_read_seq: number; updated_at: string }) {
  await db
    .insertInto('mediation_reads')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['complaint_id', 'thread', 'user_id'])
        .doUpdateSet((eb) => ({ last_read_seq: eb.ref('excluded.last_read_seq'), updated_at: eb.ref('excluded.updated_at') }))
        .where('mediation_reads.last_read_seq', '<', (eb) => eb.ref('excluded.last_read_seq')),
    )
    .execute()
}

export async function touchPresence(db: Db, row: { complaint_id: string; user_id: string; party: RoomParty; last_seen_at: string }) {
  await db
    .insertInto('mediation_presence')
    .values(row)
    .onConflict((oc) => oc.columns(['complaint_id', 'user_id']).doUpdateSet((eb) => ({ last_seen_at: eb.ref('excluded.last_seen_at'), party: eb.ref('excluded.party') })))
    .execute()
}

/** Everyone who ever opened the room, with when they were last seen (a handful of rows per case). */
export function presenceOf(db: Db, complaintId: string) {
  return db.selectFrom('mediation_presence').select(['user_id', 'party', 'last_seen_at']).where('complaint_id', '=', complaintId).execute()
}

/** The session shown in the room: the one on now or the next one not cancelled. */
export function currentSession(db: Db, complaintId: string, onSince: string) {
  return currentSessionQuery(db, complaintId, onSince).executeTakeFirst()
}

export function currentSessionQuery(db: Db, complaintId: string, onSince: string) {
  return db
    .selectFrom('mediation_sessions')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .where('starts_at', '>=', onSince)
    .where('status', '<>', 'cancelled')
    .orderBy('starts_at')
    .limit(1)
}

export function findSession(db: Db, complaintId: string, id: string) {
  return db.selectFrom('mediation_sessions').selectAll().where('id', '=', id).where('complaint_id', '=', complaintId).executeTakeFirst()
}

/** Absences recorded per party in this case. */
export async function absenceCounts(db: Db, complaintId: string): Promise<{ consumer: number; enterprise: number }> {
  const rows = await db
    .selectFrom('mediation_absences')
    .select(['party', (eb) => eb.fn.countAll<number>().as('n')])
    .where('complaint_id', '=', complaintId)
    .groupBy('party')
    .execute()
  const count = (party: string) => Number(rows.find((row) => row.party === party)?.n ?? 0)
  return { consumer: count('consumer'), enterprise: count('enterprise') }
}

export function absencesOfSession(db: Db, sessionId: string) {
  return db.selectFrom('mediation_absences').select('party').where('session_id', '=', sessionId).execute()
}

/** The liaisons of the business (active enterprise accounts). */
export async function liaisonsOf(db: Db, enterpriseId: string | null): Promise<string[]> {
  if (!enterpriseId) return []
  const rows = await db.selectFrom('users').select('id').where('enterprise_id', '=', enterpriseId).where('role', '=', 'enterprise').where('disabled', '=', 0).execute()
  return rows.map((row) => row.id)
}
