import type { Selectable } from 'kysely'
import type { Db } from '../../db/database'
import type { ReferralDestinationTable } from '../../db/schema-rules'

export type ReferralDestinationRow = Selectable<ReferralDestinationTable>

/** Every destination in display order (a handful of rows, read through their position index). */
export function listReferralDestinations(db: Db) {
  return db.selectFrom('referral_destinations').selectAll().orderBy('position').orderBy('code').execute()
}

export function findReferralDestination(db: Db, code: string) {
  return db.selectFrom('referral_destinations').selectAll().where('code', '=', code).executeTakeFirst()
}
