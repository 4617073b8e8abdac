import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'
import { insertUser } from '../modules/users/user.repository'
import { withUnmigratedDatabase } from './support/migration-database'
import { TEST_DB } from './support/test-app'

describe(`lawyer Q&A data written before 2026-12-05T0046-qa-privacy (${TEST_DB})`, () => {
  test('questions, their photos and search terms survive; the asker may now be cleared; sessions start at version 0', async () => {
    await withUnmigratedDatabase(async (db, migrator) => {
      assert.equal((await migrator.migrateTo('2026-12-04T0043-field-report-orgs')).error, undefined)
      const at = new Date().toISOString()
      const staff = await insertUser(db, { phone: '13688100001', role: 'staff', displayName: '老工作人员' })
      const asker = await insertUser(db, { phone: '13688100002', role: 'consumer', displayName: '老用户' })
      const session = randomUUID()
      const question = randomUUID()
      const photo = randomUUID()
      await db
        .insertInto('qa_sessions')
        .values({ id: session, organization_id: 'org-default', organization_path: '/org-default/', number: 1, theme: '预付卡', starts_at: at, ends_at: at, created_by: staff.id, question_count: 1, answer_count: 0, published_count: 1, view_count: 7, created_at: at } as never)
        .execute()
      await db
        .insertInto('qa_questions')
        .values({ id: question, session_id: session, asker_id: asker.id, text: '旧的提问内容', allow_publish: 1, status: 'answered', published_question: '旧的提问', published_answer: '旧的解答', published_at: at, created_at: at, updated_at: at } as never)
        .execute()
      await db
        .insertInto('evidence')
        .values({ id: photo, owner_id: asker.id, sha256: 'a'.repeat(64), mime_type: 'image/jpeg', bytes: 10, width: 1, height: 1, original_key: 'o.jpg', display_key: 'd.jpg', thumbnail_key: 't.jpg', attached_at: at, created_at: at } as never)
        .execute()
      await db.insertInto('qa_question_photos').values({ evidence_id: photo, question_id: question, position: 0 }).execute()
      await db.insertInto('qa_terms').values({ term: '预付', question_id: question, published_at: at }).execute()

      const after = await migrator.migrateToLatest()
      assert.equal(after.error, undefined, String(after.error))
      const row = await db.selectFrom('qa_questions').selectAll().where('id', '=', question).executeTakeFirstOrThrow()
      assert.equal(row.asker_id, asker.id)
      assert.equal(row.published_answer, '旧的解答')
      assert.equal((await db.selectFrom('qa_question_photos').select('question_id').where('evidence_id', '=', photo).executeTakeFirstOrThrow()).question_id, question)
      assert.equal((await db.selectFrom('qa_terms').select('question_id').where('term', '=', '预付').executeTakeFirstOrThrow()).question_id, question)
      assert.equal(Number((await db.selectFrom('qa_sessions').select('version').where('id', '=', session).executeTakeFirstOrThrow()).version), 0)

      await db.updateTable('qa_questions').set({ asker_id: null }).where('id', '=', question).execute()
      // Foreign keys still hold after the rebuild: a search term of no question is refused.
      await assert.rejects(db.insertInto('qa_terms').values({ term: '退费', question_id: 'no-such-question', published_at: at }).execute(), /foreign key|FOREIGN KEY/)
      // And the numeric rules still apply to the rebuilt table.
      await assert.rejects(db.updateTable('qa_questions').set({ allow_publish: 7 }).where('id', '=', question).execute(), /numeric_qa_questions_allow_publish/)
    })
  })
})
