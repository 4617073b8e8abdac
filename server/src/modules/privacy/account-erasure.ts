import { createHash } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import type { UserRow } from '../users/user.repository'
import { anonymizeComplaints } from './retention.repository'
import { announceSessionsEnded } from '../notifications/inbox-signal'
import { eraseWalkInsOf } from '../walk-ins/walk-in-erasure'
import { eraseQuestionsOf } from '../lawyers/qa-erasure'
import { eraseLegalAidOf } from '../legal-aid/legal-aid-erasure'

type Trx = Transaction<Database>
type StoredFiles = Awaited<ReturnType<typeof anonymizeComplaints>>['evidence']

/** What an erased account is shown as to staff and liaisons, e.g. 用户·7F3A: stable, and not derived from the phone. */
export function pseudonymFor(userId: string): string {
  return `用户·${createHash('sha256').update(userId).digest('hex').slice(0, 4).toUpperCase()}`
}

/**
 * Removes one person's personal data from every table that holds it, inside the completing transaction.
 * The user row stays as a disabled tombstone under a pseudonym, so open cases, volunteers' reports and
 * timelines keep pointing at someone. Returns the photos whose files to delete after commit.
 *
 * - sessions, SMS codes, notifications with their deliveries, counters, preferences and subscribe quotas: deleted
 * - closed complaints: anonymised as the retention job does at the end of their period (text and photos gone)
 * - open complaints: kept for the mediation (description, photos, messages) without the contact phone;
 *   the retention schedule anonymises them once they close
 * - photos never attached to anything: deleted
 * - volunteer applications: name, region, phone, motivation and the decision note replaced or cleared
 * - field reports: kept for the association; the volunteer's positions (report and photos) cleared
 * - walk-in filings naming the phone that never became a complaint: deleted with their counter photos;
 *   those that did: phone cleared, name replaced by the pseudonym
 * - lawyer Q&A questions: unpublished ones deleted with their photos; published ones stay in the
 *   archive as published, without the asker, their original wording or their photos
 */
export async function eraseAccount(trx: Trx, user: UserRow, at: string): Promise<StoredFiles> {
  const pseudonym = pseudonymFor(user.id)
  const sessions = await trx.deleteFrom('sessions').where('user_id', '=', user.id).returning('id').execute()
  // Their open live streams close at once, on every instance (the signal goes out on commit).
  await announceSessionsEnded(trx, sessions.map((session) => session.id))
  if (user.phone) await trx.deleteFrom('sms_codes').where('phone', '=', user.phone).execute()

  await trx.deleteFrom('notification_deliveries').where('recipient_id', '=', user.id).execute()
  await trx.deleteFrom('notifications').where('recipient_id', '=', user.id).execute()
  await trx.deleteFrom('notification_counters').where('recipient_id', '=', user.id).execute()
  await trx.deleteFrom('notification_preferences').where('user_id', '=', user.id).execute()
  await trx.deleteFrom('subscribe_quotas').where('user_id', '=', user.id).execute()

  const closed = await trx
    .selectFrom('complaints')
    .select('id')
    .where('consumer_id', '=', user.id)
    .where('closed_at', 'is not', null)
    .where('anonymized_at', 'is', null)
    .execute()
  const anonymized = await anonymizeComplaints(trx, closed.map((row) => row.id), at)
  await trx.updateTable('complaints').set({ contact_phone: '' }).where('consumer_id', '=', user.id).execute()

  const unattached = await trx
    .deleteFrom('evidence')
    .where('owner_id', '=', user.id)
    .where('attached_at', 'is', null)
    .returning(['id', 'sha256', 'original_key', 'display_key', 'thumbnail_key'])
    .execute()

  await trx
    .updateTable('volunteer_applications')
    .set({ name: pseudonym, region: '', phone: '', motivation: '', decision_note: null })
    .where('user_id', '=', user.id)
    .execute()
  const reports = trx.selectFrom('field_reports').select('id').where('volunteer_id', '=', user.id)
  await trx.updateTable('field_report_photos').set({ latitude: null, longitude: null, accuracy: null }).where('report_id', 'in', reports).execute()
  await trx
    .updateTable('evidence')
    .set({ latitude: null, longitude: null })
    .where('id', 'in', trx.selectFrom('field_report_photos').select('evidence_id').where('report_id', 'in', reports))
    .execute()
  await trx
    .updateTable('field_reports')
    .set((eb) => ({ latitude: null, longitude: null, accuracy: null, coordinates_removed_at: eb.fn.coalesce('coordinates_removed_at', eb.val(at)) }))
    .where('volunteer_id', '=', user.id)
    .execute()

  const counterPhotos = await eraseWalkInsOf(trx, user, pseudonym)
  const questionPhotos = await eraseQuestionsOf(trx, user.id)
  await eraseLegalAidOf(trx, user.id, at)

  await trx
    .updateTable('users')
    .set({ phone: null, wechat_openid: null, display_name: pseudonym, disabled: 1, deleted_at: at, updated_at: at })
    .where('id', '=', user.id)
    .execute()
  return [...anonymized.evidence, ...unattached, ...counterPhotos, ...questionPhotos]
}
