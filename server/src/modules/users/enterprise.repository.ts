import { randomUUID } from 'node:crypto'
import type { Db } from '../../db/database'

export function findEnterpriseById(db: Db, id: string) {
  return db.selectFrom('enterprises').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findEnterpriseByName(db: Db, name: string) {
  return db.selectFrom('enterprises').selectAll().where('name', '=', name).executeTakeFirst()
}

export async function insertEnterprise(db: Db, name: string, creditCode: string | null = null) {
  const row = { id: randomUUID(), name, credit_code: creditCode, created_at: new Date().toISOString() }
  await db.insertInto('enterprises').values(row).execute()
  return row
}

/** The liaison accounts bound to an enterprise, by name. */
export function listEnterpriseLiaisons(db: Db, enterpriseId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'phone', 'disabled'])
    .where('role', '=', 'enterprise')
    .where('enterprise_id', '=', enterpriseId)
    .orderBy('display_name')
    .orderBy('id')
    .execute()
}
