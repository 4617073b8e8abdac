import { sql } from 'kysely'
import type { Db } from '../../db/database'
import { ViewCounter } from '../../db/view-counter'

/** Adds counted views to qa_sessions.view_count in one transaction, rows in key order (no deadlock between instances). */
export async function addSessionViews(db: Db, views: Map<string, number>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const id of [...views.keys()].sort()) {
      await trx.updateTable('qa_sessions').set({ view_count: sql<number>`view_count + ${views.get(id)!}` }).where('id', '=', id).execute()
    }
  })
}

/** The public archive's session views, written in batches like warnings' views. */
export class SessionViewCounter extends ViewCounter {
  constructor(db: Db) {
    super((views) => addSessionViews(db, views))
  }
}
