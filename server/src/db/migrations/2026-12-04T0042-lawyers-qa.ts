import { sql, type Kysely } from 'kysely'
import { addNumericChecks, dropNumericChecks, type NumericRule } from './2026-12-03T0007-numeric-checks'

// Frozen in time once shipped: add a new migration instead of editing.
// Lawyer Q&A (issue #18): an organization's lawyer team, weekly sessions (期) with lawyers on duty,
// questions with photos, answers with citations, publication, and the public archive's search terms.

const COUNT = 2_000_000_000

export const RULES: NumericRule[] = [
  ['qa_sessions', 'number', 'integer', 1, 100_000],
  ['qa_sessions', 'question_count', 'integer', 0, COUNT],
  ['qa_sessions', 'answer_count', 'integer', 0, COUNT],
  ['qa_sessions', 'published_count', 'integer', 0, COUNT],
  ['qa_sessions', 'view_count', 'integer', 0, COUNT],
  ['qa_questions', 'allow_publish', 'integer', 0, 1],
  ['qa_question_photos', 'position', 'integer', 0, 2],
]

export async function up(db: Kysely<any>): Promise<void> {
  // A lawyer is a member of one organization's team (律师团); the account keeps its own role.
  await db.schema
    .createTable('lawyer_memberships')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('firm', 'text', (c) => c.notNull())
    .addColumn('licence_no', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'suspended')`))
    .addColumn('invited_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('lawyer_memberships_organization').on('lawyer_memberships').columns(['organization_id', 'created_at']).execute()

  await db.schema
    .createTable('qa_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('organization_path', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('question_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('answer_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('view_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('qa_sessions_number_unique', ['organization_id', 'number'])
    .execute()
  // The public archive, newest first; an organization's own sessions for its staff.
  await db.schema.createIndex('qa_sessions_starts').on('qa_sessions').columns(['starts_at', 'id']).execute()
  await db.schema.createIndex('qa_sessions_organization').on('qa_sessions').columns(['organization_id', 'starts_at']).execute()

  await db.schema
    .createTable('qa_session_lawyers')
    .addColumn('session_id', 'text', (c) => c.notNull().references('qa_sessions.id'))
    .addColumn('lawyer_id', 'text', (c) => c.notNull().references('lawyer_memberships.user_id'))
    .addPrimaryKeyConstraint('qa_session_lawyers_pk', ['session_id', 'lawyer_id'])
    .execute()
  await db.schema.createIndex('qa_session_lawyers_lawyer').on('qa_session_lawyers').columns(['lawyer_id', 'session_id']).execute()

  await db.schema
    .createTable('qa_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('qa_sessions.id'))
    .addColumn('asker_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('allow_publish', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('waiting', 'answered')`))
    .addColumn('answer_text', 'text')
    .addColumn('answer_citations', 'text')
    .addColumn('answer_next_steps', 'text')
    .addColumn('answered_by', 'text', (c) => c.references('users.id'))
    .addColumn('answered_at', 'text')
    .addColumn('published_question', 'text')
    .addColumn('published_answer', 'text')
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  // A session's questions by status (lawyers' waiting list, staff), its published ones, and an asker's own.
  await db.schema.createIndex('qa_questions_session_status').on('qa_questions').columns(['session_id', 'status', 'created_at']).execute()
  await db.schema.createIndex('qa_questions_session_published').on('qa_questions').columns(['session_id', 'published_at']).execute()
  await db.schema.createIndex('qa_questions_asker').on('qa_questions').columns(['asker_id', 'created_at']).execute()

  await db.schema
    .createTable('qa_question_photos')
    .addColumn('evidence_id', 'text', (c) => c.primaryKey().references('evidence.id'))
    .addColumn('question_id', 'text', (c) => c.notNull().references('qa_questions.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('qa_question_photos_question').on('qa_question_photos').columns(['question_id', 'position']).execute()

  // The 2-character pairs of published questions and answers (the same search as warnings).
  await db.schema
    .createTable('qa_terms')
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull().references('qa_questions.id'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('qa_terms_pk', ['term', 'question_id'])
    .execute()
  await db.schema.createIndex('qa_terms_rank').on('qa_terms').columns(['term', 'published_at', 'question_id']).execute()
  await db.schema.createIndex('qa_terms_question').on('qa_terms').column('question_id').execute()

  await addNumericChecks(db, RULES)
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropNumericChecks(db, RULES)
  for (const table of ['qa_terms', 'qa_question_photos', 'qa_questions', 'qa_session_lawyers', 'qa_sessions', 'lawyer_memberships']) {
    await db.schema.dropTable(table).execute()
  }
}
