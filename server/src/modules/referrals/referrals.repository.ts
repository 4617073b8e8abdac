import type { Selectable } from 'kysely'
import type { Db } from '../../db/database'
import type { ReferralDestinationTable } from '../../db/schema-rules'

export type ReferralDestinationRow = Selectable<ReferralDestinationTable>

/** Every destination in display order, read in that order from referral_destinations_position. */
export function referralDestinationsQuery(db: Db) {
  return db.selectFrom('referral_destinations').selectAll().orderBy('position').orderBy('code')
}

export function referralDestinationQuery(db: Db, code: string) {
  return db.selectFrom('referral_destinations').selectAll().where('code', '=', code)
}

export const listReferralDestinations = (db: Db) => referralDestinationsQuery(db).execute()
export const findReferralDestination = (db: Db, code: string) => referralDestinationQuery(db, code).executeTakeFirst()
