import type { Insertable, Selectable } from 'kysely'
import type { VolunteerApplicationStatus } from '../../../../src/contract/field-report-rules'
import type { Db } from '../../db/database'
import type { VolunteerApplicationTable } from '../../db/schema-volunteers'

export type VolunteerApplicationRow = Selectable<VolunteerApplicationTable>

export function insertApplication(db: Db, row: Insertable<VolunteerApplicationTable>) {
  return db.insertInto('volunteer_applications').values(row).returningAll().executeTakeFirstOrThrow()
}

export function findApplicationById(db: Db, id: string) {
  return db.selectFrom('volunteer_applications').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findLatestApplication(db: Db, userId: string, status?: VolunteerApplicationStatus) {
  let query = db.selectFrom('volunteer_applications').selectAll().where('user_id', '=', userId)
  if (status) query = query.where('status', '=', status)
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst()
}

export function listApplications(db: Db, status: VolunteerApplicationStatus | undefined, limit: number) {
  let query = db.selectFrom('volunteer_applications').selectAll()
  if (status) query = query.where('status', '=', status)
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute()
}

/** Compare-and-swap: only a row still in `from` changes, so two staff deciding at once cannot both win. */
export async function decideApplication(
  trx: Db,
  args: { id: string; from: VolunteerApplicationStatus; to: VolunteerApplicationStatus; note: string | null; staffId: string; at: string },
): Promise<VolunteerApplicationRow | undefined> {
  return trx
    .updateTable('volunteer_applications')
    .set({ status: args.to, decision_note: args.note, decided_by: args.staffId, decided_at: args.at })
    .where('id', '=', args.id)
    .where('status', '=', args.from)
    .returningAll()
    .executeTakeFirst()
}

/** The real names and phones volunteers gave when they applied, for staff views of their reports. */
export async function volunteerIdentities(db: Db, userIds: readonly string[]): Promise<Map<string, { name: string; phone: string }>> {
  if (userIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('volunteer_applications')
    .select(['user_id', 'name', 'phone', 'created_at'])
    .where('user_id', 'in', [...userIds])
    .where('status', 'in', ['approved', 'revoked'])
    .orderBy('created_at', 'asc')
    .execute()
  // Ascending, so the latest approved application of each user wins.
  return new Map(rows.map((row) => [row.user_id, { name: row.name, phone: row.phone }]))
}
