import type { Selectable } from 'kysely'
import type { Citation, PublicAnswer, QaSession, Question } from '../../../../src/contract/lawyer-qa'
import { sessionTitle } from '../../../../src/contract/lawyer-qa-rules'
import { qaLaw } from '../../../../src/contract/qa-laws'
import type { AppContext } from '../../context'
import type { Db } from '../../db/database'
import type { QaQuestionTable, QaSessionTable } from '../../db/schema-lawyers'
import { parseTextList } from '../../json-text'
import { toEvidenceDto } from '../evidence/evidence.service'
import { lawyersOnDuty, photosOfQuestions, usersNamed } from './lawyers.repository'
import { actionsOf, toFollowUp } from './qa-complaint.service'
import { followUpsOfQuestions } from './qa-follow-up.repository'

export type SessionRow = Selectable<QaSessionTable>
export type QuestionRow = Selectable<QaQuestionTable>

/** Sessions with their lawyers on duty and organization names (one query each, not one per session). */
export async function toSessionDtos(db: Db, rows: readonly SessionRow[], now: Date): Promise<QaSession[]> {
  const ids = rows.map((row) => row.id)
  const [duty, organizations] = await Promise.all([
    lawyersOnDuty(db, ids),
    ids.length === 0 ? [] : db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', [...new Set(rows.map((row) => row.organization_id))]).execute(),
  ])
  const orgName = new Map(organizations.map((o) => [o.id, o.name]))
  return rows.map((row) => ({
    id: row.id,
    number: Number(row.number),
    title: sessionTitle(Number(row.number)),
    theme: row.theme,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    open: now.toISOString() < row.ends_at,
    organizationName: orgName.get(row.organization_id) ?? '',
    lawyers: duty.filter((d) => d.session_id === row.id).map((d) => ({ id: d.user_id, name: d.display_name, firm: d.firm })),
    questionCount: Number(row.question_count),
    answerCount: Number(row.answer_count),
    publishedCount: Number(row.published_count),
    viewCount: Number(row.view_count),
    version: Number(row.version),
  }))
}

export function citationsOf(json: string | null): Citation[] {
  const codes = parseTextList(json)
  return codes.flatMap((code) => {
    const law = qaLaw(code)
    return law ? [{ code: law.code, law: law.law, article: law.article, gist: law.gist, verified: law.verified }] : []
  })
}

const stepsOf = (json: string | null): string[] => parseTextList(json)

/** Who is looking, for the follow-up: callers have already checked that they may see the question. */
export interface QuestionViewer {
  id: string
  role: string
}

/**
 * Questions with photos and answers, for the asker, the lawyers on duty and staff (never public).
 * The complaint filed from a question shows to its asker, the lawyer who answered and staff only.
 */
export async function toQuestionDtos(ctx: AppContext, rows: readonly QuestionRow[], sessions: readonly SessionRow[], viewer?: QuestionViewer): Promise<Question[]> {
  const ids = rows.map((row) => row.id)
  const followedIds = viewer ? rows.filter((row) => row.asker_id === viewer.id || row.answered_by === viewer.id || viewer.role === 'staff').map((row) => row.id) : []
  const [photos, lawyers, followUps] = await Promise.all([
    photosOfQuestions(ctx.db, ids),
    usersNamed(ctx.db, rows.flatMap((row) => (row.answered_by ? [row.answered_by] : []))),
    followUpsOfQuestions(ctx.db, followedIds),
  ])
  const followUpOf = new Map(followUps.map((f) => [f.question_id, f]))
  const sessionOf = new Map(sessions.map((s) => [s.id, s]))
  const lawyerOf = new Map(lawyers.map((l) => [l.id, l]))
  return Promise.all(
    rows.map(async (row): Promise<Question> => {
      const session = sessionOf.get(row.session_id)
      const lawyer = row.answered_by ? lawyerOf.get(row.answered_by) : undefined
      const own = photos.filter((p) => p.question_id === row.id).sort((a, b) => Number(a.photo_position) - Number(b.photo_position))
      return {
        id: row.id,
        sessionId: row.session_id,
        sessionTitle: session ? sessionTitle(Number(session.number)) : '',
        sessionTheme: session?.theme ?? '',
        text: row.text,
        businessName: row.business_name,
        photos: await Promise.all(own.map((photo) => toEvidenceDto(ctx, photo))),
        allowPublish: Number(row.allow_publish) === 1,
        status: row.status,
        answer:
          row.answer_text && row.answered_at
            ? {
                text: row.answer_text,
                citations: citationsOf(row.answer_citations),
                nextSteps: stepsOf(row.answer_next_steps),
                actions: actionsOf(row.answer_actions),
                lawyerName: lawyer?.display_name ?? '', lawyerFirm: lawyer?.firm ?? '',
                answeredAt: row.answered_at,
              }
            : null,
        published: row.published_at !== null,
        publishedQuestion: row.published_question,
        publishedAnswer: row.published_answer,
        followUp: followUpOf.has(row.id) ? toFollowUp(followUpOf.get(row.id)!, row.asker_id === viewer?.id) : null,
        createdAt: row.created_at,
      }
    }),
  )
}

/** Published questions as the public sees them: the staff-edited texts, the lawyer's name and firm, no asker. */
export async function toPublicAnswers(db: Db, rows: readonly QuestionRow[], sessions: readonly SessionRow[]): Promise<PublicAnswer[]> {
  const lawyers = await usersNamed(db, rows.flatMap((row) => (row.answered_by ? [row.answered_by] : [])))
  const sessionOf = new Map(sessions.map((s) => [s.id, s]))
  const lawyerOf = new Map(lawyers.map((l) => [l.id, l]))
  return rows.map((row) => {
    const session = sessionOf.get(row.session_id)
    const lawyer = row.answered_by ? lawyerOf.get(row.answered_by) : undefined
    return {
      id: row.id,
      sessionId: row.session_id,
      sessionTitle: session ? sessionTitle(Number(session.number)) : '',
      question: row.published_question ?? '',
      answer: row.published_answer ?? '',
      citations: citationsOf(row.answer_citations),
      nextSteps: stepsOf(row.answer_next_steps),
      lawyerName: lawyer?.display_name ?? '',
      lawyerFirm: lawyer?.firm ?? '',
      publishedAt: row.published_at ?? '',
    }
  })
}
