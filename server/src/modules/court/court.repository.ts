import type { Insertable, Selectable } from 'kysely'
import type { Db } from '../../db/database'
import type { CourtReferralTable, LitigationLetterTable } from '../../db/schema-court'

export type CourtReferralRow = Selectable<CourtReferralTable>
export type LitigationLetterRow = Selectable<LitigationLetterTable>

export const referralQuery = (db: Db, complaintId: string) => db.selectFrom('court_referrals').selectAll().where('complaint_id', '=', complaintId)
export const letterQuery = (db: Db, complaintId: string) => db.selectFrom('litigation_letters').selectAll().where('complaint_id', '=', complaintId)

export function findReferral(db: Db, complaintId: string) {
  return referralQuery(db, complaintId).executeTakeFirst()
}

export function findLetter(db: Db, complaintId: string) {
  return letterQuery(db, complaintId).executeTakeFirst()
}

/** The referral and its copy on the complaint (for the queue); a taken case number or case fails on a unique index. */
export async function insertReferral(trx: Db, row: Insertable<CourtReferralTable>) {
  await trx.insertInto('court_referrals').values(row).execute()
  await trx
    .updateTable('complaints')
    .set({ court_case_number: row.court_case_number, court_deadline: row.court_deadline })
    .where('id', '=', row.complaint_id)
    .execute()
}

export function insertLetter(trx: Db, row: Insertable<LitigationLetterTable>) {
  return trx.insertInto('litigation_letters').values(row).execute()
}
