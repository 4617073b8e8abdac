import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'
import { withUnmigratedDatabase } from './support/migration-database'
import { TEST_DB } from './support/test-app'

describe(`migration 2026-12-05T0044-qa-complaint-links (${TEST_DB})`, () => {
  test('runs on a database with questions, keeps them, and goes down and up again', async () => {
    await withUnmigratedDatabase(async (db, migrator) => {
      assert.equal((await migrator.migrateTo('2026-12-04T0043-field-report-orgs')).error, undefined)
      const now = new Date().toISOString()
      const user = { id: randomUUID(), phone: '13687100001', role: 'consumer', display_name: '老用户', created_at: now, updated_at: now }
      await db.insertInto('users').values(user as never).execute()
      const org = await db.selectFrom('organizations').select(['id', 'path']).executeTakeFirstOrThrow()
      const sessionId = randomUUID()
      await db
        .insertInto('qa_sessions')
        .values({ id: sessionId, organization_id: org.id, organization_path: org.path, number: 1, theme: '旧的一期', starts_at: now, ends_at: now, created_by: user.id, created_at: now } as never)
        .execute()
      const questionId = randomUUID()
      await db
        .insertInto('qa_questions')
        .values({ id: questionId, session_id: sessionId, asker_id: user.id, text: '旧的问题还在吗？', allow_publish: 0, status: 'waiting', created_at: now, updated_at: now } as never)
        .execute()

      assert.equal((await migrator.migrateToLatest()).error, undefined)
      const kept = await db.selectFrom('qa_questions').select(['text', 'business_name', 'answer_actions']).where('id', '=', questionId).executeTakeFirstOrThrow()
      assert.deepEqual(kept, { text: '旧的问题还在吗？', business_name: null, answer_actions: null })

      const down = await migrator.migrateTo('2026-12-04T0043-field-report-orgs')
      assert.equal(down.error, undefined, String(down.error))
      assert.equal((await db.selectFrom('qa_questions').select('text').where('id', '=', questionId).executeTakeFirstOrThrow()).text, '旧的问题还在吗？')
      assert.equal((await migrator.migrateToLatest()).error, undefined)
      assert.deepEqual(await db.selectFrom('qa_complaint_links').selectAll().execute(), [])
    })
  })
})
