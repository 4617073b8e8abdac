import type { Transaction } from 'kysely'
import type { Db } from '../../db/database'
import { skipLocked } from '../../db/dialect-sql'
import type { Database } from '../../db/schema'

type Trx = Transaction<Database>

/**
 * Deletes questions with their photos (the link rows and the evidence rows); returns the photos whose
 * files to delete after commit. The sessions' counters stay: they count what was asked and answered,
 * not who asked. Each question is deleted only if it is still unpublished when the statement runs.
 */
export async function deleteUnpublishedQuestions(trx: Trx, ids: readonly string[], options: { waitingOnly?: boolean } = {}) {
  if (ids.length === 0) return { questions: 0, evidence: [] }
  let query = trx.selectFrom('qa_questions').select('id').where('id', 'in', [...ids]).where('published_at', 'is', null)
  // The retention job: a question answered meanwhile stays.
  if (options.waitingOnly) query = query.where('status', '=', 'waiting')
  const due = (await query.execute()).map((row) => row.id)
  if (due.length === 0) return { questions: 0, evidence: [] }
  const photos = (await trx.deleteFrom('qa_question_photos').where('question_id', 'in', due).returning('evidence_id').execute()).map((row) => row.evidence_id)
  const evidence =
    photos.length === 0
      ? []
      : await trx.deleteFrom('evidence').where('id', 'in', photos).returning(['id', 'sha256', 'original_key', 'display_key', 'thumbnail_key']).execute()
  await trx.deleteFrom('qa_terms').where('question_id', 'in', due).execute()
  // The complaint filed from a question stays (it is the consumer's case); only the tie to the question goes.
  await trx.deleteFrom('qa_complaint_links').where('question_id', 'in', due).execute()
  const deleted = await trx.deleteFrom('qa_questions').where('id', 'in', due).where('published_at', 'is', null).executeTakeFirst()
  return { questions: Number(deleted.numDeletedRows), evidence }
}

/**
 * Account deletion: the person's unpublished questions go with their photos. Published ones stay in
 * the public archive as staff published them (never showing the asker) but lose every tie to the
 * person: no asker, the original wording (which may name them) cleared, and their photos deleted,
 * since the public never sees photos.
 */
export async function eraseQuestionsOf(trx: Trx, userId: string) {
  const unpublished = (await trx.selectFrom('qa_questions').select('id').where('asker_id', '=', userId).where('published_at', 'is', null).execute()).map((row) => row.id)
  const { evidence } = await deleteUnpublishedQuestions(trx, unpublished)
  const published = (await trx.selectFrom('qa_questions').select('id').where('asker_id', '=', userId).execute()).map((row) => row.id)
  if (published.length === 0) return evidence
  const photos = (await trx.deleteFrom('qa_question_photos').where('question_id', 'in', published).returning('evidence_id').execute()).map((row) => row.evidence_id)
  const publishedPhotos =
    photos.length === 0
      ? []
      : await trx.deleteFrom('evidence').where('id', 'in', photos).returning(['id', 'sha256', 'original_key', 'display_key', 'thumbnail_key']).execute()
  await trx.deleteFrom('qa_complaint_links').where('question_id', 'in', published).execute()
  await trx.updateTable('qa_questions').set({ asker_id: null, text: '' }).where('id', 'in', published).execute()
  return [...evidence, ...publishedPhotos]
}

/**
 * Questions nobody answered (so never published) in sessions that ended before `cutoff`: each ended
 * session's waiting questions come from qa_questions_session_status, the sessions from qa_sessions_ends.
 */
export function unansweredQuestionsQuery(db: Db | Trx, cutoff: string, limit: number) {
  return db
    .selectFrom('qa_questions')
    .select('id')
    .where('session_id', 'in', db.selectFrom('qa_sessions').select('id').where('ends_at', '<', cutoff))
    .where('status', '=', 'waiting')
    .where('published_at', 'is', null)
    .limit(limit)
}

/** Call inside the transaction that deletes them: on PostgreSQL the rows stay claimed until it ends. */
export function unansweredQuestionsBefore(db: Db | Trx, cutoff: string, limit: number) {
  return skipLocked(db, unansweredQuestionsQuery(db, cutoff, limit)).execute()
}
