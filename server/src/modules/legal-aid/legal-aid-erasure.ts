import type { Transaction } from 'kysely'
import type { Database } from '../../db/schema'

/**
 * Account deletion: what the person wrote in their legal aid requests is cleared, and a request still
 * open or with a lawyer is withdrawn, so no lawyer keeps access to the case on a consent that is gone.
 * The rows stay (kind, dates, the lawyer's opinions on the case) like the anonymized complaint they belong to.
 */
export async function eraseLegalAidOf(trx: Transaction<Database>, userId: string, at: string) {
  // Through the person's complaints (indexed by consumer), then each case's requests by legal_aid_requests_complaint.
  const theirs = trx.selectFrom('complaints').select('id').where('consumer_id', '=', userId)
  await trx
    .updateTable('legal_aid_requests')
    .set({ status: 'withdrawn', active_key: null, withdrawn_at: at, updated_at: at })
    .where('complaint_id', 'in', theirs)
    .where('consumer_id', '=', userId)
    .where('status', 'in', ['open', 'assigned'])
    .execute()
  await trx.updateTable('legal_aid_requests').set({ description: '', consent_text: '', updated_at: at }).where('complaint_id', 'in', theirs).where('consumer_id', '=', userId).execute()
}
