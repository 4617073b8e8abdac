import { randomUUID } from 'node:crypto'
import {
  ABSENCES_FOR_GROUND,
  ROOM_PARTY_LABELS,
  SESSION_LIVE_MINUTES,
  sessionTimeLabel,
  type AbsenceGround,
  type AnswerSessionRequest,
  type PartyAnswer,
  type RecordAbsenceRequest,
  type RoomSession,
  type RoomState,
} from '../../../../src/contract/mediation'
import type { AppContext } from '../../context'
import { isUniqueViolation, type Db } from '../../db/database'
import { AppError } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import type { ComplaintRow } from '../complaints/complaints.repository'
import { notify } from '../notifications/notify'
import { rulesOfComplaint } from '../rules/rule-sets.service'
import { openRoom, requireWrite, type RoomAccess } from './mediation-access'
import { appendMessage, ROOM_LINK, roomState } from './mediation.service'
import * as repo from './mediation.repository'

/** A session can be proposed from this long ahead (time to read the notice) … */
const SESSION_MIN_AHEAD_MS = 30 * 60_000
const LIVE_MS = SESSION_LIVE_MINUTES * 60_000

export async function sessionDto(db: Db, complaint: ComplaintRow, now: Date): Promise<RoomSession | null> {
  const row = await repo.currentSession(db, complaint.id, new Date(now.getTime() - LIVE_MS).toISOString())
  if (!row) return null
  const absent = new Set((await repo.absencesOfSession(db, row.id)).map((absence) => absence.party))
  const answer = (value: PartyAnswer['answer'], suggestedAt: string | null, party: 'consumer' | 'enterprise'): PartyAnswer => ({ answer: value, suggestedAt, absent: absent.has(party) })
  const started = Date.parse(row.starts_at) <= now.getTime()
  return {
    id: row.id,
    startsAt: row.starts_at,
    status: row.status,
    consumer: answer(row.consumer_answer, row.consumer_suggested_at, 'consumer'),
    enterprise: row.enterprise_answer ? answer(row.enterprise_answer, row.enterprise_suggested_at, 'enterprise') : null,
    live: row.status === 'confirmed' && started,
  }
}

/**
 * The mediator proposes a time. It must leave the parties time to answer and fall within the case's
 * mediation deadline (due_at, set from the case's rule set when the case was accepted). A new
 * proposal replaces any session not yet held.
 */
export async function proposeSession(ctx: AppContext, user: AuthUser, complaintId: string, startsAt: string): Promise<RoomState> {
  const access = await openRoom(ctx, user, complaintId)
  if (access.party !== 'mediator') throw new AppError(403, 'FORBIDDEN', '只有调解员可以安排调解时间')
  requireWrite(access)
  const now = ctx.now()
  const { complaint } = access
  const at = Date.parse(startsAt)
  if (at < now.getTime() + SESSION_MIN_AHEAD_MS) throw new AppError(422, 'SESSION_TIME_INVALID', '调解时间至少要在 30 分钟以后，好让双方有时间确认')
  if (complaint.due_at && at > Date.parse(complaint.due_at)) {
    throw new AppError(422, 'SESSION_TIME_INVALID', `调解时间不能晚于本案的调解期限 ${sessionTimeLabel(complaint.due_at)}`)
  }
  const liaisons = await repo.liaisonsOf(ctx.db, complaint.enterprise_id)
  const iso = new Date(at).toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('mediation_sessions')
      .set({ status: 'cancelled', updated_at: now.toISOString() })
      .where('complaint_id', '=', complaint.id)
      .where('status', 'in', ['proposed', 'confirmed'])
      .where('starts_at', '>', now.toISOString())
      .execute()
    const id = randomUUID()
    await trx
      .insertInto('mediation_sessions')
      .values({
        id,
        complaint_id: complaint.id,
        starts_at: iso,
        status: 'proposed',
        proposed_by: user.id,
        consumer_answer: 'pending',
        consumer_suggested_at: null,
        enterprise_answer: liaisons.length > 0 ? 'pending' : null,
        enterprise_suggested_at: null,
        reminded_day_at: null,
        reminded_soon_at: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute()
    await appendMessage(trx, now, access, { id: randomUUID(), thread: 'shared', authorId: user.id, text: `调解员安排了调解时间：${sessionTimeLabel(iso)}，请确认能否参加` })
    for (const recipient of [complaint.consumer_id, ...liaisons]) {
      await notify(trx, {
        recipientId: recipient,
        type: 'mediation_session',
        title: '请确认调解时间',
        body: `${complaint.business_name}（${complaint.number}）：调解员安排在 ${sessionTimeLabel(iso)} 进行线上调解，请进入调解室确认`,
        link: ROOM_LINK + complaint.id,
        complaintId: complaint.id,
        sourceKey: `session:${id}:proposed:${recipient}`,
        now,
      })
    }
  })
  return roomState(ctx, user, complaintId)
}

/**
 * A party confirms or asks for another time (with the time they suggest). The session becomes
 * confirmed in one conditional update once every party has confirmed, so two answers at once
 * cannot leave it proposed.
 */
export async function answerSession(ctx: AppContext, user: AuthUser, complaintId: string, sessionId: string, request: AnswerSessionRequest): Promise<RoomState> {
  const access = await openRoom(ctx, user, complaintId)
  if (access.party === 'mediator') throw new AppError(403, 'FORBIDDEN', '调解员不需要确认自己安排的时间')
  requireWrite(access)
  const party = access.party
  const now = ctx.now()
  const session = await repo.findSession(ctx.db, access.complaint.id, sessionId)
  if (!session) throw new AppError(404, 'SESSION_NOT_FOUND')
  if (session.status === 'cancelled' || Date.parse(session.starts_at) <= now.getTime()) throw new AppError(409, 'SESSION_NOT_OPEN')
  const other = request.answer === 'other_time'
  if (other && (!request.suggestedAt || Date.parse(request.suggestedAt) <= now.getTime())) {
    throw new AppError(400, 'VALIDATION_FAILED', '请选一个您方便的、今后的时间')
  }
  const suggestedAt = other ? new Date(Date.parse(request.suggestedAt!)).toISOString() : null
  const at = now.toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    const columns = party === 'consumer' ? { consumer_answer: request.answer, consumer_suggested_at: suggestedAt } : { enterprise_answer: request.answer, enterprise_suggested_at: suggestedAt }
    const updated = await trx
      .updateTable('mediation_sessions')
      .set({ ...columns, ...(other ? { status: 'proposed' as const } : {}), updated_at: at })
      .where('id', '=', session.id)
      .where('status', '<>', 'cancelled')
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError(409, 'SESSION_NOT_OPEN')
    await trx
      .updateTable('mediation_sessions')
      .set({ status: 'confirmed', updated_at: at })
      .where('id', '=', session.id)
      .where('status', '=', 'proposed')
      .where('consumer_answer', '=', 'confirmed')
      .where((eb) => eb.or([eb('enterprise_answer', 'is', null), eb('enterprise_answer', '=', 'confirmed')]))
      .execute()
    const who = ROOM_PARTY_LABELS[party]
    const text = other ? `${who}希望换个时间，建议改到 ${sessionTimeLabel(suggestedAt!)}` : `${who}已确认参加 ${sessionTimeLabel(session.starts_at)} 的调解`
    await appendMessage(trx, now, access, { id: randomUUID(), thread: 'shared', authorId: user.id, text })
    await notify(trx, {
      recipientId: session.proposed_by,
      type: 'mediation_session',
      title: other ? `${who}希望换个调解时间` : `${who}已确认调解时间`,
      body: `${access.complaint.business_name}（${access.complaint.number}）：${text}`,
      link: ROOM_LINK + access.complaint.id,
      complaintId: access.complaint.id,
      sourceKey: `session:${session.id}:${party}:${at}`,
      now,
    })
  })
  return roomState(ctx, user, complaintId)
}

/**
 * The mediator records that a party did not attend a confirmed session that has started, without
 * a reason. Recorded once per session and party; said in the shared thread so both parties see it.
 */
export async function recordAbsence(ctx: AppContext, user: AuthUser, complaintId: string, sessionId: string, request: RecordAbsenceRequest): Promise<RoomState> {
  const access = await openRoom(ctx, user, complaintId)
  if (access.party !== 'mediator') throw new AppError(403, 'FORBIDDEN', '只有调解员可以记录缺席')
  requireWrite(access)
  const now = ctx.now()
  const session = await repo.findSession(ctx.db, access.complaint.id, sessionId)
  if (!session) throw new AppError(404, 'SESSION_NOT_FOUND')
  if (session.status !== 'confirmed') throw new AppError(409, 'SESSION_NOT_OPEN', '只能为双方都确认过的调解记录缺席')
  if (Date.parse(session.starts_at) > now.getTime()) throw new AppError(409, 'SESSION_NOT_STARTED')
  if (request.party === 'enterprise' && session.enterprise_answer === null) throw new AppError(422, 'VALIDATION_FAILED', '这件投诉的商家没有在调解室，不能记录商家缺席')
  const note = request.note?.trim() ? request.note.trim() : null
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('mediation_absences')
        .values({ id: randomUUID(), complaint_id: access.complaint.id, session_id: session.id, party: request.party, recorded_by: user.id, note, created_at: now.toISOString() })
        .execute()
      const text = `调解员记录：${ROOM_PARTY_LABELS[request.party]}无正当理由未参加 ${sessionTimeLabel(session.starts_at)} 的调解${note ? `（${note}）` : ''}`
      await appendMessage(trx, now, access as RoomAccess, { id: randomUUID(), thread: 'shared', authorId: user.id, text })
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'ABSENCE_ALREADY_RECORDED')
    throw error
  }
  return roomState(ctx, user, complaintId)
}

/**
 * 无正当理由不参加调解 as the case's own rule set words it (a termination ground of mediation),
 * for each party with ABSENCES_FOR_GROUND recorded absences. The mediator ends mediation with the
 * workflow's mediation_failed action, citing it.
 */
export async function absenceGroundsOf(ctx: AppContext, complaint: ComplaintRow): Promise<AbsenceGround[]> {
  const counts = await repo.absenceCounts(ctx.db, complaint.id)
  const parties = (['consumer', 'enterprise'] as const).filter((party) => counts[party] >= ABSENCES_FOR_GROUND)
  if (parties.length === 0) return []
  const rules = await rulesOfComplaint(ctx, ctx.db, complaint)
  const ground = rules.content.mediationEndGrounds.find((provision) => provision.text.includes('不参加调解'))
  return parties.map((party) => ({
    party,
    absences: counts[party],
    text: ground?.text ?? '无正当理由不参加调解（本案规则未列出此项，未核实）',
    article: ground?.article ?? null,
    action: 'mediation_failed' as const,
  }))
}

