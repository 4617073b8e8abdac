import type { Kysely } from 'kysely'

// Frozen in time once shipped: add a new migration instead of editing.
// From answer to action (issue #18): a question may name the business; an answer carries structured
// next steps (file a complaint, read a warning); a complaint filed from a question links back to it,
// at most one per question, and the answering lawyer follows it.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('qa_questions').addColumn('business_name', 'text').execute()
  // JSON: [{ "kind": "complaint" }, { "kind": "warning", "warningId": "…" }]
  await db.schema.alterTable('qa_questions').addColumn('answer_actions', 'text').execute()

  await db.schema
    .createTable('qa_complaint_links')
    // The primary key makes "one complaint per question" hold under concurrent filings.
    .addColumn('question_id', 'text', (c) => c.primaryKey().references('qa_questions.id'))
    .addColumn('complaint_id', 'text', (c) => c.notNull().unique().references('complaints.id'))
    .addColumn('lawyer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  // The answering lawyer's follow-up list, newest first.
  await db.schema.createIndex('qa_complaint_links_lawyer').on('qa_complaint_links').columns(['lawyer_id', 'created_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('qa_complaint_links').execute()
  await db.schema.alterTable('qa_questions').dropColumn('answer_actions').execute()
  await db.schema.alterTable('qa_questions').dropColumn('business_name').execute()
}
