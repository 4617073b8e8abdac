import { sessionTitle } from '../../../../src/contract/lawyer-qa-rules'
import type { AppContext } from '../../context'
import { citationsOf } from '../lawyers/qa-dto'
import { usersNamed } from '../lawyers/lawyers.repository'
import { parseTextList } from '../../json-text'

/** Questions asked per page; someone asks at most a few hundred (the asker's own list shows 100). */
const QUESTIONS_PER_PAGE = 100

export interface ExportedQuestionPhoto {
  /** Path inside the archive. */
  file: string
  originalKey: string
  sha256: string
  mimeType: string
  bytes: number
  capturedAt: string | null
  uploadedAt: string
}

export interface ExportedQuestion {
  folder: string
  json: object
  photos: ExportedQuestionPhoto[]
}

/**
 * The person's lawyer Q&A questions, a page at a time, oldest first (qa_questions_asker): what they
 * asked, whether they allowed publication, the lawyer's answer with its citations and next steps,
 * what was published of it, and their photos (as files to copy from storage).
 */
export async function* questionsForExport(ctx: AppContext, userId: string): AsyncGenerator<ExportedQuestion> {
  let after: { createdAt: string; id: string } | null = null
  for (;;) {
    let query = ctx.db.selectFrom('qa_questions').selectAll().where('asker_id', '=', userId)
    if (after) {
      const { createdAt, id } = after
      query = query.where((eb) => eb.or([eb('created_at', '>', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '>', id)])]))
    }
    const rows = await query.orderBy('asker_id').orderBy('created_at').orderBy('id').limit(QUESTIONS_PER_PAGE).execute()
    if (rows.length === 0) return
    const ids = rows.map((row) => row.id)
    const lawyerIds = [...new Set(rows.flatMap((row) => (row.answered_by ? [row.answered_by] : [])))]
    const [sessions, photos, lawyers] = await Promise.all([
      ctx.db.selectFrom('qa_sessions').select(['id', 'number', 'theme']).where('id', 'in', [...new Set(rows.map((row) => row.session_id))]).execute(),
      ctx.db
        .selectFrom('qa_question_photos as p')
        .innerJoin('evidence as e', 'e.id', 'p.evidence_id')
        .select(['p.question_id', 'p.position', 'e.sha256', 'e.mime_type', 'e.bytes', 'e.original_key', 'e.captured_at', 'e.created_at'])
        .where('p.question_id', 'in', ids)
        .execute(),
      usersNamed(ctx.db, lawyerIds),
    ])
    for (const row of rows) {
      const session = sessions.find((s) => s.id === row.session_id)
      const lawyer = lawyers.find((l) => l.id === row.answered_by)
      const own = photos.filter((p) => p.question_id === row.id).sort((a, b) => Number(a.position) - Number(b.position))
      const files = own.map((photo, index) => ({
        file: `photos/${String(index + 1).padStart(2, '0')}-${photo.sha256.slice(0, 12)}.${photo.original_key.split('.').pop()}`,
        originalKey: photo.original_key,
        sha256: photo.sha256,
        mimeType: photo.mime_type,
        bytes: Number(photo.bytes),
        capturedAt: photo.captured_at,
        uploadedAt: photo.created_at,
      }))
      yield {
        folder: `lawyer-qa/${row.created_at.slice(0, 10)}-${row.id.slice(0, 8)}`,
        photos: files,
        json: {
          id: row.id,
          session: session ? { title: sessionTitle(Number(session.number)), theme: session.theme } : null,
          askedAt: row.created_at,
          question: row.text,
          allowPublish: Number(row.allow_publish) === 1,
          status: row.status,
          answer: row.answer_text
            ? {
                text: row.answer_text,
                citations: citationsOf(row.answer_citations).map((c) => `${c.law} ${c.article}`),
                nextSteps: parseTextList(row.answer_next_steps),
                lawyer: lawyer ? { name: lawyer.display_name, firm: lawyer.firm } : null,
                answeredAt: row.answered_at,
              }
            : null,
          publication: row.published_at ? { publishedAt: row.published_at, question: row.published_question, answer: row.published_answer } : null,
          photos: files.map(({ originalKey: _key, ...photo }) => photo),
        },
      }
    }
    const last = rows.at(-1)!
    if (rows.length < QUESTIONS_PER_PAGE) return
    after = { createdAt: last.created_at, id: last.id }
  }
}
