import { randomUUID } from 'node:crypto'
import {
  PRESENCE_WINDOW_SECONDS,
  QUICK_REPLIES,
  ROOM_PAGE_MAX,
  ROOM_PARTY_LABELS,
  ROOM_THREAD_LABELS,
  type PostRoomMessageRequest,
  type RoomMessage,
  type RoomMessagePage,
  type RoomMessagesQuery,
  type RoomParty,
  type RoomState,
  type RoomThread,
} from '../../../../src/contract/mediation'
import type { AppContext } from '../../context'
import type { Db } from '../../db/database'
import { AppError } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import type { ComplaintRow } from '../complaints/complaints.repository'
import { toEvidenceDto } from '../evidence/evidence.service'
import { announceRoomChange } from '../notifications/inbox-signal'
import { notify } from '../notifications/notify'
import { openRoom, readersOf, requireThread, requireWrite, roomAudience, type RoomAccess } from './mediation-access'
import { absenceGroundsOf, sessionDto } from './mediation-sessions.service'
import * as repo from './mediation.repository'

export const ROOM_LINK = '/packages/mediation/pages/room/index?id='
const PAGE_DEFAULT = 30

/** The room as the caller sees it: their threads, what is new in each, who is here, the next session. */
export async function roomState(ctx: AppContext, user: AuthUser, complaintId: string): Promise<RoomState> {
  const access = await openRoom(ctx, user, complaintId)
  const { complaint } = access
  const now = ctx.now()
  const [latest, marks, presence] = await Promise.all([repo.latestSeqs(ctx.db, complaint.id, access.threads), repo.readMarks(ctx.db, complaint.id), repo.presenceOf(ctx.db, complaint.id)])
  const unread: Record<string, number> = {}
  for (const thread of access.threads) {
    const mine = marks.find((mark) => mark.user_id === user.id && mark.thread === thread)?.last_read_seq ?? 0
    // A count of messages would need a scan; "how far behind" by seq is what the badge needs (0 or not).
    unread[thread] = (latest.get(thread) ?? 0) > mine ? 1 : 0
  }
  return {
    complaintId: complaint.id,
    number: complaint.number,
    businessName: complaint.business_name,
    me: access.party,
    canWrite: access.canWrite,
    hasBusiness: (await repo.liaisonsOf(ctx.db, complaint.enterprise_id)).length > 0,
    threads: access.threads,
    latest: Object.fromEntries(latest),
    unread,
    present: presentParties(presence, now),
    session: await sessionDto(ctx.db, complaint, now),
    quickReplies: [...QUICK_REPLIES[access.party]],
    absenceGrounds: access.party === 'mediator' ? await absenceGroundsOf(ctx, complaint) : [],
  }
}

function presentParties(rows: Array<{ party: RoomParty; last_seen_at: string }>, now: Date): RoomParty[] {
  const since = new Date(now.getTime() - PRESENCE_WINDOW_SECONDS * 1000).toISOString()
  const here = new Set(rows.filter((row) => row.last_seen_at >= since).map((row) => row.party))
  return (['mediator', 'consumer', 'enterprise'] as const).filter((party) => here.has(party))
}

/** The room page says "I am here" every ~20 s; the others' rooms update to show it. */
export async function heartbeat(ctx: AppContext, user: AuthUser, complaintId: string): Promise<RoomState> {
  const access = await openRoom(ctx, user, complaintId)
  const before = await repo.presenceOf(ctx.db, access.complaint.id)
  const now = ctx.now()
  const wasHere = presentParties(before, now).includes(access.party)
  await ctx.db.transaction().execute(async (trx) => {
    await repo.touchPresence(trx, { complaint_id: access.complaint.id, user_id: user.id, party: access.party, last_seen_at: now.toISOString() })
    // Only arriving changes what the others see; each heartbeat after that is silent.
    if (!wasHere) await announceRoomChange(trx, access.complaint.id, readersOf(await roomAudience(trx, access.complaint), 'shared').filter((id) => id !== user.id))
  })
  return roomState(ctx, user, complaintId)
}

export async function listMessages(ctx: AppContext, user: AuthUser, complaintId: string, thread: RoomThread, query: RoomMessagesQuery): Promise<RoomMessagePage> {
  const access = await openRoom(ctx, user, complaintId)
  requireThread(access, thread)
  const limit = Math.min(query.limit ?? PAGE_DEFAULT, ROOM_PAGE_MAX)
  const page = {
    limit: limit + 1,
    ...(query.after !== undefined ? { after: Number(query.after) } : {}),
    ...(query.before !== undefined ? { before: Number(query.before) } : {}),
  }
  let rows = await repo.listThread(ctx.db, access.complaint.id, thread, page)
  let older: string | null = null
  if (query.after !== undefined) rows = rows.slice(0, limit)
  else if (rows.length > limit) {
    rows = rows.slice(1)
    older = String(rows[0]!.seq)
  }
  const marks = await repo.readMarks(ctx.db, access.complaint.id)
  const upTo = (party: RoomParty) => Math.max(0, ...marks.filter((mark) => mark.thread === thread && mark.party === party).map((mark) => mark.last_read_seq))
  return {
    items: await toMessages(ctx, rows, user),
    olderCursor: older,
    readUpTo: { consumer: upTo('consumer'), enterprise: upTo('enterprise'), mediator: upTo('mediator') },
  }
}

async function toMessages(ctx: AppContext, rows: repo.RoomMessageRow[], viewer: AuthUser): Promise<RoomMessage[]> {
  const photos = await repo.photosOfMessages(ctx.db, rows.map((row) => row.id))
  const dtos = await Promise.all(photos.map(async (photo) => ({ messageId: photo.message_id, dto: await toEvidenceDto(ctx, photo) })))
  return rows.map((row) => ({
    id: row.id,
    seq: Number(row.seq),
    thread: row.thread,
    party: row.party,
    mine: row.author_id === viewer.id,
    // Parties see the mediator and each other by role; staff see names too.
    authorName: viewer.role === 'staff' ? row.author_name : null,
    text: row.text,
    photos: dtos.filter((photo) => photo.messageId === row.id).map((photo) => photo.dto),
    createdAt: row.created_at,
  }))
}

/**
 * Appends a message (append-only: there is no edit or delete). In one transaction: the seq, the
 * message, its photos, a live signal to the thread's readers, and an inbox notice to those not in
 * the room now. Returns the message as the author sees it.
 */
export async function postMessage(ctx: AppContext, user: AuthUser, complaintId: string, thread: RoomThread, request: PostRoomMessageRequest): Promise<RoomMessage> {
  const access = await openRoom(ctx, user, complaintId)
  requireThread(access, thread)
  requireWrite(access)
  const text = request.text.trim()
  const evidenceIds = request.evidenceIds ?? []
  if (text === '' && evidenceIds.length === 0) throw new AppError(400, 'ROOM_MESSAGE_EMPTY')
  const id = randomUUID()
  await ctx.db.transaction().execute(async (trx) => {
    await appendMessage(trx, ctx.now(), access, { id, thread, authorId: user.id, text: text === '' ? null : text, evidenceIds })
  })
  return (await toMessages(ctx, [(await repo.findMessage(ctx.db, id))!], user))[0]!
}

/** Writes one message and tells its readers; used for what people say and for the room's own notices (sessions, absences). */
export async function appendMessage(
  trx: Db,
  now: Date,
  access: Pick<RoomAccess, 'complaint' | 'party'>,
  message: { id: string; thread: RoomThread; authorId: string; text: string | null; evidenceIds?: readonly string[] },
): Promise<void> {
  const { complaint } = access
  const at = now.toISOString()
  await repo.ensureRoom(trx, complaint.id, at)
  const seq = await repo.nextSeq(trx, complaint.id)
  await repo.insertMessage(trx, { id: message.id, complaint_id: complaint.id, seq, thread: message.thread, party: access.party, author_id: message.authorId, text: message.text, created_at: at })
  if (!(await repo.claimRoomPhotos(trx, { ids: message.evidenceIds ?? [], ownerId: message.authorId, messageId: message.id, now: at }))) {
    throw new AppError(422, 'EVIDENCE_INVALID')
  }
  await repo.markRead(trx, { complaint_id: complaint.id, user_id: message.authorId, thread: message.thread, party: access.party, last_read_seq: seq, updated_at: at })
  const readers = readersOf(await roomAudience(trx, complaint), message.thread).filter((userId) => userId !== message.authorId)
  await announceRoomChange(trx, complaint.id, readers)
  await notifyAway(trx, now, complaint, readers, { id: message.id, thread: message.thread, party: access.party, text: message.text })
}

/** An inbox notice (and the channels they chose) for each reader not in the room right now. */
async function notifyAway(trx: Db, now: Date, complaint: ComplaintRow, readers: string[], message: { id: string; thread: RoomThread; party: RoomParty; text: string | null }) {
  const since = new Date(now.getTime() - PRESENCE_WINDOW_SECONDS * 1000).toISOString()
  const here = new Set((await repo.presenceOf(trx, complaint.id)).filter((row) => row.last_seen_at >= since).map((row) => row.user_id))
  const preview = message.text ? (message.text.length > 40 ? `${message.text.slice(0, 40)}…` : message.text) : '发来了照片'
  for (const userId of readers) {
    if (here.has(userId)) continue
    await notify(trx, {
      recipientId: userId,
      type: 'mediation_message',
      title: `调解室：${ROOM_PARTY_LABELS[message.party]}发来消息`,
      body: `${complaint.business_name}（${ROOM_THREAD_LABELS[message.thread]}）：${preview}`,
      link: ROOM_LINK + complaint.id,
      complaintId: complaint.id,
      sourceKey: `room:${message.id}:${userId}`,
      now,
    })
  }
}

export async function markThreadRead(ctx: AppContext, user: AuthUser, complaintId: string, thread: RoomThread, seq: number): Promise<RoomState> {
  const access = await openRoom(ctx, user, complaintId)
  requireThread(access, thread)
  const latest = (await repo.latestSeqs(ctx.db, access.complaint.id, [thread])).get(thread) ?? 0
  if (seq > latest) throw new AppError(400, 'VALIDATION_FAILED', '已读位置超出了这段对话')
  await ctx.db.transaction().execute(async (trx) => {
    await repo.markRead(trx, { complaint_id: access.complaint.id, user_id: user.id, thread, party: access.party, last_read_seq: seq, updated_at: ctx.now().toISOString() })
    // The authors' 已读 marks change: tell the thread's readers.
    await announceRoomChange(trx, access.complaint.id, readersOf(await roomAudience(trx, access.complaint), thread).filter((id) => id !== user.id))
  })
  return roomState(ctx, user, complaintId)
}
